"""Noun phrases: the speaker before or after a cue, read word by word over a closed vocabulary."""

from __future__ import annotations

from diplo_cli.attribution.common import (
    _DOTTED,
    _MAX_SELF_REPAIRS,
    _QUOTE_MARKS,
    _WINDOW,
    _WORD,
    _WORD_BEFORE,
    FRONTED_ADVERBIAL_TOKENS,
)
from diplo_cli.attribution.tokens import _Token
from diplo_cli.models import Span


class NounPhraseReader:
    """Reads speakers: the noun phrase (or pronoun) before or after a cue, over a closed vocabulary."""

    def _np_word(self, token: _Token) -> bool:
        word = token.text
        base = word
        for ending in self.possessive_endings:
            base = base.removesuffix(ending)
        base = base.rstrip(".")
        if not base or not base[0].isalnum():
            return False
        if base[0].isupper():
            return base not in self.stopwords or base in self.capitalised_articles
        if self.particle_name.match(base):
            return True  # "al-Sabah": a name glued to its particle
        lower = base.casefold()
        return lower in self.np_words or lower.rstrip(self.plural_chars) in self.np_words or word.casefold() in self.np_words \
            or self._singular_y(lower) in self.np_words

    def _head_ok(self, token: _Token) -> bool:
        word = token.text.rstrip(".")
        lower = word.casefold()
        if word[:1].isupper():
            return word not in self.stopwords
        if self.particle_name.match(word):
            return True
        return (lower in self.title_words or lower in self.source_words or lower in self.lex.anonymous_nouns
                or lower.rstrip(self.plural_chars) in self.title_words or lower in self.document_words or lower in self.body_words
                or self._singular_y(lower) in self.body_words)

    def _singular_y(self, lower: str) -> str:
        """'ministries' -> 'ministry' (plural_ies); the word itself otherwise."""
        for ending in self.plural_ies:
            if lower.endswith(ending) and len(lower) > len(ending) + 1:
                return lower[: -len(ending)] + "y"
        return lower

    def speaker_before(self, end: int, lower: int, repairs: int = _MAX_SELF_REPAIRS) -> Span | None:
        """The noun phrase (or pronoun) ending right before ``end`` (skipping auxiliaries).

        ``repairs`` bounds how many self-repairs and relative clauses are stepped back over: a
        speaker repairs a phrase once or twice, while a run of cue words joined by dashes would
        otherwise send the search back over the whole sentence from every cue (quadratic).
        """
        end = self._subject_end(end, lower)
        tokens = self.token_index.between(max(lower, end - _WINDOW), end)
        i, skipped = self._skip_auxiliaries(tokens, lower)
        if i < 0:
            return None
        token = tokens[i]
        if skipped and token.text in "),":
            party = self.party_state.search(self.text, max(lower, token.end - 24), token.end)
            if party is not None and repairs > 0:
                return self.speaker_before(party.start(), lower, repairs - 1)  # "Ana Lind (R-La.) has said"
        if token.text.casefold() in self.passive:
            return None
        contracted = self.contracted_pronoun.fullmatch(token.text)
        if contracted:  # "we’ve said", "I’ll say": the pronoun without its auxiliary
            return Span.of(self.text, token.start, token.start + contracted.end(1))
        if token.text.casefold() in self.imperative_speakers and i >= 1 and tokens[i - 1].text.casefold() in self.imperative_verbs:
            return Span.of(self.text, token.start, token.end)  # "let me say"
        if token.text in "—–" and i >= 1 and repairs > 0:
            repaired = self._speaker_before_repair(tokens, i, end, lower, repairs)
            if repaired is not False:
                return repaired
        if token.text.casefold() in self.lex.pronouns and token.text.casefold() not in self.non_subject_pronouns:
            if token.text.casefold() in self.names_like_pronouns and token.text != token.text.casefold():
                pass
            else:
                return Span.of(self.text, token.start, token.end)
        if token.text.casefold() in self.relative_pronouns:
            # "the Nordland minister, who conceded ..." -> the noun phrase before the comma
            if i >= 1 and tokens[i - 1].text == "," and repairs > 0:
                return self.speaker_before(tokens[i - 1].start, lower, repairs - 1)
            if token.text.casefold() in self.person_relative_pronouns and i >= 1:
                return self._np_ending_at(tokens, i - 1)  # "farmers who said, ..." -> farmers
            return None
        if token.text == ",":
            name = self._appositive_name(tokens, i)
            if name is not None:
                return name
            return self._subject_before_parenthetical(tokens[: i + 1], lower)
        return self._np_ending_at(tokens, i)

    def _subject_end(self, end: int, lower: int) -> int:
        """``end`` moved back over what follows a subject before its verb: a time adjunct, a document's
        participle ('a poll conducted Monday'), a party and state tag."""
        adjunct = self.subject_adjunct.search(self.text, max(lower, end - 48), end)
        if adjunct is not None:
            end = adjunct.start()  # "The Kremlin on Thursday dismissed": a time phrase is no part of the subject
            before = self.text[lower:end].rstrip()
            if before.endswith(","):
                end = lower + len(before) - 1  # "The ministry, for its part, said": the commas set it off
        participle = self.document_participle.search(self.text, max(lower, end - 60), end)
        if participle is not None:
            noun = _WORD_BEFORE.search(self.text, max(lower, participle.start() - 30), participle.start())
            if noun is not None and noun.group().casefold() in self.document_stems:
                end = participle.start()  # "a new poll conducted Monday found", "emails released on Friday showed"
        party = self.party_state.search(self.text, max(lower, end - 24), end)
        if party is not None:
            end = party.start()  # "Sen. Mark Doyle (D-Ore.) said": the party and state are no part of the name
        return end

    def _skip_auxiliaries(self, tokens: list[_Token], lower: int) -> tuple[int, int]:
        """The index of the last token before the auxiliaries, reflexives, adverbs and adjuncts right
        before the cue ('has not yet', 'himself', 'on Wednesday flatly'), and how many were skipped."""
        i = len(tokens) - 1
        skipped = 0
        while i >= 0 and skipped < 5 and (
            tokens[i].text.casefold() in self.auxiliaries
            or tokens[i].text.casefold() in self.reflexives  # "the minister himself said"
            or (tokens[i].text.endswith(self.adverb_endings) and tokens[i].text.islower())
            or self.negated_auxiliary.fullmatch(tokens[i].text)
        ):
            i -= 1
            skipped += 1
            if i >= 0 and skipped < 5:
                adjunct = self.subject_adjunct.search(self.text, max(lower, tokens[i].end - 48), tokens[i].end)
                if adjunct is not None:  # "the ministry on Wednesday flatly denied"
                    while i >= 0 and tokens[i].start >= adjunct.start():
                        i -= 1
        return i, skipped

    def _speaker_before_repair(self, tokens: list[_Token], i: int, end: int, lower: int, repairs: int):
        """Self-repair: "as we stated — publicly stated —" and "clear in these talks — clear about —"
        keep the speaker of the abandoned repetition of the same cue. ``False`` when there is none."""
        token = tokens[i]
        cue_word = _WORD.match(self.text, end)
        repeated = self.text.rfind(cue_word.group(), max(lower, end - 80), token.start) if cue_word else -1
        if repeated >= 0:
            return self.speaker_before(repeated, lower, repairs - 1)
        if self.cues.fullmatch(tokens[i - 1].text):
            return self.speaker_before(tokens[i - 1].start, lower, repairs - 1)
        opening = next((k for k in range(i - 1, max(-1, i - 8), -1) if tokens[k].text in "—–"), None)
        if opening is not None and opening >= 1:
            # "The spokesman — spokeswoman Ida Berg — said": a correction or apposition set off by
            # dashes; a name inside it is the speaker, else the phrase before the dashes
            inner = self._np_ending_at(tokens[opening + 1 : i], i - opening - 2)
            if inner is not None and inner.start == tokens[opening + 1].start \
                    and any(t.text[:1].isupper() for t in tokens[opening + 1 : i] if t.start > inner.start):
                return inner
            return self.speaker_before(tokens[opening].start, lower, repairs - 1)
        return False

    def _appositive_name(self, tokens: list[_Token], comma: int) -> Span | None:
        """'the Ambassador to Chile, Ana Veld, said': a name in comma apposition is the speaker."""
        name = self._np_ending_at(tokens, comma - 1)
        if name is None:
            return None
        first = comma - 1
        while first >= 0 and tokens[first].start >= name.start:
            first -= 1
        if first < 1 or tokens[first].text != ",":
            return None
        words = [t.text for t in tokens[first + 1 : comma]]
        # "Minister for Foreign Affairs, Senator the Hon Ana Lind, said": honorifics before the name are kept
        while words and (words[0].casefold() in self.honorific_articles or self.lex.titles.get(words[0].casefold()) is not None):
            words = words[1:]
        if not words or not all(w[:1].isupper() and w.casefold().rstrip(".") not in self.title_words for w in words):
            return None
        if not tokens[first - 1].text[:1].isalnum():
            return None
        return name

    def _np_ending_at(self, tokens: list[_Token], i: int) -> Span | None:
        if i < 0 or not self._np_word(tokens[i]) or not self._head_ok(tokens[i]):
            return None
        first = i
        while first - 1 >= 0 and (self._np_word(tokens[first - 1]) or (
            # a name particle between capitalised words: "President von der Leyen", "Foreign Minister al-Sabah"
            first - 2 >= 0 and tokens[first - 1].text in self.name_particles
            and (tokens[first].text[:1].isupper() or tokens[first].text in self.name_particles)
            and (tokens[first - 2].text[:1].isupper() or tokens[first - 2].text in self.name_particles)
        ) or (
            # a lower-case modifier inside a capitalised name phrase: "Northern Alliance militia commander X"
            first - 2 >= 0 and tokens[first - 1].text.isalpha() and tokens[first - 1].text.islower()
            and not tokens[first - 1].text.endswith(self.past_endings) and not self.cues.fullmatch(tokens[first - 1].text)
            and tokens[first - 2].text[:1].isupper() and self._np_word(tokens[first - 2]) and self._np_word(tokens[first])
            and tokens[first].text.casefold() not in self.function_words
        ) or (
            # a lower-case noun modifier before a role or document head: "rescue leader X", "jobs report"
            tokens[first - 1].text.isalpha() and tokens[first - 1].text.islower() and tokens[first].text.islower()
            and not tokens[first - 1].text.endswith(self.non_modifier_endings) and not self.cues.fullmatch(tokens[first - 1].text)
            and tokens[first - 1].text.casefold() not in self.function_words and tokens[first - 1].text.casefold() not in self.auxiliaries
            and (tokens[first].text.casefold().rstrip(self.plural_chars) in self.modifiable_heads or tokens[first].text.casefold() in self.body_words)
            and (first - 2 < 0 or not tokens[first - 2].text[:1].isalnum() or tokens[first - 2].text.casefold() in self.function_words
                 or tokens[first - 2].text[:1].isupper())
        ) or (
            # an intensifier of a modifier after a determiner: "a very senior official", "a highly placed source"
            first - 2 >= 0 and first < i and tokens[first - 1].text in self.intensifiers and tokens[first].text.islower()
            and tokens[first - 2].text.casefold() in self.function_words
        )):
            first -= 1
        # trim words that cannot open a noun phrase
        while first < i and tokens[first].text.casefold() in self.np_leading_words:
            first += 1
        if tokens[first].text in self.stopwords and tokens[first].text not in self.capitalised_articles:
            first += 1
        if first > i:
            return None
        # "A, B and C" coordination is kept; a bare determiner is not a speaker.
        if all(t.text.casefold() in self.function_words for t in tokens[first : i + 1]):
            return None
        # a restrictive post-modifier of a document: "A statement from the presidency said"
        if first >= 2 and tokens[first - 1].text.casefold() in self.document_issuer_prepositions and \
                tokens[first - 2].text.casefold().rstrip(self.plural_chars) in self.document_stems:
            head = self._np_ending_at(tokens, first - 2)
            if head is not None:
                return Span.of(self.text, head.start, tokens[i].end)
        return Span.of(self.text, tokens[first].start, tokens[i].end)

    def _subject_before_parenthetical(self, tokens: list[_Token], lower: int) -> Span | None:
        """'Veld, speaking in Valletta, said' / 'Ana Veld, the Nordland foreign minister, said'."""
        sentence = self._sentence(tokens[-1].start if tokens else lower)
        clause_tokens = [t for t in tokens if t.start >= sentence.start]
        if not clause_tokens:
            return None
        # '"P," the official, who asked not to be named, said': the clause starts after the quotation
        closing = next((k for k in range(len(clause_tokens) - 1, -1, -1) if _QUOTE_MARKS.fullmatch(clause_tokens[k].text)), None)
        if closing is not None:
            clause_tokens = clause_tokens[closing + 1:]
            while clause_tokens and clause_tokens[0].text == ",":
                clause_tokens = clause_tokens[1:]
            if not clause_tokens:
                return None
        subject = self._parenthetical_subject(clause_tokens)
        if subject is None:
            # "P, the official, who asked not to be named, said": the subject opens after an earlier comma
            commas = [k for k, t in enumerate(clause_tokens[:-1]) if t.text == ","]
            for k in commas[-3:-1]:
                subject = self._parenthetical_subject(clause_tokens[k + 1:])
                first = subject.text.split()[0] if subject is not None else ""
                if first.casefold() in self.determiners or first[:1].isupper():
                    return subject
            return None
        return subject

    def _parenthetical_subject(self, clause_tokens: list[_Token]) -> Span | None:
        """The noun phrase opening ``clause_tokens``, set off by a parenthetical before the cue."""
        # skip a leading adverbial set off by a comma ("On Monday, ...")
        start_index = 0
        if clause_tokens[0].text in self.stopwords and clause_tokens[0].text not in self.capitalised_articles:
            for j, t in enumerate(clause_tokens[:8]):
                if t.text == ",":
                    start_index = j + 1
                    break
        j = start_index
        while j < len(clause_tokens) and self._np_word(clause_tokens[j]):
            j += 1
        if j < len(clause_tokens) and clause_tokens[j].text != "," and j > start_index:
            # "A South Korean presidential official, ...": a lower-case modifier before the head;
            # the noun phrase must then run from the clause start to the comma
            comma = next((k for k in range(j, min(len(clause_tokens), start_index + 12)) if clause_tokens[k].text == ","), None)
            if comma is not None:
                candidate = self._np_ending_at(clause_tokens[:comma], comma - 1)
                if candidate is not None and candidate.start == clause_tokens[start_index].start:
                    j = comma
        if j == start_index or j >= len(clause_tokens) or clause_tokens[j].text != ",":
            return None
        if j == len(clause_tokens) - 1:
            return None
        subject = self._np_ending_at(clause_tokens[: j], j - 1)
        if subject is None:
            return None
        # The parenthetical must look like one: an apposition, a participle, a relative or a PP.
        opener = clause_tokens[j + 1].text
        if not (
            opener.casefold() in self.parenthetical_openers
            or opener[:1].isdigit()  # an age: "Mr. Smith, 54, said"
            or opener.endswith(self.participle_endings)
            or opener.casefold() in self.title_words
            or opener[:1].isupper()
        ):
            return None
        return subject

    def speaker_after(self, start: int, limit: int) -> Span | None:
        """The noun phrase starting at ``start`` (after an inverted cue or 'according to')."""
        tokens = self.token_index.between(start, min(limit, start + _WINDOW))
        if not tokens:
            return None
        if tokens[0].text.casefold() in self.lex.pronouns:
            return Span.of(self.text, tokens[0].start, tokens[0].end)
        indefinite = self.indefinite_pronoun_speaker.match(self.text, tokens[0].start, min(limit, start + _WINDOW))
        if indefinite is not None:
            return Span.of(self.text, indefinite.start(), indefinite.end())  # '"P," said another.'
        j = 0
        if len(tokens) > 2 and tokens[0].text.isalpha() and tokens[0].text.islower() and tokens[0].text not in self.function_words \
                and tokens[1].text[:1].isupper() and tokens[2].text[:1].isupper() and self._np_word(tokens[1]) and self._np_word(tokens[2]):
            j = 1  # "says economist Pia Lund": an occupation outside the title list before a full name
        last_head = -1
        while j < len(tokens) and self._np_word(tokens[j]):
            if self._head_ok(tokens[j]):
                last_head = j
            j += 1
        if last_head < 0:
            return None
        end_token = tokens[last_head]
        bare = end_token.text.rstrip(".")
        if last_head == 0 and bare.islower() and self.lex.anonymous_nouns.get(bare) == bare:
            return None  # "says economist." - a singular source noun needs a determiner or a name after it
        end = end_token.end
        # a sentence-final period after a name is not part of it
        if end_token.text.endswith(".") and not self._abbreviation(end_token.text):
            end -= 1
        if end_token.text.endswith(self.possessive_endings):
            return None
        issuer = self.issuer_after.match(self.text, end, limit)
        if issuer is not None and end_token.text.rstrip(".").casefold() in self.document_words:
            # '"P," said a joint statement from Norland and Arnor': the document's issuer belongs to it
            source = self.speaker_after(issuer.end(), limit)
            if source is not None:
                end = source.end
        return Span.of(self.text, tokens[0].start, end)

    def _abbreviation(self, word: str) -> bool:
        return word.casefold() in self.lex.abbreviations or bool(_DOTTED.fullmatch(word))

    def _clause_subject(self, lower: int, end: int) -> Span | None:
        """Subject of the clause governing a participle: the first noun phrase of the sentence."""
        lower = self.clause_filler.match(self.text, max(lower, self._body_start(end)), end).end()
        dateline = self.dateline.match(self.text, lower, end)  # 'DOHA, March 4 (Wire) - X met Y and said P': X, not DOHA
        if dateline:
            lower = dateline.end()
        tokens = self.token_index.between(lower, end)
        j = 0
        first = 1 if len(tokens) > 1 and tokens[0].text.casefold() in self.subordinating_openers else 0  # "When you called me and proposed that P"
        if len(tokens) > first and tokens[first].text.casefold() in self.subject_pronouns and tokens[first].text.casefold() not in self.expletive_subjects:
            return Span.of(self.text, tokens[first].start, tokens[first].end)  # "She addressed the assembly, stating that P"
        if tokens and tokens[0].text in self.stopwords and tokens[0].text not in self.subject_articles:
            # a fronted adverbial up to its comma: "On Monday,", "After landing in the capital late Monday,"
            for k, t in enumerate(tokens[:FRONTED_ADVERBIAL_TOKENS]):
                if t.text == ",":
                    j = k + 1
                    break
        if j == 0 and len(tokens) > 1 and tokens[0].text.casefold() in self.subordinators and tokens[1].text.casefold() in self.lex.pronouns:
            j = 1  # "When you rang me up and suggested that P": the subordinate clause's own subject
        if j < len(tokens) and tokens[j].text.casefold() in self.lex.pronouns:
            return Span.of(self.text, tokens[j].start, tokens[j].end)
        k = j

        def inner_modifier(index: int) -> bool:  # "militia" in "Northern Alliance militia commander Dren Haskel"
            word = tokens[index].text
            return (index > j and word.isalpha() and word.islower() and index + 1 < len(tokens)
                    and not word.endswith(self.past_endings) and not self.cues.fullmatch(word) and tokens[index + 1].text.islower()
                    and self._np_word(tokens[index + 1]) and tokens[index + 1].text.casefold() not in self.function_words)

        def opens_object(index: int) -> bool:  # "The President briefed | his counterpart"
            word = tokens[index].text
            return (index > j and word.islower() and word.endswith(self.past_endings) and index + 1 < len(tokens)
                    and tokens[index + 1].text.casefold() in self.object_openers)

        def finite_cue(index: int) -> bool:  # "briefed" in "The minister briefed his counterpart, adding"
            word = tokens[index].text
            return index > j and word.islower() and word.endswith(self.past_endings) and bool(self.cues.fullmatch(word))

        while k < len(tokens) and (self._np_word(tokens[k]) or inner_modifier(k)) and not opens_object(k) and not finite_cue(k):
            k += 1
        if k == j:
            return None
        # the subject is followed by its verb: trim to the last head word
        while k - 1 > j and not self._head_ok(tokens[k - 1]):
            k -= 1
        return self._np_ending_at(tokens[:k], k - 1)
