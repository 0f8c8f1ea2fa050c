"""Clauses: the start and end of a reported clause, and the test for a finite clause."""

from __future__ import annotations

from diplo_cli.attribution.common import (
    _ONLY_CLOSERS,
    _QUOTE_MARKS,
    _SENTENCE_PUNCT,
    _WINDOW,
    _skip_spaces,
)
from diplo_cli.models import Span


class ClauseReader:
    """Clause shapes: where a reported clause starts and ends, and whether words open a finite clause."""

    def _starts_with_word(self, offset: int, words) -> bool:
        """Does the text at ``offset`` open with one of ``words`` and a space?"""
        return any(self.text[offset:offset + len(word) + 1].casefold() == word + " " for word in words)

    def _content_end(self, start: int, limit: int) -> int:
        """End of a reported clause: the sentence end, without final punctuation."""
        end = limit
        while end > start and (self.text[end - 1] in _SENTENCE_PUNCT or self.text[end - 1].isspace()):
            end -= 1
        return end

    def _skip_connective(self, start: int, end: int) -> int:
        """Past a dateline ('GENEVA, March 3 (Wire) -') and a leading connective ('However,')."""
        dateline = self.dateline.match(self.text, start, end)
        if dateline:
            start = dateline.end()
        match = self.connective.match(self.text, start, end)
        return match.end() if match else start

    def _trailing_frame_start(self, start: int, end: int, skip_cue: int) -> int | None:
        """Offset of ', X said' closing the stretch [start, end), if there is one."""
        # only a cue near the end can close the stretch: bounding the scan keeps a long clause linear
        for match in self._cues_between(max(start, end - _WINDOW), end):
            if match.start() == skip_cue:
                continue
            after = self.adjuncts.match(self.text, match.end(), end).end()
            if not _ONLY_CLOSERS.fullmatch(self.text, after, end):  # not text[after:end].strip(): no copy per cue
                continue
            speaker = self.speaker_before(match.start(), start)
            if speaker is not None:
                comma = self.text.rfind(",", start, speaker.start)
                if comma >= 0 and not self.text[comma + 1 : speaker.start].strip():
                    return comma
            before = self.text[start : match.start()].rstrip()
            if before.endswith(",") and self.speaker_after(match.end(), end) is not None:
                return start + len(before) - 1
        return None

    def _clause_lower(self, lower: int, offset: int) -> int:
        """Start of the clause holding ``offset``: after the turn label, a colon, and fillers ('So,', 'And', 'Yeah, just —')."""
        start = max(lower, self._body_start(offset))
        colon = self.text.rfind(":", start, offset)
        if colon >= 0:
            start = colon + 1
        return self.clause_filler.match(self.text, start, offset).end()

    def _sets_off(self, offset: int, lower: int, cue_start: int) -> bool:
        """Is the word at ``offset`` at the start of its clause or after a comma/dash/colon?"""
        before = self.text[self._clause_lower(lower, offset):offset].rstrip()
        return not before or before.endswith((",", "—", "–", ":", "(", ";"))

    def _clause_like(self, start: int, end: int, short_ok: bool = False, bare_that: bool = False) -> bool:
        """Does [start, end) open with a finite clause rather than a noun phrase?

        ``short_ok`` (for say/tell): any object of four words or more counts ("said the two leaders
        met"); ``bare_that``: only checks that the words after a "that" are not a bare adverbial.
        """
        words = self.word_run.findall(self.text, start, min(end, start + 200))
        if not words:
            return False
        if short_ok or bare_that:
            letters = [w for w in words if w[0].isalnum()]
            if len(letters) >= 4 or any(w.casefold() in self.finite_markers for w in letters):
                return True
            if short_ok and len(letters) >= 2 and (
                    letters[0].casefold() not in self.say_object_openers
                    or any(w.islower() and w.endswith(self.verb_endings) and w not in self.function_words for w in letters[1:])):
                return True  # "said the talks failed", "said talks continue"; not "say one last word"
            if bare_that:
                return bool(letters) and (letters[0].casefold() in self.subject_pronouns or letters[0][0].isupper())
        if words[0].casefold() in self.subject_pronouns or self.contracted_pronoun.fullmatch(words[0]) or self.contracted_is.fullmatch(words[0]):
            return True
        previous = words[0]
        for word in words[1:14]:
            lower = word.casefold()
            if lower in self.clause_stops:
                return False
            if (lower in self.finite_markers and previous.casefold() not in self.determiners) or self.negated_auxiliary.fullmatch(word) or self.contracted_pronoun.fullmatch(word):
                return True  # not after a determiner: "the need for reform", "its plans" are nouns
            # a verb in -s/-ed right after a proper name: "added Trump looks forward", "said Kyiv refused"
            if (word.islower() and lower.endswith(self.verb_endings) and lower not in self.function_words
                    and previous[:1].isupper() and not previous.endswith(self.possessor_endings)):
                return True
            previous = word
        return False

    def _clause_after_adjunct(self, start: int, end: int) -> bool:
        """A finite clause begins within the next few words, after an adjunct ("on Monday the talks
        would resume", "after a long pause, the talks ...")."""
        for count, word in enumerate(self.word_run.finditer(self.text, start, min(end, start + 80))):
            if count > 6:
                break
            if count and word.group()[0].isalnum() and self._clause_like(word.start(), end):
                return True
        # a longer adjunct set off by commas: "that at the summit in Lakeport, at the talks with X, he ..."
        comma = self.text.find(",", start, min(end, start + 300))
        while comma >= 0:
            if self._clause_like(_skip_spaces(self.text, comma + 1), end):
                return True
            comma = self.text.find(",", comma + 1, min(end, start + 300))
        return False

    def _main_clause_start(self, start: int, end: int, skip_cue: int) -> int | None:
        """The comma before ', <speaker> <cue>' that opens the main clause after a subordinate one."""
        for match in self._cues_between(start, end):
            if match.start() == skip_cue or not self._cue_shape_ok(match):
                continue
            speaker = self.speaker_before(match.start(), start)
            if speaker is None:
                continue
            comma = self.text.rfind(",", start, speaker.start)
            if comma >= 0 and not self.text[comma + 1 : speaker.start].strip():
                return comma
        return None

    def _other_report_start(self, start: int, end: int, skip_cue: int) -> int:
        """The comma before ', and|but|while <subject> <cue>' inside a content ('X said P, while the
        mayor said Q', ', and then she added Q'): a report with a subject of its own ends the content."""
        for match in self._cues_between(start, end):
            if match.start() == skip_cue or self._is_gerund(match.group()) or not self._cue_shape_ok(match):
                continue
            # both endings below need a comma after start and before the subject: with none before
            # the cue there is nothing to find, and the subject search (the costly part) is skipped
            # ('X said that Y said that ...', run on without a comma, made it 15x the cost of news)
            if self.text.rfind(",", start + 1, match.start()) < 0:
                continue
            speaker = self.speaker_before(match.start(), start)
            if speaker is None or self._excluded(match):
                continue
            comma = self.text.rfind(",", start, speaker.start)
            if comma > start and self.report_joint.fullmatch(self.text, comma + 1, speaker.start):
                return comma
            if comma > start and _QUOTE_MARKS.match(self.text, comma + 1) and self.report_joint.fullmatch(self.text, comma + 2, speaker.start):
                return comma + 2  # 'that P was "ready to listen," but he warned Q': the fragment ends at its closing mark
        return end

    def _second_predicate_start(self, start: int, end: int) -> int:
        """Where '(,) and <cue>' joins a second predicate of the subject to an object ('stressed the need
        for calm and said P'), or ``end``: the object before it is read on its own."""
        for match in self._cues_between(start, end):
            if self._is_gerund(match.group()) or not self._cue_shape_ok(match):
                continue
            joint = self.coordinated_before.search(self.text, max(start, match.start() - 30), match.start())
            if joint is not None and not self._excluded(match):
                return joint.start()
        return end

    def _coordinated_end(self, start: int, end: int) -> int:
        """Cut content before a coordinated second report of the same subject ('..., and pledged that')."""
        for match in self._cues_between(start, end):
            if not self._cue_shape_ok(match):
                continue
            if self._is_gerund(match.group()):
                before = self.text[max(start, match.start() - 3) : match.start()].rstrip()
                if before.endswith(","):
                    return self.text.rfind(",", start, match.start())  # "P, adding that Q": the participle has its own content
                if before[-2:-1] == "," and _QUOTE_MARKS.match(before[-1:]):
                    # 'P "in quotes," adding that Q': the comma closes a quoted fragment, which stays in the content
                    return self.text.rfind(before[-1], start, match.start()) + 1
            joint = self.coordinated_before.search(self.text, max(start, match.start() - 30), match.start())
            if joint is None or self._excluded(match):  # the cheap test first: this runs for every cue of the clause
                continue
            if joint.group().startswith(","):
                return joint.start()  # "P, and underscores Q": a second predicate of the source
            verb = self.lex.cue_forms.get(match.group().casefold())
            if verb is None:
                continue
            cue = self._cue_with_addressee(Span.of(self.text, match.start(), match.end()), end)
            if self.that.match(self.text, cue.end, end) or self.infinitive.match(self.text, cue.end, end):
                return joint.start()
            if verb.cue_class == "directive" and self.infinitive.search(self.text, cue.end, min(end, cue.end + 60)):
                return joint.start()
        return end

    def _cue_with_addressee(self, cue: Span, limit: int) -> Span:
        """'told reporters', 'informed the trade envoy': the addressee belongs to the cue."""
        verb = self.lex.cue_forms.get(cue.text.casefold())
        if verb is None or verb.cue_class != "tell":
            return cue
        match = self.addressee.match(self.text, cue.end, limit)
        # any short noun phrase before "that": "told several news organisations that"
        before_that = self.addressee_before_that.match(self.text, cue.end, limit)
        if before_that is not None and (match is None or before_that.end(1) > match.end()) and not any(
            w.casefold() in self.finite_markers or w.casefold() in self.subject_pronouns or w.casefold() in self.adverbial_words
            for w in before_that.group(1).split()
        ):
            return Span.of(self.text, cue.start, before_that.end(1))
        if match is None:
            return cue
        word = self.word_at.match(self.text, match.end(), limit)
        if word is not None and word.group(1).casefold() in self.finite_markers and match.group().strip().casefold() not in self.lex.pronouns:
            return cue  # "warned Moscow would pay a price": the noun phrase is the subject of the clause
        end = match.end()
        if self.text[end - 1] == "." and not self._abbreviation(self.text[match.start():end].split()[-1]):
            end -= 1
        return Span.of(self.text, cue.start, end)

    def _is_passive(self, speaker: Span, cue: Span) -> bool:
        # only the words after a parenthetical count: "officials, who asked not to be named, said"
        between = self.text[speaker.end : cue.start]
        if between.lstrip().startswith(","):
            between = between.rpartition(",")[2]
        between = between.split()
        return any(w.casefold() in self.passive for w in between) and not any(w.casefold() in self.perfect_auxiliaries for w in between[-1:])
