"""Pass 2: every other cue read as reported speech ('X said (that) P' and its variants).

A cue is read in named steps over one :class:`_Candidate`: its reach (the sentence, bounded by a
quotation), the infinitive before it, the gerund readings, the inverted frame, the speaker, the
frames set off by commas, the trailing frame, the directive, the complementizer, the content's
start and end, and the build. Each step returns the refined candidate, or the finished result: a
statement built by a named construction, or ``None`` after a veto traced under its id.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex

from diplo_cli.attribution.common import _NO_CUE, _OPENING_SINGLE_QUOTE, _QUOTE_MARKS, _WORD, _commas, _reversed_commas, _skip_spaces
from diplo_cli.attribution.quotes import _quote_around
from diplo_cli.attribution.tokens import _Token
from diplo_cli.language.lexicons import CueVerb
from diplo_cli.models import Attribution, Span


@dataclass(slots=True)
class _Candidate:
    """What the steps of :meth:`IndirectReader._indirect` have found out about one cue so far."""

    match: regex.Match
    cue_word: str  # the cue's words, case-folded
    cue: Span
    sentence_index: int
    lower: int  # the stretch the statement may use
    upper: int
    quote_regions: list
    verb: CueVerb = _NO_CUE
    purpose: bool = False  # "called the president to inform him that P"
    aspectual: regex.Match | None = None  # "continue to urge"
    progressive: regex.Match | None = None  # "is saying"
    speaker: Span | None = None
    rule_prefix: str = "attribution.indirect"
    coordinated: object = False  # falsy, or what joins a second predicate to the first
    full_cue: Span | None = None  # the cue with its addressee ("told reporters")
    after: int = 0  # past the cue, its addressee and adjuncts
    that: regex.Match | None = None  # the complementizer
    cleft: regex.Match | None = None  # "what I can tell you is P"
    rule: str = ""
    content_start: int = 0
    content_end: int = 0
    explicit_that: bool = False
    quoted_start: regex.Match | None = None
    noun_object: bool = False  # the content is a report, plan or event, object of a deny or confirm cue


class IndirectReader:
    """Pass 2: a cue outside quotations read as reported speech, step by step."""

    def _reach(self, offset: int, quote_regions) -> tuple[int, int, int]:
        """The sentence index of ``offset`` and the stretch its statement may use: the sentence, and
        inside a quotation no more than the quotation (reported speech is bounded by it)."""
        sentence_index = self._sentence_index(offset)
        sentence = self.sentences[sentence_index]
        lower, upper = sentence.start, sentence.end
        around = _quote_around(quote_regions, offset)
        if around is not None:
            lower, upper = max(lower, around[0] + 1), min(upper, around[1])
        return sentence_index, lower, upper

    def _indirect(self, match: regex.Match, quote_regions, consumed) -> Attribution | None:
        sentence_index, lower, upper = self._reach(match.start(), quote_regions)
        for c_start, c_end in consumed.containing(match.start()):
            lower, upper = max(lower, c_start), min(upper, c_end)
        cand = _Candidate(match, match.group().casefold(), Span.of(self.text, match.start(), match.end()),
                          sentence_index, lower, upper, quote_regions)
        for step in (self._step_to_before_cue, self._step_construction, self._step_gerund, self._step_inverted,
                     self._step_speaker, self._step_speaker_checks, self._step_frames, self._step_trailing,
                     self._step_directive, self._step_complementizer, self._step_complementizer_checks,
                     self._step_content_kind, self._step_content_opener, self._step_object, self._step_content_marks,
                     self._step_content_end, self._step_content_trims):
            outcome = step(cand)
            if outcome is not cand:
                return outcome
        return self._step_build(cand)

    # -- steps: each returns ``cand`` to go on, or the result (a statement, or None after a veto)
    def _step_to_before_cue(self, cand: _Candidate):
        """'continue to urge' (relaxed), 'phoned X to assure her' (purpose); 'declined to say' is vetoed."""
        text, lower, start = self.text, cand.lower, cand.match.start()
        before_word = text[max(lower, start - 4) : start].casefold()
        if not self.ends_with_to.search(before_word) or cand.cue_word in self.source_cues:
            return cand
        # "continue to urge", "tried to argue", "had begun to hint": the subject of the aspectual
        # verb speaks; a weaker reading (relaxed), where the strict rule dropped it
        cand.aspectual = self.aspectual_to.search(text, max(lower, start - 40), start) \
            or self.aspectual_adjective_to.search(text, max(lower, start - 48), start)
        if cand.aspectual is not None:
            self._relaxed.append("to_before_cue")
            return cand
        if self.performative_to.search(text, max(lower, start - 24), start):
            return cand
        # "called the president to inform him that P": an infinitive of purpose after an object is
        # the subject's report; "declined to say", "plans to announce" are not reports
        cand.purpose = bool(self.purpose_to.search(text, max(lower, start - 40), start)) and not any(
            self.lex.cue_forms.get(m.group().casefold(), _NO_CUE).cue_class == "directive"
            for m in self._cues_between(self._clause_lower(lower, start), start - 3))
        if not cand.purpose:
            return self._veto("infinitive_of_another_verb", cand.cue)  # 'declined to comment', 'refused to say'
        return cand

    def _step_construction(self, cand: _Candidate):
        """'according to X' and 'quoted as saying' have builders of their own; other cues are verbs."""
        if cand.cue_word in self.source_cues:
            return self._according_to(cand.cue, cand.lower, cand.upper, cand.sentence_index)
        if cand.cue_word in self.quoted_as_cues:
            return self._quoted_as_saying(cand.cue, cand.lower, cand.upper, cand.sentence_index)
        cand.verb = self.lex.cue_forms[cand.cue_word]  # the cue scan matches exactly these forms
        return cand

    def _step_gerund(self, cand: _Candidate):
        """A cue in -ing: 'by noting that P', ', adding that P', 'issued a statement saying P'; else it
        needs a progressive auxiliary ('is saying')."""
        text, cue, lower, upper = self.text, cand.cue, cand.lower, cand.upper
        gerund = self._is_gerund(cand.cue_word)
        if cand.purpose or (gerund and self.by_gerund.search(text, max(lower, cue.start - 12), cue.start)):
            # "opened the session by noting that P", "phoned X to assure her that P": the clause subject speaks
            attribution = self._participial(cue, cand.verb, lower, upper, cand.sentence_index)
            if attribution is not None and self.that_word.search(text, attribution.cue.end, attribution.content.start):
                return Attribution(attribution.speaker, attribution.cue, attribution.content, attribution.kind,
                                   "attribution.indirect.purpose" if cand.purpose else "attribution.indirect.by_gerund",
                                   cand.sentence_index)
            return self._veto("purpose_without_that", cue)
        if gerund and text[lower : cue.start].rstrip().endswith((",", ",\"", ",”", ",’")):
            return self._participial(cue, cand.verb, lower, upper, cand.sentence_index)
        issued_end = cue.start
        adjunct = self.subject_adjunct.search(text, max(lower, cue.start - 48), cue.start) if gerund else None
        if adjunct is not None:  # "put out a statement last night making clear that P": a time adjunct after the document
            issued_end = _skip_spaces(text, adjunct.start())
        issued = self.issued_document.search(text, max(lower, cue.start - 200), issued_end) if gerund else None
        if issued is not None and issued.group("noun").casefold() in self.document_stems:
            return self._issued_document(cand, issued)
        thanked = self.thanked_for.search(text, max(lower, cue.start - 120), cue.start) if gerund else None
        if thanked is not None and cand.verb.cue_class == "directive":
            return self._thanked(cand, thanked)
        absolute = self.with_subject.search(text, max(lower, cue.start - 80), cue.start) if gerund else None
        if absolute is not None and cand.verb.cue_class != "directive":
            found = self._with_gerund(cand, absolute.end())
            if found is not None:
                return found
        if gerund and not self.progressive.search(text, max(lower, cue.start - 40), cue.start):
            document = self._document_before(cue.start, lower)
            if document is not None:
                return self._document_clause(cand, document)  # "a report released Thursday suggesting that P"
            return self._veto("gerund_without_subject", cue)  # "by saying", "a warning"
        return cand

    def _document_before(self, end: int, lower: int) -> Span | None:
        """The noun phrase of a document ending right before ``end`` (past a participle such as
        'released Thursday'): 'a report released Thursday', 'records', 'a new poll'."""
        participle = self.document_participle.search(self.text, max(lower, end - 60), end)
        for noun_end in (end, participle.start() if participle is not None else None):
            if noun_end is None:
                return None
            while noun_end > lower and self.text[noun_end - 1].isspace():
                noun_end -= 1
            word = self.word_before.search(self.text, max(lower, noun_end - 40), noun_end)
            if word is not None and word.group(1).casefold() in self.document_stems:
                break
        else:
            return None
        phrase = self.speaker_before(noun_end, lower)
        if phrase is None or phrase.end != noun_end:
            return Span.of(self.text, word.start(1), noun_end)
        return phrase

    def _document_clause(self, cand: _Candidate, document: Span) -> Attribution | None:
        """'a report released Thursday suggesting that P', 'records that showed P': the document speaks
        (a clause content only)."""
        text, upper = self.text, cand.upper
        full_cue = self._cue_with_addressee(cand.cue, upper)
        after = self.adjuncts.match(text, full_cue.end, upper).end()
        that = self.that.match(text, after, upper)
        start = _skip_spaces(text, that.end() if that else after)
        lenient = cand.verb.lemma in self.lenient_cues  # "a report that said the talks failed"; not "the report showing support for X"
        if cand.verb.cue_class == "directive" or cand.verb.cue_class == "describe" or not (
                self._clause_like(start, upper, bare_that=True) if that else self._clause_like(start, upper, short_ok=lenient)):
            return self._veto("no_clause", cand.cue, "document clause")
        issued = self.issued_document.search(text, max(cand.lower, document.start - 80), _skip_spaces(text, document.end))
        if issued is not None and issued.group("noun").casefold() in self.document_stems:
            # "the ministry released a statement that said P": the issuer speaks, as in 'issued a statement saying P'
            document = self.speaker_before(issued.start(), cand.lower) or document
        return self._make(document, full_cue, start, self._content_end(start, upper),
                          "attribution.indirect.document_clause", cand.sentence_index)

    def _with_gerund(self, cand: _Candidate, np_start: int) -> Attribution | None:
        """'The vote was delayed, with analysts saying P': the noun phrase right after 'with' speaks."""
        text, cue, upper = self.text, cand.cue, cand.upper
        speaker = self.speaker_before(cue.start, np_start)
        if speaker is None or speaker.start != np_start:
            return None
        full_cue = self._cue_with_addressee(cue, upper)
        that = self.that.match(text, full_cue.end, upper)
        start = _skip_spaces(text, that.end() if that else full_cue.end)
        if not (that or self._clause_like(start, upper)):
            return None  # "with both sides signaling openness to cooperation": a noun phrase, no report
        return self._make(speaker, full_cue, start, self._content_end(start, upper), "attribution.indirect.with_gerund", cand.sentence_index)

    def _thanked(self, cand: _Candidate, thanked: regex.Match) -> Attribution | None:
        """'Thank you, Mr President, for inviting me to pay a visit': the one thanked made the request."""
        cand.speaker = Span.of(self.text, thanked.start("who"), thanked.end("who"))
        cand.full_cue = self._cue_with_addressee(cand.cue, cand.upper)
        cand.after = self.adjuncts.match(self.text, cand.full_cue.end, cand.upper).end()
        attribution = self._directive(cand)
        return replace(attribution, rule="attribution.indirect.thanked") if attribution is not None else None

    def _issued_document(self, cand: _Candidate, issued: regex.Match) -> Attribution | None:
        """'The ministry issued a statement saying P', 'put out a readout noting P': the issuer speaks."""
        text, lower, upper = self.text, cand.lower, cand.upper
        speaker = self.speaker_before(issued.start(), lower) or self._clause_subject(lower, issued.start())
        if speaker is None:
            return self._veto("no_speaker", cand.cue, "issued document")
        full_cue = self._cue_with_addressee(cand.cue, upper)
        that = self.that.match(text, full_cue.end, upper)
        start = _skip_spaces(text, that.end() if that else full_cue.end)
        lenient = cand.verb.lemma in self.lenient_cues
        if cand.verb.cue_class == "directive" or not (
                self._clause_like(start, upper, short_ok=lenient, bare_that=bool(that)) or (not lenient and self.reporting_np.match(text, start, upper))):
            # "issued a statement underscoring the strength of the partnership": a noun phrase, not a report
            return self._veto("no_clause", cand.cue, "issued document")
        return self._make(speaker, full_cue, start, self._content_end(start, upper),
                          "attribution.indirect.issued", cand.sentence_index)

    def _step_inverted(self, cand: _Candidate):
        """Inverted trailing frame: 'P, said Peskov.'"""
        text, cue, lower, upper = self.text, cand.cue, cand.lower, cand.upper
        head = text[lower : cue.start].rstrip()
        if not (head.endswith((",", ",\"", ",”")) and cue.start > lower):
            return cand
        if cand.verb.cue_class == "tell":
            return cand  # "P, the official, who asked not to be named, told VOA": a tell cue is not inverted
        speaker = self.speaker_after(_skip_spaces(text, cue.end), upper)
        if speaker is None:
            return cand
        rest = self.adjuncts.match(text, speaker.end, upper).end()
        participle = self.participial_tail.match(text, rest, upper)
        if participle and self.cues.fullmatch(participle.group(1)):
            # "P, said Ana Dorn, adding that Q": the participle's statement is read at its own cue
            self.frame_speakers[cand.sentence_index] = speaker
            rest = upper
        elif text[rest:upper].strip(" .!?;") and self.trailing_apposition.fullmatch(text, rest, upper):
            # "P, said Ana Dorn, a professor at Lund University.": the apposition describes the speaker
            self._relaxed.append("trailing_appositive")
            rest = upper
        if text[rest:upper].strip(" .!?;"):
            return cand
        content_start = self._skip_connective(lower, upper)
        comma = lower + len(head) - 1
        return self._make(speaker, cue, content_start, comma, "attribution.indirect.trailing_inverted", cand.sentence_index)

    def _step_speaker(self, cand: _Candidate):
        """The subject before the cue (past an auxiliary, 'would like to', a copula), or the subject
        shared with a first predicate ('noted P, and pledged that Q')."""
        text, cue, lower, upper = self.text, cand.cue, cand.lower, cand.upper
        progressive = self.progressive.search(text, max(lower, cue.start - 40), cue.start) if self._is_gerund(cand.cue_word) else None
        performative = self.performative_to.search(text, max(lower, cue.start - 40), cue.start)
        # "The minister was very clear that P": the subject stands before the copula; only with an explicit
        # "that" ("the message was clear: ..." has no speaker)
        copula = self.copula_before.search(text, max(lower, cue.start - 40), cue.start) \
            if cand.verb.lemma in self.copular_cues and self.that_next.match(text, cue.end, upper) else None
        aspectual = cand.aspectual
        speaker_end = (progressive.start() if progressive else performative.start() if performative
                       else aspectual.start() if aspectual else copula.start() if copula else cue.start)
        speaker = self.speaker_before(speaker_end, lower)
        if speaker is None and cand.verb.lemma in self.person_cues and not (progressive or performative or aspectual or copula):
            unlisted = self.unlisted_subject.search(text, max(self._clause_lower(lower, cue.start), cue.start - 80), cue.start)
            if unlisted is not None:  # "The candidate conceded that P": a person noun outside the lists
                speaker = Span.of(text, unlisted.start("np"), unlisted.end("np"))
                self._relaxed.append("unlisted_speaker")
        if speaker is not None and not (self.indefinite.match(speaker.text) and cue.text.casefold() == cand.verb.lemma):
            speaker = self._reduced_relative_subject(speaker, lower)  # not before a noun cue: "complied with a Norland Assembly request"
        if progressive and speaker is None:
            contracted = self.contracted_pronoun.search(text, max(lower, progressive.start() - 8), progressive.end())
            speaker = Span.of(text, contracted.start(1), contracted.end(1)) if contracted else None
        coordinated = speaker is None and (
            self.coordinated_before.search(text, max(lower, cue.start - 30), cue.start)
            # "declared an emergency, pledged to cut taxes, and ...": a list of predicates
            or (text[lower:cue.start].rstrip().endswith(",") and (self.infinitive.match(text, cue.end, upper) or self.that.match(text, cue.end, upper)))
        )
        if coordinated:
            # "noted P, and pledged that Q": the second predicate shares the subject of the first
            recent = self._recent_speaker
            if recent is not None and recent[0] == cand.sentence_index:
                speaker = recent[1]
            else:
                speaker = self._clause_subject(max(lower, self._body_start(cue.start)), cue.start)
            cand.rule_prefix = "attribution.indirect.coordinated"
        cand.progressive, cand.speaker, cand.coordinated = progressive, speaker, coordinated
        return cand

    def _reduced_relative_subject(self, speaker: Span, lower: int) -> Span:
        """'Officials testifying before the committee said': the subject is the noun phrase before the
        participle, with the phrase after it ('the committee' alone is no speaker). Only a common-noun
        subject ('After Russia invaded Ukraine officials said' keeps 'officials')."""
        participle = self.reduced_relative.search(self.text, max(lower, speaker.start - 40), speaker.start)
        if participle is None:
            return speaker
        head = self.speaker_before(participle.start(), lower, 0)
        if head is None or head.end != participle.start() - 1 or head.text.casefold() in self.lex.pronouns:
            return speaker
        last = head.text.split()[-1]
        common = last.islower() or last.casefold() in self.np_words or last.casefold().rstrip(self.plural_chars) in self.np_words \
            or (not self.text[lower:head.start].strip() and len(head.text.split()) == 1 and last.endswith(self.plural_letters))
        return Span.of(self.text, head.start, speaker.end) if common else speaker  # "Engineers testifying ..." opening the sentence

    def _step_speaker_checks(self, cand: _Candidate):
        """Vetoes on the speaker: a possessive, a non-document finder, a passive, a clear without 'that'."""
        text, cue, lower, verb, speaker = self.text, cand.cue, cand.lower, cand.verb, cand.speaker
        if speaker is None:
            relative = self.document_relative.search(text, max(lower, cue.start - 8), cue.start)
            document = self._document_before(relative.start(), lower) if relative is not None else None
            if document is not None:
                return self._document_clause(cand, document)  # "records that showed P"
            return self._veto("no_speaker", cue)
        if speaker.text.endswith(self.possessive_endings):
            return self._veto("possessive_speaker", cue)  # "Lavrov's remark that": a noun, read by the reporting-noun rule
        if self.negative_subject.match(speaker.text) or self.nor_before.search(text, max(lower, speaker.start - 8), speaker.start):
            return self._veto("negative_subject", cue)  # "Neither side has said when P", "No official said P": nobody asserts P
        if cand.cue_word in self.document_participle_words and not text[speaker.end : cue.start].strip() \
                and _WORD.findall(speaker.text)[-1].casefold().rstrip(self.plural_chars) in self.document_stems:
            return self._veto("document_participle", cue)  # "said in a statement posted on its website that P": no cue of its own
        if verb.lemma in self.document_only_cues and not any(w.casefold() in self.finding_words for w in _WORD.findall(speaker.text)):
            return self._veto("finding_without_document", cue)  # "a new poll found that P" reports; "the police found that ..." does not
        article = self.indefinite.match(speaker.text)
        if article and cue.text.casefold() == verb.lemma and self._np_word(_Token(text[speaker.start + article.end():speaker.end].split()[0], 0, 0)):
            # "a European Union request to postpone": the cue is a noun; its article is not the source's
            speaker = cand.speaker = Span.of(text, speaker.start + article.end(), speaker.end)
        self._recent_speaker = (cand.sentence_index, speaker)
        passive_from = speaker
        coordinated = cand.coordinated
        if coordinated:
            # "said the talks were useful and added that Q": only the second predicate's own words count
            bridge = coordinated.start() if isinstance(coordinated, regex.Match) else text.rfind(",", lower, cue.start)
            if bridge >= 0:
                passive_from = Span.of(text, bridge, bridge)
        adjective = cand.aspectual is not None and cand.aspectual.re is self.aspectual_adjective_to  # "was able to confirm"
        if not cand.progressive and not adjective and verb.lemma not in self.copular_cues and self._is_passive(passive_from, cue):
            return self._veto("passive", cue)
        # "Let me be clear: P", "I want to be clear that P": a performative's own 'be' is the copula
        own_copula = cue.text.casefold() == verb.lemma and (
            speaker.text.casefold() in self.imperative_speakers or self.performative_to.search(text, max(lower, cue.start - 24), cue.start))
        if verb.lemma in self.copular_cues and (not (own_copula or self.copula_before.search(text, max(lower, cue.start - 40), cue.start))
                                                or speaker.text.casefold() in self.expletive_subjects):
            return self._veto("clear_without_source", cue)  # "clear" is a cue only in "has been clear that P"; "it is clear" has no source
        return cand

    def _step_frames(self, cand: _Candidate):
        """A frame set off by commas inside its host clause, or an as-frame ('As we announced, P')."""
        text, speaker, lower = self.text, cand.speaker, cand.lower
        parenthetical = self._parenthetical_frame(speaker, cand.cue, lower, cand.upper, cand.sentence_index)
        if parenthetical is not None:
            return parenthetical
        as_frame = self.as_before.search(text, max(lower, speaker.start - 12), speaker.start) \
            or self.as_heard_before.search(text, max(lower, speaker.start - 30), speaker.start)  # "As you heard the minister say, P"
        if as_frame is not None and self._sets_off(as_frame.start(1), lower, cand.cue.start):
            return self._as_frame(speaker, cand.cue, as_frame.start(1), lower, cand.upper, cand.sentence_index)
        return cand

    def _step_trailing(self, cand: _Candidate):
        """Trailing frame: 'P, X said.' (nothing but the narrator's addition after the cue)."""
        text, lower, upper, speaker = self.text, cand.lower, cand.upper, cand.speaker
        cand.full_cue = self._cue_with_addressee(cand.cue, upper)
        cand.after = self.adjuncts.match(text, cand.full_cue.end, upper).end()
        remainder = text[cand.after:upper]
        addition = self.narrator_addition.match(remainder)
        if remainder.strip(" .!?;\"”'’") and not addition:
            return cand
        comma = text.rfind(",", lower, speaker.start)
        if comma >= 0 and self.repaired_title.fullmatch(text, comma + 1, speaker.start):
            self._relaxed.append("repaired_title")  # "P, the spokesman — spokeswoman Ida Berg said"
        elif comma < 0 or text[comma + 1 : speaker.start].strip(" \"”"):
            return self._veto("trailing_without_comma", cand.cue)
        participle = self.participial_tail.match(text, cand.after, upper)
        if participle is not None and self.cues.fullmatch(participle.group(1)) and not (addition and addition.group("listed")):
            self.frame_speakers[cand.sentence_index] = speaker  # "P, the ministry said, adding that Q": read at its own cue
        content_start = self._skip_connective(max(lower, self._body_start(cand.cue.start)), comma)
        return self._make(speaker, cand.full_cue, content_start, comma, "attribution.indirect.trailing", cand.sentence_index)

    def _step_directive(self, cand: _Candidate):
        """A directive ('urged X to V', 'warned Washington not to interfere'): the infinitive is the content."""
        text, upper, after, verb = self.text, cand.upper, cand.after, cand.verb
        object_infinitive = self.object_then_infinitive.match(text, after, upper) if verb.lemma in self.object_infinitive_cues else None
        if object_infinitive is not None and self.not_addressee.search(text, after, object_infinitive.end()):
            object_infinitive = None  # "tell you that we are going to stay": a that-clause, not a directive
        if object_infinitive is not None and self.finite_word.search(text, after, object_infinitive.end()):
            object_infinitive = None  # "tells the radio the farmers must not delay": a clause, not an object
        if not (verb.cue_class == "directive" or object_infinitive or (verb.lemma in self.infinitive_cues and self.infinitive.match(text, after, upper))):
            return cand
        if verb.cue_class == "directive" and not object_infinitive and self.mandative_that.match(text, after, upper):
            return cand  # "demanded that the king reopen the port": the that-clause is the content
        return self._directive(cand)

    def _directive(self, cand: _Candidate) -> Attribution | None:
        text, lower, upper, after, speaker, cue = self.text, cand.lower, cand.upper, cand.after, cand.speaker, cand.cue
        to = self.infinitive.search(text, after, min(upper, after + 120))
        if to is None:
            return self._veto("directive_without_infinitive", cue)
        if text[after : to.start()].count(",") > 1 or self.not_addressee.search(text, after, to.start()):
            return self._veto("directive_question", cue)  # "asking me if there is a trip to preview"
        object_words = _WORD.findall(text[after : to.start()])
        if object_words and object_words[-1].casefold() in self.resource_objects:
            return self._veto("resource_object", cue)  # "ordered Federal aid to supplement local efforts"
        end = self._content_end(to.start(), upper)
        end = self._trim("second_report", cue, end, self._coordinated_end(to.start(), end))
        past = self.past_predicate.search(text, to.start(), end)
        if past is not None:
            end = self._trim("next_predicate", cue, end, past.start())  # "pledged to cut taxes, and outlined a plan"
        reason = self.directive_end.search(text, to.start(), end)
        if reason is not None:
            end = self._trim("directive_reason", cue, end, reason.start())  # "asked me to fly to Lima since she thinks P"
        if self.anaphoric.match(text, to.start(), end):
            return self._veto("anaphoric_content", cue)  # "urged them to do the same"
        if self.free_relative_before.search(text, max(lower, speaker.start - 8), speaker.start) \
                and self.stranded_preposition.search(text, to.start(), min(upper, end + 1)):
            return self._veto("relative_gap", cue)  # "That's what the minister is asking her staff to look into"
        return self._make(speaker, cand.full_cue, to.start(), end, "attribution.indirect.directive", cand.sentence_index)

    def _step_complementizer(self, cand: _Candidate):
        """The 'that' (or wh-word) opening the content, also after a parenthetical, an adjunct or a view noun."""
        text, upper, after, speaker = self.text, cand.upper, cand.after, cand.speaker
        cand.cleft = self.cleft_before.search(text, max(cand.lower, speaker.start - 8), speaker.start)
        that = self.that_after_parenthetical.match(text, after, upper) or self.that.match(text, after, upper)
        view = self.view_object.match(text, after, upper) if that is None else None
        if view is not None:
            # "affirmed her view that P", "stated the position that P": the cue takes its object noun along
            cand.full_cue = Span.of(text, cand.cue.start, view.end("noun"))
            that = self.that.match(text, view.end("noun"), upper)
        if cand.verb.lemma in self.frame_only_cues and not (that is not None and that.group().strip(" ,").casefold() in self.complementizers):
            return self._veto("frame_only_cue", cand.cue)  # "laid out the plan": only "as we laid out, P" and "laid out that P" report
        full_end = cand.full_cue.end
        if that is None and (self.adverbial_opener.match(text, after, upper) or self.adverbial_opener.match(text, full_end, upper)):
            # "said in a talk broadcast late Thursday that P", "said right here that P"
            that = self.delayed_that.match(text, full_end, min(upper, full_end + 160))
        if that is not None and that.group().strip(" ,").casefold() in self.wh_complementizers:
            # "told him when they met that P": the complementizer is the later "that"
            later = self.delayed_that.match(text, after, min(upper, after + 80))
            if later is not None:
                that = later
        if that is not None and that.re is self.delayed_that and self.wh_word.search(text, that.start(), that.end()):
            that = None  # "very clear on why they reject that plan": "that" is a determiner in a wh-clause
        if that is not None and that.re is self.delayed_that and (word := self.word_at.match(text, that.end(), upper)) \
                and word.group(1).casefold() in self.finite_markers:
            that = None  # "committed to the publication of a review that would ...": a relative "that"
        cand.that = that
        return cand

    def _step_complementizer_checks(self, cand: _Candidate):
        """Vetoes on the complementizer: 'repeat what I just said', 'clear on why' (a topic only)."""
        text, upper, that = self.text, cand.upper, cand.that
        if that is not None and that.group().strip(" ,").casefold() in self.free_relatives:
            echoed = self.cues.search(text, that.end(), min(upper, that.end() + 40))
            if echoed is not None and len(text[that.end():echoed.start()].split()) <= 3 and self._cue_shape_ok(echoed):
                return self._veto("echoed_speech", cand.cue)  # "I repeat what I told you in Spanish"
        if that is not None and that.group().strip(" ,").casefold() == "that" and (word := self.word_at.match(text, that.end(), upper)) \
                and word.group(1).casefold() in self.document_stems \
                and not self.finite_word.search(text, that.end(), self._phrase_end(that.end(), upper)):
            return self._veto("that_determiner", cand.cue)  # "conveyed that message to the minister": a noun phrase object
        if cand.verb.lemma in self.copular_cues and not (that is not None and any(word in that.group().casefold() for word in self.complementizers)) \
                and not text[cand.after:cand.after + 2].strip().startswith(":"):
            return self._veto("clear_on_topic", cand.cue)  # "very clear on why they reject it": topic only
        return cand

    def _phrase_end(self, start: int, upper: int) -> int:
        """Where the phrase from ``start`` ends: the next comma, semicolon, colon or sentence end."""
        stop = self.phrase_stop.search(self.text, start, upper)
        return stop.start() if stop is not None else upper

    def _step_content_kind(self, cand: _Candidate):
        """The rule and the content's start: a that-clause, a subject cue, a pseudo-cleft, an interrupted
        relative ('which X said was P'); a describe cue takes only a quoted phrase."""
        text, upper, that, verb = self.text, cand.upper, cand.that, cand.verb
        content_start = that.end() if that else cand.after
        if verb.cue_class == "describe" or (not that and verb.cue_class == "deny" and self.object_as_quote.match(text, content_start, upper)):
            return self._described(cand.speaker, cand.full_cue, content_start, upper, cand.sentence_index)
        rule = f"{cand.rule_prefix}.that" if that else f"{cand.rule_prefix}.subject_cue"
        if cand.cleft is not None and not that:
            copula = self.copula.match(text, content_start, upper)
            if copula is None:
                return self._veto("cleft_without_copula", cand.cue)
            if self._clause_like(copula.end(), upper):
                content_start = copula.end()  # "what I can promise the committee is P"
                rule = "attribution.indirect.pseudo_cleft"
            else:
                content_start = cand.cleft.start(1)  # "what it claimed was a satellite": the content holds the frame
                rule = "attribution.indirect.interrupted"
        elif not that and self.copula_start.match(text, content_start, upper):
            relative = self.relative_before.search(text, max(cand.lower, cand.speaker.start - 12), cand.speaker.start)
            if relative is None or (relative.group(1).casefold() in self.complementizers and cand.after > cand.full_cue.end):
                return self._veto("object_relative", cand.cue)  # "the words that I wrote yesterday is ..."
            content_start = relative.start(1)  # "which X said was ruled by ..."
            rule = "attribution.indirect.interrupted"
        if not that and rule.endswith("subject_cue"):
            leading = self.leading_as_frame.match(text, content_start, upper)
            if leading and self.cues.search(text, leading.start(1), leading.end(1)):
                content_start = leading.end()  # "I'll add more generally, as we told the envoy, P"
        cand.rule, cand.content_start = rule, content_start
        return cand

    def _step_content_opener(self, cand: _Candidate):
        """The first words of the content: an adjunct after 'that,' is relaxed; a rejected opener, an
        abandoned frame or a pronoun 'that' is vetoed."""
        text, upper, that, content_start = self.text, cand.upper, cand.that, cand.content_start
        cand.explicit_that = explicit_that = that is not None and self.ends_with_that_word.search(that.group().rstrip(" ,")) is not None
        if explicit_that and text[_skip_spaces(text, content_start):content_start + 2].startswith(",") \
                and self._clause_after_adjunct(_skip_spaces(text, content_start) + 1, upper):
            # "stated that, after a long pause, P": the comma opens an adjunct of P, not a new frame
            content_start = cand.content_start = _skip_spaces(text, _skip_spaces(text, content_start) + 1)
            connective = self.connective.match(text, content_start, upper)
            if connective is not None and self._clause_like(connective.end(), upper):
                content_start = cand.content_start = connective.end()  # "said that, you know, P": a filler opens no content
            else:
                self._relaxed.append("that_then_adjunct")
        opener = self.word_at.match(text, content_start, upper)
        if opener and opener.group(1).casefold() in self.content_openers_rejected and cand.rule != "attribution.indirect.interrupted":
            if not (explicit_that and self._clause_after_adjunct(content_start, upper)):
                return self._veto("content_opener", cand.cue, opener.group(1))
            self._relaxed.append("that_then_adjunct")  # "said that on Monday the talks would resume"
        quoted_start = _QUOTE_MARKS.match(text[_skip_spaces(text, content_start):upper] or " ")
        if quoted_start and text[upper - 1 : upper] not in "\"”»“" and not text[upper - 2 : upper - 1] in "\"”»“":
            quoted_start = None  # 'promised "swift" retaliation': a scare quote, not the content
        cand.quoted_start = quoted_start
        if self.abandoned.match(text, content_start, upper) and self.cues.search(text, content_start, min(upper, content_start + 60)):
            return self._veto("abandoned_frame", cand.cue)  # "told us she’d — went on record and told us she’d ..."
        if that and that.group().strip(" ,").casefold() in self.complementizers and not quoted_start and not self._clause_like(that.end(), upper, bare_that=True):
            return self._veto("pronoun_that", cand.cue)  # "I said that earlier today"
        return cand

    def _step_object(self, cand: _Candidate):
        """Without 'that', the words after the cue must be a clause (or a report a deny cue takes), not a
        noun phrase ('noted the long friendship')."""
        text, upper, content_start, verb, cue = self.text, cand.upper, cand.content_start, cand.verb, cand.cue
        if cand.that or cand.quoted_start or not cand.rule.endswith("subject_cue"):
            return cand
        # "stressed the need for calm and said P": the object ends where a second predicate of the subject begins
        upper = self._second_predicate_start(content_start, upper)
        if self.anaphoric.match(text, content_start, upper) or self.empty_object.match(text, content_start, upper):
            return self._veto("anaphoric_content", cue)  # "I just confirmed it", "they said nothing about it"
        noun_from = self.reporting_noun_from.match(text, _skip_spaces(text, content_start), upper)
        if noun_from is not None and noun_from.group("noun").casefold() in self.directive_nouns:
            # "is turning down a request by Norland that P": P is Norland's request, not the rejecter's claim
            # (while "denied a report from X that P" is a denial of P)
            return self._veto("others_directive", cue)
        if verb.cue_class == "deny":
            cand.noun_object = bool(self.deny_objects.match(text, content_start, upper))
            if not cand.noun_object and not self._clause_like(content_start, upper):
                return self._veto("noun_object", cue)  # "didn't confirm the figure"
        elif verb.lemma not in self.lenient_cues and self.relative_object.match(text, content_start, upper):
            return self._veto("noun_object", cue)  # "mentioned the report that was published"
        elif self.reporting_np.match(text, content_start, upper):
            pass  # "reiterated the President's insistence that P"
        elif not self._clause_like(content_start, upper, short_ok=verb.lemma in self.lenient_cues):
            return self._veto("noun_object", cue)  # "noted the long friendship", "announced the visit"
        return cand

    def _step_content_marks(self, cand: _Candidate):
        """Past the marks that open the content: ', however,', 'this:', a colon, an answer particle."""
        text, upper = self.text, cand.upper
        content_start = cand.content_start
        # a comma right after the cue opens a parenthetical: ', however,'
        comma_paren = self.comma_parenthetical.match(text, content_start, upper)
        if comma_paren:
            content_start = comma_paren.end()
        content_start = _skip_spaces(text, content_start)
        if content_start + 1 < upper and text[content_start] == "," and text[_skip_spaces(text, content_start + 1)] in "\"“„«":
            content_start = _skip_spaces(text, content_start + 1)  # 'said, "We are ready.' with the quote left open
        cataphor = self.cataphor.match(text, content_start, upper)
        if cataphor:
            content_start = cataphor.end() - 1  # "let me say this: P"
        if content_start < upper and text[content_start] in ":":
            content_start = _skip_spaces(text, content_start + 1)
            particle = self.answer_particle.match(text, content_start, upper)
            if particle:
                content_start = particle.end()  # "Let me just say: Yes, the offer stands ..."
        cand.content_start = content_start
        if content_start < upper and text[content_start] in "—–-":
            return self._veto("abandoned_frame", cand.cue)  # "he said — he denied that ..."
        return cand

    def _step_content_end(self, cand: _Candidate):
        """The content runs to the sentence end, before a trailing frame, a second report of the same
        subject, the main clause after a subordinate one, or a semicolon."""
        text, upper, content_start, speaker, cue = self.text, cand.upper, cand.content_start, cand.speaker, cand.cue
        content_end = self._content_end(content_start, upper)
        trailing = self._trailing_frame_start(content_start, upper, cue.start)
        if trailing is not None and trailing > content_start:
            content_end = self._trim("trailing_frame", cue, content_end, trailing)  # "P that Q, officials said"
        content_end = self._trim("second_report", cue, content_end, self._coordinated_end(content_start, content_end))
        content_end = self._trim("other_report", cue, content_end, self._other_report_start(content_start, content_end, cue.start))
        if self.subordinator.match(text, self._clause_lower(cand.lower, speaker.start), speaker.start):
            main = self._main_clause_start(content_start, content_end, cue.start)
            if main is None:
                # "When you proposed that P, we accepted", "After X announced that P, the mayor resigned, saying Q":
                # the first comma before a subject (a pronoun, a determiner, a name and a lower-case word)
                main = next((c for c in _commas(text, content_start, content_end) if self.main_clause_subject.match(text, c + 1, content_end)), None)
            if main is None:
                # "When the minister said that P, the envoy left": P ends before the main clause
                main = next((c for c in _reversed_commas(text, content_start, content_end) if self._clause_like(c + 1, content_end)), None)
            if main is not None:
                # "After X assessed that P, the President said Q": P ends at the main clause
                content_end = self._trim("main_clause", cue, content_end, main)
        semicolon = text.find(";", content_start, content_end)
        if semicolon > content_start and _quote_around(cand.quote_regions, semicolon) is None:
            content_end = self._trim("semicolon", cue, content_end, semicolon)  # "Officials say P; others disagree"
        cand.content_end = content_end
        return cand

    def _step_content_trims(self, cand: _Candidate):
        """Cut what is no longer the speaker's: the narrator again, a second predicate, 'but did not
        elaborate', the reporter's own voice, a final 'according to'."""
        text, content_start, content_end, speaker, cue = self.text, cand.content_start, cand.content_end, cand.speaker, cand.cue
        for name in {speaker.text, text[cue.end:cand.full_cue.end].strip()}:
            again = self._name_again(name, content_start, content_end)
            if again >= 0:
                content_end = self._trim("narrator_again", cue, content_end, again)  # "..., and the Chancellor praised ..."
        predicate = self.second_predicate.search(text, content_start, content_end)
        if predicate is not None:
            content_end = self._trim("second_predicate", cue, content_end, predicate.start())  # "she backs the plan and, unusually, did not ..."
        if cand.noun_object:
            predicate = self.object_end.search(text, content_start, content_end)
            if predicate is not None:
                content_end = self._trim("object_end", cue, content_end, predicate.start())  # "confirmed the trip but did not comment"
        withheld = self.withholding.search(text, content_start, content_end)
        if withheld is not None:
            content_end = self._trim("withheld", cue, content_end, withheld.start())  # "confirmed that talks were held but did not elaborate"
        if speaker.text.casefold() not in self.first_person_speakers:
            own_voice = self.own_voice.search(text, content_start, content_end)
            if own_voice is not None:
                content_end = self._trim("own_voice", cue, content_end, own_voice.start())  # "..., and we're going to do everything we can"
        final_source = self.final_according.search(text, max(content_start, content_end - 100), content_end)
        if final_source is not None and not (self.not_cues is not None and self.not_cues.match(text, final_source.start(1))):
            content_end = self._trim("final_according", cue, content_end, final_source.start())  # "P, according to a readout"
        hedge = self.final_hedge.search(text, max(content_start, content_end - 60), content_end)
        if hedge is not None:
            content_end = self._trim("final_hedge", cue, content_end, hedge.start())  # "P, if I recall correctly"
        as_frame = self.final_as_frame.search(text, max(content_start, content_end - 100), content_end)
        if as_frame is not None:
            content_end = self._trim("final_as_frame", cue, content_end, as_frame.start())  # "P, as the diplomats put it"
        cand.content_end = content_end
        if content_end <= content_start:
            return self._veto("no_content", cue)
        return cand

    def _name_again(self, name: str, start: int, end: int) -> int:
        """Where the narrator joins a clause about ``name`` (the speaker or addressee) to the content
        (", and the Chancellor ..."), or -1."""
        if len(name) <= 2:
            return -1
        found = []
        for join in self.narrator_joins:  # a set: the earliest join wins, whatever the order
            again = self.text.find(join + name, start, end)
            if again < 0 and name[:1].isupper():
                again = self.text.find(join + name[:1].lower() + name[1:], start, end)
            if again >= 0:
                found.append(again)
        return min(found, default=-1)

    def _step_build(self, cand: _Candidate) -> Attribution | None:
        text, content_start, speaker, upper = self.text, cand.content_start, cand.speaker, cand.upper
        first = text[content_start]
        if first == "," and self.connective.fullmatch(text, cand.lower, speaker.start) and self._clause_like(_skip_spaces(text, content_start + 1), upper):
            # "Instead, she says, the talks will resume": a connective, then the frame set off by commas
            start = _skip_spaces(text, content_start + 1)
            return self._make(speaker, cand.full_cue, start, self._content_end(start, upper), "attribution.indirect.parenthetical", cand.sentence_index)
        single_quote = first in ",:" and _OPENING_SINGLE_QUOTE.match(text, _skip_spaces(text, content_start + 1), upper)
        if cand.verb.cue_class == "say" and not single_quote and (first in ",;" or self._starts_with_word(content_start, self.say_prepositions)):
            return self._veto("say_without_clause", cand.cue)  # 'said, ‘P.’' frames a quotation in single marks
        return self._make(speaker, cand.full_cue, content_start, cand.content_end, cand.rule, cand.sentence_index)
