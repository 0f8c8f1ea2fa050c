"""The attribution stage's entry point: the compiled vocabulary and the order of the passes."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator

import regex

from diplo_cli.attribution.clauses import ClauseReader
from diplo_cli.attribution.common import _QUESTION_CLOSERS, _dedupe
from diplo_cli.attribution.constructions import Constructions
from diplo_cli.attribution.frames import QuoteFramer
from diplo_cli.attribution.indirect import IndirectReader
from diplo_cli.attribution.noun_phrases import NounPhraseReader
from diplo_cli.attribution.patterns import load_grammar
from diplo_cli.attribution.quotes import Quote, _quote_around, _Spans, find_quotes
from diplo_cli.attribution.tokens import _TokenIndex
from diplo_cli.language.lexicons import Lexicon
from diplo_cli.models import Attribution, Sentence, Span
from diplo_cli.rules import Trace
from diplo_cli.rules.scanning import AsciiLines, LineStartScan, ListScan, PrefixScan, PrefixTable
from diplo_cli.text.analysis import TextAnalysis
from diplo_cli.text.segment import turn_body_start

# characters after a stretch that no cue word goes on with (see AttributionFinder._cues_between)
_CUE_STOPS = frozenset(".,;:!?\"“”()[]")


class AttributionFinder(IndirectReader, Constructions, QuoteFramer, ClauseReader, NounPhraseReader):
    """Holds the compiled vocabulary; :meth:`find` runs on one document."""

    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon
        grammar = lexicon.grammar
        for name, value in load_grammar(lexicon, lexicon.language).items():  # data/<lang>/attribution_grammar.toml
            setattr(self, name, value)
        self.plural_chars = "".join(self.plural_letters)  # for str.rstrip
        self.auxiliaries = frozenset(grammar["cue_auxiliaries"])
        self.passive = frozenset(grammar["passive_auxiliaries"])
        self.stopwords = frozenset(grammar["capitalised_stopwords"]) | frozenset(grammar["weekdays"]) | frozenset(m.rstrip(".") for m in grammar["months"])
        self.function_words = frozenset(grammar["np_function_words"])
        self.title_words = frozenset(w for phrase in lexicon.titles for w in phrase.split()) - self.function_words
        self.source_words = frozenset(w for phrase in lexicon.anonymous_nouns for w in phrase.split()) - self.function_words
        self.content_openers_rejected = frozenset(grammar["non_clause_openers"])
        # documents speak too: "the statement said", "A joint communiqué says"
        self.document_words = frozenset(w for w in lexicon.reporting_nouns if " " not in w) | frozenset(grammar["document_nouns"])
        # "the ministry said", "the embassy said": organisation heads are kept with the speaker data
        self.body_words = frozenset(getattr(lexicon, "organisation_heads", {}) or grammar.get("speaking_bodies", ())) | frozenset(grammar["collective_speakers"])
        self.np_words = self.title_words | self.source_words | lexicon.source_modifiers | self.function_words | self.document_words | self.body_words
        # built once: the noun-phrase reader asks for them at every token
        self.modifiable_heads = self.title_words | self.document_words  # heads a lower-case noun may modify ("jobs report")
        self.document_stems = self.document_words | {w.rstrip(self.plural_chars) for w in self.document_words}
        self.cue_tenses = lexicon.cue_tenses
        self.cues = lexicon.matcher("cues")
        self.cue_scan = ListScan.of(self.cues)  # the whole-text pass, on the faster engine when it finds the same
        self.not_cue_scan = ListScan.of(self.not_cues) if self.not_cues is not None else None  # looked for around every cue
        self.headline_scan = LineStartScan(self.headline)  # tried at line starts only
        # the whole-text passes of the reporting nouns that open with rare words (a possessive, an
        # issuing verb) are tried only where one starts
        self.reporting_noun_scans = [PrefixScan(p) for p in (self.reporting_noun, self.reporting_noun_for, self.reporting_noun_issued)]
        self.reporting_noun_table = PrefixTable(self.reporting_noun_scans, sparse=True)
        # reporting_noun_from (opens with an article) is tried near its 'from'/'by' when its data states the anchor
        self.reporting_noun_from_scan = getattr(self, "reporting_noun_from_scan", self.reporting_noun_from)
        self.infinitive_cues = frozenset(grammar["infinitive_cues"])
        self.object_infinitive_cues = frozenset(grammar["object_infinitive_cues"])
        self.not_possessors = frozenset(grammar["contracted_words"])
        self.directive_nouns = frozenset(grammar["directive_nouns"])
        self.resource_objects = frozenset(grammar["resource_objects"])
        self.name_particles = frozenset(grammar["name_particles"])
        self.document_only_cues = frozenset(grammar["document_only_cues"])
        self.person_cues = frozenset(grammar["person_cues"])
        self.finding_words = self.document_stems | frozenset(grammar["finding_bodies"])
        self.reflexives = frozenset(grammar["reflexive_pronouns"])
        self.document_participle_words = frozenset(grammar["document_participles"])
        self.frame_only_cues = frozenset(grammar["frame_only_cues"])
        self.adverbial_words = frozenset(grammar["adverbial_openers"]) | self.subordinating_openers
        self.subordinators = frozenset(grammar["subordinators"])
        self.lenient_cues = frozenset(grammar["lenient_clause_cues"])
        self.subject_pronouns = frozenset(grammar["subject_pronouns"])
        self.finite_markers = frozenset(grammar["finite_markers"])
        self.clause_stops = frozenset(grammar["clause_stops"])
        self.copular_cues = frozenset(grammar["copular_cues"])
        self.source_cues = frozenset(grammar["source_cues"])  # "according to"
        self.quoted_as_cues = frozenset(grammar["quoted_as_cues"])  # "as saying"

    def find(self, text: str, sentences: list[Sentence], turns: list[tuple[int, int, bool]] | None = None,
             trace: Trace | None = None, analysis: TextAnalysis | None = None) -> list[Attribution]:
        self.text = text
        self.trace = trace
        # where the cue and not-cue lists may scan on the faster engine (see ListScan)
        self.lines = analysis.lines if analysis is not None else AsciiLines(text)
        self.sentences = sentences
        self.sentence_starts = [s.start for s in sentences]
        self.token_index = _TokenIndex(text)
        # the cues of the whole text, found once: the clause readers look for cues in stretches of it (_cues_between)
        cue_matches = list(self.cue_scan.finditer(text, self.lines))
        self.cue_spans = [match.span() for match in cue_matches]
        self.cue_starts = [start for start, _ in self.cue_spans]
        quotes = find_quotes(text, sentences)
        found: list[Attribution] = []
        used_cues: set[int] = set()
        self.unframed: list[Quote] = []
        self._relaxed: list[str] = []  # checks relaxed while reading the current cue (see confidence.toml)
        self._recent_speaker: tuple[int, Span] | None = None
        found.extend(self._frame_quotes(quotes, used_cues))
        found.extend(self._nested_quotes(quotes, used_cues))
        self.frame_speakers = {a.sentence: a.speaker for a in found if a.rule.startswith("attribution.direct.after")}
        quote_regions = [(q.open, q.close) for q in quotes]  # in order and disjoint: looked up by bisection
        consumed = _Spans((a.content.start, a.content.end) for a in found)
        self.turn_bodies = [turn_body_start(text, turn) for turn in turns] if turns else []
        self.turns = turns or []
        # turns in order and apart (as find_turns gives them): the one holding an offset is found by bisection
        self.turn_starts = [turn[0] for turn in self.turns]
        self._turns_apart = all(self.turns[i][1] <= self.turns[i + 1][0] for i in range(len(self.turns) - 1))
        for match in cue_matches:
            if match.start() in used_cues:
                continue
            if self._excluded(match) or not self._cue_shape_ok(match):
                if trace is not None:  # 'declined to say', 'is said to'; 'the State Department'
                    self._veto("not_cue" if self._excluded(match) else "name_word", Span.of(text, match.start(), match.end()))
                continue
            self._relaxed = []
            attribution = self._indirect(match, quote_regions, consumed)
            self._relaxed = []
            if attribution is not None:
                found.append(attribution)
        if not turns:
            for match in self.headline_scan.finditer(text, analysis.line_starts if analysis is not None else None):
                attribution = self._headline(match)
                if attribution is not None:
                    found.append(attribution)
        shared = analysis is not None and analysis.text is text
        lowered = self.reporting_noun_table.lowered(text, analysis.spaced_lowered if shared else False,
                                                    (lambda: analysis.short_runs) if shared else None)
        noun, noun_for, issued = (scan.finditer(text, lowered) for scan in self.reporting_noun_scans)
        for match in itertools.chain(noun, noun_for, self.reporting_noun_from_scan.finditer(text), issued):
            attribution = self._reporting_noun(match, quote_regions)
            if attribution is not None:
                found.append(attribution)
        found.extend(self._late_continuations(found))
        if self.lex.switched_off:
            found = self._vetoed_by_pack(found)
        if trace is not None:
            for attribution in found:
                trace.add("attribution", attribution.rule, "built", attribution.cue.start, attribution.cue.end,
                          attribution.content.text[:60])
                for check in attribution.relaxed:
                    trace.add("attribution", f"attribution.relax.{check}", "relaxed", attribution.cue.start, attribution.cue.end,
                              attribution.rule)
        # A reporter's question is not a statement, nor is a cue inside any interrogative sentence
        # ("Can you confirm that ...?"); reported speech in the declarative part of a question turn is.
        found = self._vetoed(found, "attribution.veto.interrogative",
                             lambda a: a.kind != "direct" and self._interrogative(a.cue.start, quote_regions))
        # a quoted question ("he asked, 'Why not?'", an interviewer's question) is no statement either
        found = self._vetoed(found, "attribution.veto.question_content",
                             lambda a: a.content.text.rstrip(_QUESTION_CLOSERS).endswith("?"))
        found.sort(key=lambda a: (a.cue.start, a.content.start))
        return _dedupe(found)

    def _vetoed(self, found: list[Attribution], rule: str, applies) -> list[Attribution]:
        """``found`` without the candidates ``applies`` to; each one dropped is traced under ``rule``."""
        kept = []
        for attribution in found:
            if not applies(attribution):
                kept.append(attribution)
            elif self.trace is not None:
                self.trace.add("attribution", rule, "vetoed", attribution.cue.start, attribution.cue.end, attribution.rule)
        return kept

    def _vetoed_by_pack(self, found: list[Attribution]) -> list[Attribution]:
        """``found`` without the statements of rules a rule pack switched off (traced under their id)."""
        kept = [attribution for attribution in found if attribution.rule not in self.lex.switched_off]
        if self.trace is not None:
            for attribution in found:
                if attribution.rule in self.lex.switched_off:
                    self.trace.add("attribution", attribution.rule, "vetoed", attribution.cue.start, attribution.cue.end,
                                   "switched off by a rule pack")
        return kept

    def _veto(self, name: str, cue: Span, note: str = "") -> None:
        """Drop the candidate at ``cue``: traced as ``attribution.veto.<name>`` when a trace is kept."""
        if self.trace is not None:
            self.trace.add("attribution", f"attribution.veto.{name}", "vetoed", cue.start, cue.end, note)

    def _trim(self, name: str, cue: Span, end: int, trimmed: int) -> int:
        """``trimmed``, the content's new end: traced as ``attribution.trim.<name>`` when it moved; ``end``
        when a rule pack switched the trim off."""
        if f"attribution.trim.{name}" in self.lex.switched_off:
            return end
        if self.trace is not None and trimmed != end:
            self.trace.add("attribution", f"attribution.trim.{name}", "trimmed", cue.start, cue.end, f"content end {end} -> {trimmed}")
        return trimmed

    def _is_gerund(self, cue_word: str) -> bool:
        """Is the cue form a gerund ('saying', 'pointing out')? cue_verbs.tsv's gerund column says."""
        return self.cue_tenses.get(cue_word.casefold()) == "gerund"

    def _sentence_index(self, offset: int) -> int:
        index = bisect.bisect_right(self.sentence_starts, offset) - 1
        return max(index, 0)

    def _sentence(self, offset: int) -> Sentence:
        return self.sentences[self._sentence_index(offset)]

    def _cues_between(self, start: int, end: int) -> list[regex.Match] | Iterator[regex.Match]:
        """The matches of ``self.cues.finditer(self.text, start, end)``, read off the whole text's cues.

        Why: the clause readers look for cues in a stretch of the sentence at nearly every cue; scanning
        the stretch again with ``regex`` took some 7% of the extraction (measured), where the whole
        text's cues are found once, on the faster engine. The same matches, unless an edge of the
        stretch cuts a cue of the whole text or ``end`` cuts a word (the list's guard then reads the
        stretch's end where the text goes on, and a cue may match a word's head): the stretch is then
        scanned as before. Each cue is read again at its place (a ``regex`` match, as the scan gives).
        """
        text, spans = self.text, self.cue_spans
        if start < 0 or end < 0 or end < len(text) and not (text[end].isspace() or text[end] in _CUE_STOPS):
            return self.cues.finditer(text, start, end)
        first = bisect.bisect_left(self.cue_starts, start)
        last = bisect.bisect_left(self.cue_starts, end)
        if (first > 0 and spans[first - 1][1] > start) or (last > first and spans[last - 1][1] > end):
            return self.cues.finditer(text, start, end)
        match_at = self.cues.match
        return [match_at(text, cue_start, cue_end) for cue_start, cue_end in spans[first:last]]

    def _cue_shape_ok(self, match: regex.Match) -> bool:
        """A capitalised cue word inside a sentence is a name ('the United States', 'State Department')."""
        word = match.group()
        if not word[:1].isupper() or (word.isupper() and len(word) > 1):
            return True
        before = self.text[self._sentence(match.start()).start : match.start()]
        return not before.strip(" \t\"“„«‘'—–-:(") or before.rstrip().endswith((":", "\"", "“", "—"))

    def _interrogative(self, offset: int, quote_regions) -> bool:
        """True when the cue sits in a question: the clause around it ends with '?'."""
        sentence = self._sentence(offset)
        if _quote_around(quote_regions, offset) is not None:
            return False
        tail = self.text[offset : sentence.end].rstrip(" \"”’»)")
        return tail.endswith("?")

    def _body_start(self, offset: int) -> int:
        """Where the words of the transcript turn holding ``offset`` begin (after its label)."""
        if self._turns_apart:  # the last turn starting at or before the offset is the only one that may hold it
            index = bisect.bisect_right(self.turn_starts, offset) - 1
            return self.turn_bodies[index] if index >= 0 and offset < self.turns[index][1] else 0
        for (start, end, *_rest), body in zip(self.turns, self.turn_bodies):
            if start <= offset < end:
                return body
        return 0

    def _excluded(self, match: regex.Match) -> bool:
        """Cue words used in another sense: 'declined to say', 'is said to', 'called off'."""
        if self.not_cues is None:
            return False
        start = max(0, match.start() - 40)
        for phrase in self.not_cue_scan.finditer(self.text, self.lines, start, min(len(self.text), match.end() + 40)):
            if match.start() <= phrase.start() and phrase.end() <= match.end() and phrase.end() - phrase.start() < match.end() - match.start():
                continue  # a shorter not-cue inside a longer cue: "know" in "let you know"
            if phrase.start() <= match.start() < phrase.end() or match.start() <= phrase.start() < match.end():
                return True
        return False


def find_attributions(text: str, sentences: list[Sentence], lexicon: Lexicon, turns=None) -> list[Attribution]:
    """All attributions of a document, ordered by cue position."""
    return AttributionFinder(lexicon).find(text, sentences, turns)
