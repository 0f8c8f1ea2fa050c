"""Named constructions: according to, quoted as saying, participles, as-frames, parentheticals, headlines, reporting nouns."""

from __future__ import annotations

import regex

from diplo_cli.attribution.common import (
    _EVALUATIVE_QUOTE,
    _LETTER,
    _OPENING_SINGLE_QUOTE,
    _QUOTE_MARKS,
    _SINGLE_QUOTED,
    _WORD_BEFORE,
    _skip_spaces,
    _trim_inner,
)
from diplo_cli.language.lexicons import name_key
from diplo_cli.models import Attribution, Span


class Constructions:
    """The named builders of reported speech that the indirect reader hands a candidate to."""

    def _headline(self, match: regex.Match) -> Attribution | None:
        """'Lavrov: talks with Kyiv are possible': a known name, a colon and a clause (not a quotation,
        not a transcript label in capitals, not 'Update:' or 'Photo:')."""
        name = match.group("name")
        words = name.split()
        if name.isupper() or words[0] in self.stopwords:
            return None
        known = name_key(name) in self.lex.person_by_alias or name_key(name) in self.lex.person_by_surname or self.lex.organisation(name) is not None
        if not known:
            return None
        start = match.end()
        sentence_index = self._sentence_index(start)
        upper = self.sentences[sentence_index].end
        if not self._clause_like(start, upper):
            return self._veto("headline_without_clause", Span.of(self.text, match.start("colon"), match.end("colon")))
        speaker = Span.of(self.text, match.start("name"), match.end("name"))
        cue = Span.of(self.text, match.start("colon"), match.end("colon"))
        return self._make(speaker, cue, start, self._content_end(start, upper), "attribution.indirect.headline", sentence_index)

    def _reporting_noun(self, match: regex.Match, quote_regions) -> Attribution | None:
        text = self.text
        sentence_index, lower, upper = self._reach(match.start(), quote_regions)
        if match.re is self.reporting_noun_from:
            speaker = self.speaker_after(match.start("source"), match.end("source"))
            if speaker is None or speaker.end != match.end("source"):
                return self._veto("reporting_noun_source", Span.of(text, match.start("noun"), match.end("noun")))  # the words after "from" are no whole noun phrase
        elif match.re is self.reporting_noun_issued:
            # "The envoy put out a statement that P": the issuer, the subject of the issuing verb
            speaker = self.speaker_before(match.start("verb"), lower)
        elif match.group("pronoun"):
            speaker = Span.of(text, match.start("pronoun"), match.end("pronoun"))
        else:
            owner = _WORD_BEFORE.search(text, max(lower, match.start() - 40), match.start("possessive"))
            if owner is None or owner.group().casefold() in self.lex.pronouns or owner.group().casefold() in self.not_possessors:
                return self._veto("contraction_not_possessor", Span.of(text, match.start("noun"), match.end("noun")))  # "it’s worth recalling that": a contraction, not a possessor
            speaker = self.speaker_before(match.start("possessive"), lower)
        if speaker is None:
            return self._veto("no_speaker", Span.of(text, match.start("noun"), match.end("noun")), "reporting noun")
        cue = Span.of(text, match.start("noun"), match.end("noun"))
        if match.group("complement") in self.complementizers:
            start = match.end()
        elif self.infinitive.match(text, match.start("complement"), upper):
            start = match.start("complement")
        else:
            return self._veto("addressee_not_infinitive", Span.of(text, match.start("noun"), match.end("noun")))  # "Obama's letter to the President": an addressee, not an infinitive
        cue_end = self._content_end(start, upper)
        end = self._trim("second_report", cue, cue_end, self._coordinated_end(start, cue_end))
        if match.group("complement") not in self.complementizers and not text[self._clause_lower(lower, speaker.start):speaker.start].strip(" \"“(—–"):
            predicate = self.subject_infinitive_end.search(text[start:end])
            if predicate is not None:  # "Her call for the king to reopen the port was rejected": the host clause's verb follows
                end = self._trim("subject_predicate", cue, end, start + predicate.start())
        if self.anaphoric.match(text, start, end):
            return self._veto("anaphoric_content", Span.of(text, match.start("noun"), match.end("noun")))
        if match.re is self.reporting_noun_issued and not self._clause_like(start, upper):
            return self._veto("no_clause", cue, "issued document")  # "a statement that surprised many": a relative clause
        rule = "attribution.indirect.reporting_noun_issued" if match.re is self.reporting_noun_issued else "attribution.indirect.reporting_noun"
        return self._make(speaker, cue, start, end, rule, sentence_index)

    def _parenthetical_frame(self, speaker: Span, cue: Span, lower: int, upper: int, sentence_index: int) -> Attribution | None:
        """'Minister Lind, we noted on Monday, will take up ...': a frame set off by commas inside
        its host clause; the content is the whole host clause, frame included."""
        text = self.text
        if text[max(lower, speaker.start - 2) : speaker.start].strip() != ",":
            return None
        if self.hedge_modal.search(text, speaker.end, cue.start):
            return None  # "the second round, I should say, is ...": a self-correction tag, not a report
        after = self.adjuncts.match(text, cue.end, upper).end()
        comma = text.rfind(",", lower, speaker.start)
        close = self.comma_then_finite.match(text, after, upper)
        if close is None and not (text[after:after + 1] == "," and self._clause_like(after + 1, upper)):
            return None
        clause_lower = self._clause_lower(lower, comma)  # once: it scans back over the transcript's turns
        if close is None and self._clause_like(clause_lower, comma):
            return None
        boundary = max(text.rfind(",", lower, comma), text.rfind("—", lower, comma), text.rfind("–", lower, comma), text.rfind(":", lower, comma))
        start = clause_lower if boundary < 0 else max(clause_lower, _skip_spaces(text, boundary + 1))
        if start >= comma or not text[start:comma].strip():
            return None
        return self._make(speaker, cue, start, self._content_end(start, upper), "attribution.indirect.parenthetical", sentence_index)

    def _as_frame(self, speaker: Span, cue: Span, as_start: int, lower: int, upper: int, sentence_index: int) -> Attribution | None:
        """'As we announced, P' / 'P, as he said' / 'A, as he said yesterday, B': the host clause is the content."""
        text = self.text
        clause_lower = self._clause_lower(lower, as_start)
        full_cue = self._cue_with_addressee(cue, upper)
        frame_end = self.frame_end.search(text, full_cue.end, min(upper, full_cue.end + 120))
        before = text[clause_lower:as_start].rstrip(" ,—–")
        if before and self.frame_before_as.search(before):
            before = ""  # "I'll add more generally, as we told the envoy, P": the host clause follows the frame
        if frame_end is None:
            # final frame: 'P, as X said.'
            if not before:
                return self._veto("no_content", cue, "as-frame")
            return self._make(speaker, full_cue, clause_lower, clause_lower + len(before), "attribution.indirect.as_frame", sentence_index)
        if not before:
            start = self.clause_filler.match(text, _skip_spaces(text, frame_end.end()), upper).end()
            repair = self.repair_tail.match(text, start, upper)
            if repair is not None and self.cues.search(text, start, repair.end()):
                start = repair.end()  # "as we stated — publicly stated — P"
            end = self._content_end(start, upper)
            if start >= end or text[start] in "—–-":
                return self._veto("no_content", cue, "as-frame")
            return self._make(speaker, full_cue, start, end, "attribution.indirect.as_frame", sentence_index)
        relative = None
        for relative in self.relative_word.finditer(text, clause_lower, as_start):
            pass
        start = relative.start(1) if relative is not None else clause_lower
        return self._make(speaker, full_cue, start, self._content_end(start, upper), "attribution.indirect.as_frame", sentence_index)

    def _described(self, speaker: Span, cue: Span, start: int, upper: int, sentence_index: int) -> Attribution | None:
        """'described the talks as "candid"': only a quoted evaluative phrase is content."""
        text = self.text
        window = text[start : min(upper, start + 160)]
        quoted = _EVALUATIVE_QUOTE.search(window)
        lead = window[: quoted.start()] if quoted is not None else ""
        spoken = self.spoken_quote_marker.search(lead)
        if spoken is not None:
            lead = lead[: spoken.start()]  # 'called it, quote, "a serious mistake"': the marker stands for the quotation mark
        if quoted is None or self.comma_or_that.search(lead):
            return self._veto("describe_without_quote", cue)  # the quote belongs to another clause: 'called X long, and noted that "..."'

        inner_start, inner_end = _trim_inner(text, start + quoted.start(1), start + quoted.end(1))
        if inner_end <= inner_start:
            return self._veto("no_content", cue, "described")
        return Attribution(speaker, cue, Span.of(text, inner_start, inner_end), "direct", "attribution.direct.described_as", sentence_index)

    def _participial(self, cue: Span, verb, lower: int, upper: int, sentence_index: int) -> Attribution | None:
        text = self.text
        framed = self.frame_speakers.get(sentence_index)
        if framed is not None and framed.end <= cue.start:
            speaker = framed  # '"We are close," one source said, adding that P'
        else:
            speaker = self._clause_subject(lower, cue.start)
        if speaker is None:
            return self._veto("no_speaker", cue, "participle")
        full_cue = self._cue_with_addressee(cue, upper)
        after = self.adjuncts.match(text, full_cue.end, upper).end()
        if verb.cue_class == "describe" or (verb.cue_class == "deny" and self.object_as_quote.match(text, after, upper)):
            return self._described(speaker, full_cue, after, upper, sentence_index)  # ', calling them "pure speculation."'
        if verb.cue_class == "directive":
            to = self.participial_to.search(text, after, min(upper, after + 120))
            if to is None:
                return self._veto("directive_without_infinitive", cue)
            return self._make(speaker, full_cue, to.start(), self._content_end(to.start(), upper), "attribution.indirect.participial", sentence_index)
        that = self.that.match(text, after, upper)
        start = _skip_spaces(text, that.end() if that else after)
        if not that and text.startswith(":", start):
            start = _skip_spaces(text, start + 1)  # ', adding: "P"': the colon opens a quotation
        end = self._content_end(start, upper)
        if not text[speaker.end : cue.start].strip(" ,"):
            host = self.host_predicate.search(text, start, end)
            if host is not None:
                end = host.start()  # "The generals, testifying that P, were questioned": the host clause resumes
        if end <= start:
            return self._veto("no_content", cue, "participle")
        lenient = verb.lemma in self.lenient_cues
        if not that and not _QUOTE_MARKS.match(text, start) and (
                (not lenient and self.relative_object.match(text, start, upper))
                or not (self.reporting_np.match(text, start, upper) or self._clause_like(start, upper, short_ok=lenient))):
            return self._veto("noun_object", cue, "participle")  # "..., underscoring the strength of the alliance": a noun phrase, not a report
        return self._make(speaker, full_cue, start, end, "attribution.indirect.participial", sentence_index)

    def _according_to(self, cue: Span, lower: int, upper: int, sentence_index: int) -> Attribution | None:
        text = self.text
        speaker = self.speaker_after(_skip_spaces(text, cue.end), upper)
        if speaker is None:
            return self._veto("no_speaker", cue, "according to")
        clause_start = self._clause_lower(lower, cue.start)
        before = text[clause_start : cue.start].strip()
        after_speaker = speaker.end
        post = self.source_postmodifier.match(text, after_speaker, upper)
        if post:  # "a survey by polling firm X", "an analysis from X"
            end = post.end()
            if text[end - 1] == "." and not self._abbreviation(text[post.start():end].split()[-1]):
                end -= 1
            speaker = Span.of(text, speaker.start, end)
            after_speaker = speaker.end
        tail = text[after_speaker:upper]
        tail_words = self.word_run.findall(tail)
        letters = [w for w in tail_words if w[:1].isalnum()]
        opener, following = (letters + ["", ""])[:2]
        predicate = opener.islower() and opener.endswith(self.past_endings) and opener.casefold() not in self.np_words and not (
            following.casefold() in self.function_words and following.casefold() not in self.determiners)  # "based in Oslo" is an apposition
        appositive_tail = self.appositive_tail.fullmatch(tail) and not predicate and not any(
            w.casefold() in self.finite_markers for w in tail_words)  # "The two leaders, according to the readout, discussed trade"
        if before.endswith(",") and self.that_parenthetical_lead.search(before) and self.comma_after.match(text, after_speaker, upper):
            before = ""  # "I believe, as you all know, according to X, P": initial after asides
        if not before:
            # 'According to X, P'
            comma = regex.compile(r"\s*+,\s*+").match(text, after_speaker, upper)
            if comma is None:
                return self._veto("according_to_without_comma", cue)
            start = comma.end()
            end = self._content_end(start, upper)
            rule = "attribution.according_to.initial"
        elif not tail.strip(" .!?;\"”…") or appositive_tail:
            # 'P, according to X.'
            start = clause_start
            end = text.rfind(",", clause_start, cue.start)
            if end < 0:
                end = len(text[:cue.start].rstrip())
            rule = "attribution.according_to.final"
        else:
            start = clause_start
            end = self._content_end(start, upper)
            rule = "attribution.according_to.medial"
        if end <= start:
            return self._veto("no_content", cue, "according to")
        return Attribution(speaker, cue, Span.of(text, start, end), "according_to", rule, sentence_index)

    def _quoted_as_saying(self, cue: Span, lower: int, upper: int, sentence_index: int) -> Attribution | None:
        text = self.text
        quoted = None
        for quoted in self.quoted_verb.finditer(text, max(lower, cue.start - 200), cue.start):
            pass
        if quoted is None:
            return self._veto("quoted_without_verb", cue)
        between_start = quoted.end()
        passive = self.passive_before.search(text, max(lower, quoted.start() - 30), quoted.start())
        if passive is not None and text[between_start : cue.start].strip():
            # 'X was quoted by the Bangkok Post as saying': the subject speaks, the by-phrase reports
            speaker = self.speaker_before(passive.start(), lower)
        elif text[between_start : cue.start].strip():
            speaker = self.speaker_after(_skip_spaces(text, between_start), cue.start)  # 'Y quoted X as saying'
        else:
            # 'X was quoted as saying': the subject stands before the passive auxiliary
            passive = self.passive_before.search(text, max(lower, quoted.start() - 30), quoted.start())
            speaker = self.speaker_before(passive.start() if passive else quoted.start(), lower)
        if speaker is None:
            return self._veto("no_speaker", cue, "quoted as saying")
        if self.source_tail.fullmatch(text, cue.end, upper):
            # "Moscow will respond, Lavrov was quoted as saying by TASS.": the clause before the frame
            clause_start = self._clause_lower(lower, speaker.start)
            comma = text.rfind(",", clause_start, speaker.start)
            if comma > clause_start and not text[comma + 1 : speaker.start].strip():
                return self._make(speaker, cue, _skip_spaces(text, clause_start), comma, "attribution.indirect.quoted_as_saying", sentence_index)
        by_source = self.by_source_then_that.match(text, cue.end, upper)  # "as saying by TASS that P"
        that = self.that.match(text, by_source.end() if by_source else cue.end, upper)
        start = _skip_spaces(text, that.end() if that else cue.end)
        end = self._content_end(start, upper)
        if end <= start:
            return self._veto("no_content", cue, "quoted as saying")
        return self._make(speaker, cue, start, end, "attribution.indirect.quoted_as_saying", sentence_index)

    def _make(self, speaker: Span, cue: Span, start: int, end: int, rule: str, sentence_index: int) -> Attribution | None:
        text = self.text
        while start < end and (text[start].isspace() or text[start] in ",;"):
            start += 1
        while end > start and text[end - 1] in " ,;:\t":
            end -= 1
        if end <= start or not _LETTER.search(text, start, end):
            return self._veto("no_content", cue)
        single = _OPENING_SINGLE_QUOTE.match(text, start, end)
        if single is not None:
            # 'He told me, ‘We will never sign this,’ and walked out': speech in single marks inside a quotation,
            # framed before it, is the inside of those marks
            inner_start, inner_end = _trim_inner(text, start + 1, single.end() - 1)
            if inner_end > inner_start:
                return Attribution(speaker, cue, Span.of(text, inner_start, inner_end), "direct", "attribution.direct.single_quoted",
                                   sentence_index, tuple(dict.fromkeys(self._relaxed)))
        content = Span.of(text, start, end)
        kind = "indirect"
        if _QUOTE_MARKS.search(content.text):
            inner = content.text
            if inner[0] in "\"“„«" and inner[-1] in "\"”»“" and not _QUOTE_MARKS.search(inner[1:-1]):
                content = Span.of(text, start + 1, end - 1)
                while content.end > content.start and text[content.end - 1] == ",":
                    content = Span.of(text, content.start, content.end - 1)
                kind = "direct"
            elif inner[0] in "\"“„«" and inner[-1] in ".!?" and inner[-2] not in "\"”»" and inner.count('"') + inner.count("“") + inner.count("”") == 1:
                kind = "indirect"
            else:
                kind = "mixed"
        elif _SINGLE_QUOTED.search(content.text):
            kind = "mixed"  # "showing 'real resolve'": a quoted fragment in single marks
        return Attribution(speaker, cue, content, kind, rule, sentence_index, tuple(dict.fromkeys(self._relaxed)))
