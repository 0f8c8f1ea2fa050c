"""Pass 1: quotations, framed by a cue before or after them; nested quotations; continuations."""

from __future__ import annotations

import itertools

from diplo_cli.attribution.common import (
    _LEAD,
    _NESTED_QUOTE,
    _WINDOW,
    _paragraph_end,
    _paragraph_start,
    _skip_spaces,
    _trim_inner,
)
from diplo_cli.attribution.quotes import Quote
from diplo_cli.models import Attribution, Sentence, Span


def _other_cue_between(finder: QuoteFramer, start: int, end: int, own_cue: Span | None = None,
                       own_speaker: Span | None = None) -> bool:
    if end - start > 2000:
        return True
    own_frame_end = finder.adjuncts.match(finder.text, own_cue.end, end).end() if own_cue is not None and start <= own_cue.end <= end else -1
    for match in finder._cues_between(start, end):
        if own_cue is not None and (match.start() == own_cue.start or own_cue.end <= match.start() < own_frame_end):
            continue  # the own cue, or a word of its adjunct ('said in televised remarks')
        if own_speaker is not None and own_speaker.start <= match.start() < own_speaker.end:
            continue  # a word of the own speaker that is also a cue ('State Department spokesman', 'Ole Brand')
        return True
    return False


class QuoteFramer:
    """Pass 1: quotations framed by a cue before or after them, nested quotations and continuations."""

    def _frame_quotes(self, quotes: list[Quote], used_cues: set[int]) -> list[Attribution]:
        text = self.text
        found: list[Attribution] = []
        last_direct: Attribution | None = None
        last_paragraph = -1
        skip: set[int] = set()
        for index, quote in enumerate(quotes):
            if index in skip:
                continue
            inner_start, inner_end = _trim_inner(text, *quote.inner)
            if inner_end <= inner_start:
                continue
            sentence = self._sentence(quote.open)
            para_end = _paragraph_end(text, quote.close)
            self._relaxed = []
            frame = self._frame_after(quote, para_end) or self._frame_before(quote, sentence)
            relaxed = tuple(self._relaxed) if frame is not None else ()
            self._relaxed = []
            if frame is not None:
                speaker, cue, rule = frame
                used_cues.add(cue.start)
                content_end = inner_end
                # "A," he said, "B." -> one statement running over both parts
                if rule.startswith("attribution.direct.after") and index + 1 < len(quotes):
                    nxt = quotes[index + 1]
                    between = text[cue.end : nxt.open]
                    between_stripped = self.adjuncts.match(text, cue.end, nxt.open).end()
                    rest = text[max(between_stripped, cue.end) : nxt.open]
                    if "\n" not in between and (rest.strip() == "," or (rest.strip() == "" and between.strip().endswith(","))) and (speaker.end <= nxt.open):
                        content_end = _trim_inner(text, *nxt.inner)[1]
                        skip.add(index + 1)
                        rule = "attribution.direct.split"
                kind = "according_to" if rule.startswith("attribution.according_to") else "direct"
                clause_start = self._clause_before_quote(quote, sentence) if rule.startswith("attribution.direct.after") else None
                if clause_start is not None:
                    # 'The trip was called off over "internal issues," he added': the clause is the content
                    inner_start, content_end, kind, rule = clause_start, quote.close + 1, "mixed", "attribution.direct.after_mixed"
                attribution = Attribution(speaker, cue, Span.of(text, inner_start, content_end), kind, rule, self._sentence_index(cue.start), relaxed)
                found.append(attribution)
                last_direct = attribution
                last_paragraph = quote.paragraph
                continue
            # continuation: an unframed quote after a framed one, same or next paragraph
            if last_direct is not None and (quote.paragraph == last_paragraph or (
                    quote.paragraph - last_paragraph == 1 and not text[_paragraph_start(text, quote.open) : quote.open].strip())) \
                    and not _other_cue_between(self, last_direct.content.end, quote.open, last_direct.cue, last_direct.speaker):
                found.append(Attribution(last_direct.speaker, last_direct.cue, Span.of(text, inner_start, inner_end), "direct", "attribution.direct.continuation", self._sentence_index(quote.open)))
                last_paragraph = quote.paragraph
                continue
            self.unframed.append(quote)
        return found

    def _late_continuations(self, found: list[Attribution]) -> list[Attribution]:
        """A quotation opening its sentence right after an indirect statement continues that statement:
        'X said P. "Q."' (same paragraph) or a next paragraph that opens with the quotation.

        One pass over the quotations and the statements, both in text order (no scan per quote)."""
        text = self.text
        result = []
        by_cue = sorted((a for a in found if a.kind != "according_to"), key=lambda a: a.cue.end)
        by_content = sorted(found, key=lambda a: a.content.start)
        governing: Attribution | None = None
        covering_end = -1
        cue_index = content_index = 0
        for quote in self.unframed:  # in text order
            while cue_index < len(by_cue) and by_cue[cue_index].cue.end <= quote.open:
                candidate = by_cue[cue_index]
                if governing is None or candidate.content.end >= governing.content.end:
                    governing = candidate
                cue_index += 1
            while content_index < len(by_content) and by_content[content_index].content.start <= quote.open:
                covering_end = max(covering_end, by_content[content_index].content.end)
                content_index += 1
            if covering_end > quote.open or governing is None:
                continue  # inside another statement's content, or nothing before it
            if text[self._sentence(quote.open).start : quote.open].strip():
                continue  # the quotation does not open its sentence
            if governing.content.end > quote.open or text.count("\n", governing.content.end, quote.open) > 1:
                continue
            if _other_cue_between(self, governing.content.end, quote.open):
                continue
            inner_start, inner_end = _trim_inner(text, *quote.inner)
            if inner_end > inner_start:
                result.append(Attribution(governing.speaker, governing.cue, Span.of(text, inner_start, inner_end), "direct",
                                          "attribution.direct.continuation", self._sentence_index(quote.open)))
        return result

    def _nested_quotes(self, quotes: list[Quote], used_cues: set[int]) -> list[Attribution]:
        """Speech quoted in single marks inside a quotation, with its own frame inside it too:
        '“Analysts agree … ‘We expect refunds to rise,’ Ana Lind, an economist, said.”' (a quoted article
        quoting its source). Only curly single marks: a straight one is as often an apostrophe."""
        text = self.text
        found: list[Attribution] = []
        for quote in quotes:
            for nested in _NESTED_QUOTE.finditer(text, quote.open + 1, quote.close):
                inner = Quote(nested.start(), nested.end() - 1, quote.paragraph)
                self._relaxed = []
                frame = self._frame_after(inner, quote.close)
                self._relaxed = []
                if frame is None or frame[1].start in used_cues:
                    continue
                speaker, cue, _ = frame
                content_start, content_end = _trim_inner(text, *inner.inner)
                if content_end <= content_start:
                    continue
                used_cues.add(cue.start)
                found.append(Attribution(speaker, cue, Span.of(text, content_start, content_end), "direct",
                                         "attribution.direct.nested_single", self._sentence_index(cue.start)))
        return found

    def _clause_before_quote(self, quote: Quote, sentence: Sentence) -> int | None:
        """Where the sentence starts when a quoted fragment closes a clause of the narrator's words that the
        frame after it reports ('The trip was called off over "internal issues," he added'), or None: the
        words before the quote must be a clause of their own, with no cue, quote mark or label of theirs."""
        if self.text[quote.close - 1 : quote.close] != ",":
            return None
        start = _skip_spaces(self.text, sentence.start)
        lead = self.text[start : quote.open]
        if quote.open <= start or len(lead.split()) < 4 or any(mark in lead for mark in ":\"“”«»\n") \
                or any(self._cue_shape_ok(m) and not self._excluded(m) for m in self._cues_between(start, quote.open)) \
                or not any(word.casefold() in self.finite_markers for word in self.word_run.findall(lead)):
            return None
        return start

    def _frame_after(self, quote: Quote, para_end: int) -> tuple[Span, Span, str] | None:
        text = self.text
        start = quote.close + 1
        window_end = min(para_end, start + 160)
        lead = _LEAD.match(text[start:window_end])
        pos = start + (lead.end() if lead else 0)
        # only a frame when the quote ends a clause: '," he said' or '" he said' or '", said'
        inner_tail = text[max(quote.open, quote.close - 2) : quote.close]
        # only a frame when the quote ends a clause; a quote that ends with a period closes its sentence
        if not (text[quote.close - 1 : quote.close] in ",!?" or "," in text[start:pos] or inner_tail.endswith(("…", "—", "-"))) \
                and text[quote.close - 1 : quote.close] == ".":
            return None
        match = self.cues.search(text, pos, window_end)
        if match is not None and match.start() > pos and not self._cue_shape_ok(match):
            # '," a State Department spokesperson said': a capitalised cue word is part of a name
            match = next((m for m in itertools.islice(self.cues.finditer(text, match.end(), window_end), 4) if self._cue_shape_ok(m)), None)
        if match is not None and match.start() > pos and self._excluded(match):
            # '," the official, who asked not to be named, said': a cue word of the parenthetical is no cue
            match = next((m for m in itertools.islice(self.cues.finditer(text, match.end(), window_end), 4)
                          if self._cue_shape_ok(m) and not self._excluded(m)), None)
        if match is None or self._excluded(match):
            return None
        cue = Span.of(text, match.start(), match.end())
        cue_word = match.group().casefold()
        if match.start() == pos:
            # inverted: '," said Peskov'
            if self._is_gerund(cue_word):
                return self._veto("gerund_after_quote", cue)  # '"...," saying P' continues the sentence; it is not an inverted frame
            speaker = self.speaker_after(_skip_spaces(text, match.end()), para_end)
            if speaker is None or cue_word in self.source_cues:
                return self._veto("no_speaker", cue, "inverted frame")
            first_word = (speaker.text.split() or [""])[0]
            if not (text[quote.close - 1 : quote.close] in ",!?…—-" or "," in text[start:pos]) \
                    and (text[match.end():speaker.start].strip() or (first_word.islower() and first_word not in self.articles)):
                return self._veto("scare_quote", cue)  # 'a "productive" call with Putin': a scare quote, then a noun; no frame
            return speaker, cue, "attribution.direct.after_inverted"
        speaker = self.speaker_before(match.start(), pos)
        if speaker is not None and speaker.start > pos and self.repaired_title.fullmatch(text, pos, speaker.start):
            self._relaxed.append("repaired_title")  # '"P," the spokesman — spokeswoman Ida Berg said'
        elif speaker is not None and speaker.start > pos:
            # '," the Lithuanian defence minister, Tomas Vaitkus, told': the name in apposition speaks
            # when the words before it are one noun phrase opening the frame
            tokens = self.token_index.between(pos, speaker.start)
            head = self._np_ending_at(tokens, len(tokens) - 2) if len(tokens) >= 2 and tokens[-1].text == "," else None
            if head is None or head.start != pos:
                return self._veto("apposition_not_subject", cue)
            if speaker.text[:1].islower() and all(w[:1].isupper() for w in head.text.split()):
                # '’ Ana Lind, a Danish economist with Nordbank said': the apposition is left open; the name speaks
                self._relaxed.append("trailing_appositive")
                speaker = head
        if speaker is None or speaker.start < pos:
            return self._veto("no_speaker", cue, "frame after a quotation")
        return speaker, self._cue_with_addressee(cue, window_end), "attribution.direct.after"

    def _frame_before(self, quote: Quote, sentence: Sentence) -> tuple[Span, Span, str] | None:
        text = self.text
        if sentence.start == quote.open and self.sentences and self._sentence_index(quote.open) > 0:
            # 'The letter states, in part:' ending the previous paragraph frames a block quotation
            previous = self.sentences[self._sentence_index(quote.open) - 1]
            # (one line break, or a blank line between paragraphs as pages extracted to text write them)
            if text[previous.start : previous.end].rstrip().endswith(":") and text.count("\n", previous.end, quote.open) <= 2:
                sentence = Sentence(previous.start, previous.end, previous.paragraph)
        lower = max(sentence.start, quote.open - _WINDOW)
        best = None
        for match in self._cues_between(lower, quote.open):
            if self._cue_shape_ok(match):  # not a capitalised name word ("State Department official")
                best = match
        if best is None or self._excluded(best):
            return None
        after_quote = text[quote.close + 1 : sentence.end].lstrip(" \"”’»")
        if after_quote and after_quote[0] not in ".,;:!?)—–-…" and text[quote.close - 1] not in ".,;:!?…":
            return self._veto("scare_quote", Span.of(text, best.start(), best.end()))  # a scare-quoted word inside a clause: 'threatened "limited" action'
        if best.group().casefold() in self.source_cues:
            # 'According to a senior official: "..."': the source before a colon introduces the quotation
            source = self.speaker_after(_skip_spaces(text, best.end()), quote.open)
            if source is None or text[source.end:quote.open].strip() != ":":
                return self._veto("no_speaker", Span.of(text, best.start(), best.end()), "according to before a colon")
            return source, Span.of(text, best.start(), best.end()), "attribution.according_to.colon"
        cue = Span.of(text, best.start(), best.end())
        cue = self._cue_with_addressee(cue, quote.open)
        tail = self.adjuncts.match(text, cue.end, quote.open).end()
        gap = text[tail : quote.open]
        spoken = self.spoken_quote_marker.search(gap)
        if spoken is not None:
            gap = gap[:spoken.start()]  # 'said, quote, "P"': the spoken marker stands for the quotation mark
        if not self.frame_gap.fullmatch(gap):
            if not self.colon_frame_gap.fullmatch(gap) or self.cues.search(gap):
                return self._veto("frame_gap", cue)
            # 'described her talk with X: "..."', 'said of the talks: "..."': a short complement, then a colon
            self._relaxed.append("colon_frame")
        if self.ends_with_that.search(gap) and text[quote.close + 1 : sentence.end].strip(" .!?;") != "":
            return self._veto("quote_inside_clause", cue)  # 'pointed out that "..."': direct only when the quote runs to the sentence end
        if not text[sentence.start : best.start()].strip(" \t\"“") and best.group()[:1].isupper() and gap.rstrip().endswith(":"):
            # 'Said a joint statement from the two governments: "P"': the cue opens the sentence, its source follows
            speaker = self.speaker_after(_skip_spaces(text, best.end()), quote.open)
            if speaker is None:
                return self._veto("no_speaker", cue, "inverted frame before a colon")
            adjunct = self.adjunct_in_source.search(text, speaker.start, speaker.end)
            if adjunct is not None:
                speaker = Span.of(text, speaker.start, adjunct.start())  # 'Wrote the envoy in a letter: "P"'
            modifier = self.source_modifier_to_colon.match(text, speaker.end, quote.open)
            if modifier is not None:
                speaker = Span.of(text, speaker.start, modifier.end(1))  # "a joint statement from the two governments"
            elif text[speaker.end : quote.open].strip() != ":":
                return self._veto("no_speaker", cue, "inverted frame before a colon")
            if self._relaxed and self._relaxed[-1] == "colon_frame":
                self._relaxed.pop()  # the words before the colon are the source, not a complement
            return speaker, cue, "attribution.direct.before_inverted"
        progressive = self.progressive.search(text, max(sentence.start, best.start() - 40), best.start()) if self._is_gerund(best.group()) else None
        speaker = self.speaker_before(progressive.start() if progressive else best.start(), sentence.start)
        if speaker is None:
            return self._veto("no_speaker", cue, "frame before a quotation")
        return speaker, cue, "attribution.direct.before"
