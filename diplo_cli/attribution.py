"""Find attributions: a speaker mention, a reporting cue and the content, with the rule that fired.

The stage works in passes over the decoded text; the expensive work runs only around cue hits
(one named-list scan over the whole text) and around quotation marks:

1. Quotations are paired (straight, curly, guillemets, German low-high marks) paragraph by
   paragraph; each is framed by a cue after it (``"...," he said`` / ``," said X``) or before it
   (``X said: "..."``, a ``The letter reads:`` line before a block quotation). Unframed quotations
   after a framed one are continuations.
2. Every other cue is read as reported speech: ``X said (that) P``, ``P, X said``, ``P, said X``,
   ``..., saying P``, ``by saying that P``, ``according to X, P``, ``X was quoted as saying P``,
   ``urged X to V``, ``pledged to V``, ``issued a statement saying P``, parenthetical frames (``as we announced, P``,
   ``P, as he said``, ``A, we said yesterday, B``), pseudo-clefts (``what I can tell you is P``),
   interrupted relatives (``which X said was P``), ``has been clear that P``, self-repairs and
   coordinated predicates (``noted P, and pledged that Q``).
3. Reporting nouns with a possessor (``X's remark that P``, ``his promise to V``), the headline
   form (``Lavrov: talks are possible``, prose only), and quotations that open a sentence right
   after an indirect statement (continuations).

Cues inside a question (the sentence ends with ``?``) are dropped: reporters' questions are not
statements, while reported speech in the declarative sentences of a question turn is kept.

Speakers are read as noun phrases by walking word by word away from the cue, over a closed
vocabulary (names, titles, source nouns, organisation heads, determiners). Deliberate limits: no
parser, so a clause is recognised by position and by closed word lists (finite markers, clause
stops) rather than by structure; a that-clause inside a subject noun phrase runs to the sentence
end; windows are bounded so that run time stays linear in the input.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, replace

import regex

from .lexicons import CueVerb, Lexicon, compile_named_lists, name_key
from .models import Attribution, Sentence, Span, Statement
from .rules import Trace
from .scanning import AsciiLines, ListScan
from .segment import turn_body_start

# A word of a noun phrase: letters/digits with inner dots, apostrophes, hyphens, ampersands.
_TOKEN = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}\p{M}'’&\-]*+(?:\.(?=\p{L})[\p{L}\p{N}\p{M}'’&\-]*+)*+\.?+|[^\s\p{L}\p{N}]")
FRONTED_ADVERBIAL_TOKENS = 14  # how long an opening adverbial before the subject may be (see _clause_subject)
NEST_LOOKBACK = 20_000  # how far before a statement a content holding it may start (see nest_reports)
_QUESTION_CLOSERS = " \t\"'”’»)"  # what may follow the question mark of a quoted question
_OPENING_QUOTES = "“„«‘"
_CLOSING_QUOTES = "”»’"
_ONLY_CLOSERS = regex.compile(r"[ .!?;\"”]*+")  # what may follow a trailing frame ('..., he said."')
_QUOTE_MARKS = regex.compile(r"[\"“”„«»]")
_SENTENCE_PUNCT = ".!?;"
_LETTER = regex.compile(r"\p{L}")
# A fragment in single marks (not an apostrophe: no letter before the opening or after the closing mark).
_SINGLE_QUOTED = regex.compile(r"(?<![\p{L}\p{N}])['‘][\p{L}][^'‘’\n]{0,80}?[\p{L}.!?,]['’](?![\p{L}\p{N}])")
# Words that open a noun-phrase object of "say" ("say one last word", "said a few words").
_QUANTIFIERS = frozenset(["a", "an", "one", "some", "few", "many", "several", "another", "this", "that", "these", "those", "no", "any", "every", "each", "more", "much", "something", "nothing", "anything", "everything", "hello", "goodbye", "yes"])
_DETERMINERS = frozenset(["the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "this", "these", "those", "any", "no", "every", "each"])
_DOTTED = regex.compile(r"(?:\p{L}\.){2,}")
_LEAD = regex.compile(r"[\s,]*+")
# A source's prepositional modifier running to the colon of an inverted frame: 'Said a statement from the
# two governments: "P"'.
_ISSUER_AFTER = regex.compile(r"\s++(?:from|by)\s++")
_ADJUNCT_IN_SOURCE = regex.compile(r"\s++(?:in|at|on|during)\s")
_SOURCE_MODIFIER_TO_COLON = regex.compile(r"(\s++(?:from|of|by)\s++[^:;\"“”\n]{1,80}?)\s*+:\s*+$")
# A quotation in curly single marks (inside a double-quoted one): an opening mark after a space or an
# opening double mark, a closing mark before a space or punctuation.
_NESTED_QUOTE = regex.compile(r"(?<=^|[\s“\"(—–])‘[^‘’\n]{2,1500}?[\p{L}\p{N}.,!?…]’(?=[\s,.;:!?…—–”\"]|$)")
_ENDS_WITH_THAT = regex.compile(r"that\s*+$", regex.IGNORECASE)
_ENDS_WITH_THAT_WORD = regex.compile(r"(?:^|\s)that$", regex.IGNORECASE)  # "that", "to the envoy that"
_ENDS_WITH_TO = regex.compile(r"\bto\s$")
_COMMA_OR_THAT = regex.compile(r",|\bthat\b")
_MARK_OR_NEWLINE = regex.compile(r"[\"“”„«»]|\n")
_NO_CUE = CueVerb("", "")
_WORD = regex.compile(r"\p{L}++")
_WORD_BEFORE = regex.compile(r"\p{L}++$")
_EVALUATIVE_QUOTE = regex.compile(r"[\"“«„]([^\"“”«»„]{1,200})[\"”»“]")
_CONTRACTED_PRONOUN = regex.compile(r"(I|[Ww]e|[Yy]ou|[Hh]e|[Ss]he|[Tt]hey)['’](?:ll|ve|re|m|d)", regex.V0)
_CONTRACTED_IS = regex.compile(r"(?:he|she|it|there|that|what|who)['’]s", regex.IGNORECASE)
_NEGATED_AUXILIARY = regex.compile(r"\p{L}+n['’]t|cannot")
_MAX_QUOTE = 6000  # a "quotation" longer than this is a stray mark, not a quote
_WINDOW = 400  # how far from a cue the speaker and frame are looked for
_MAX_SELF_REPAIRS = 2  # 'as we stated — publicly stated —': repairs stepped back over to find a speaker


@dataclass(frozen=True, slots=True)
class Quote:
    open: int  # offset of the opening mark
    close: int  # offset of the closing mark
    paragraph: int

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.close


@dataclass(slots=True)
class _Token:
    text: str
    start: int
    end: int


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    return [_Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


class _TokenIndex:
    """The document's tokens, found once; :meth:`between` equals ``_tokens(text, start, end)``.

    Scanning a fresh window of words at every cue costs a window's worth of tokens per cue, which
    on text dense with cue words ('said—said—...') is hundreds of times the cost of news. A
    window's edges can cut a token: from ``start`` inside a word the scan yields pieces of that word
    up to the word's end and then falls in step with the whole-text tokens; at ``end`` it yields the
    cut head of the last word. Both edges are scanned again, so the result is the same list.
    """

    __slots__ = ("starts", "text", "tokens")

    def __init__(self, text: str):
        self.text = text
        self.tokens = _tokens(text, 0, len(text))
        self.starts = [t.start for t in self.tokens]

    def between(self, start: int, end: int) -> list[_Token]:
        if end <= start:
            return []
        first = bisect.bisect_left(self.starts, start)
        head: list[_Token] = []
        if first > 0 and self.tokens[first - 1].end > start:  # a word cut by the window's start
            resume = min(self.tokens[first - 1].end, end)
            head = _tokens(self.text, start, resume)
            if resume >= end:
                return head
        last = bisect.bisect_left(self.starts, end, first)  # tokens before it start inside the window
        body = self.tokens[first:last]
        if body and body[-1].end > end:  # a word cut by the window's end
            cut = body.pop()
            return head + body + _tokens(self.text, cut.start, end)
        return head + body if head else body


class AttributionFinder:
    """Holds the compiled vocabulary; :meth:`find` runs on one document."""

    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon
        grammar = lexicon.grammar
        self.auxiliaries = frozenset(grammar["cue_auxiliaries"])
        self.passive = frozenset(grammar["passive_auxiliaries"])
        self.stopwords = frozenset(grammar["capitalised_stopwords"]) | frozenset(grammar["weekdays"]) | frozenset(m.rstrip(".") for m in grammar["months"])
        self.function_words = frozenset(grammar["np_function_words"])
        self.title_words = frozenset(w for phrase in lexicon.titles for w in phrase.split()) - self.function_words
        self.source_words = frozenset(w for phrase in lexicon.anonymous_nouns for w in phrase.split()) - self.function_words
        self.bare_clause_cues = frozenset(grammar["bare_clause_cues"])
        self.content_openers_rejected = frozenset(grammar["non_clause_openers"])
        # documents speak too: "the statement said", "A joint communiqué says"
        self.document_words = frozenset(w for w in lexicon.reporting_nouns if " " not in w) | frozenset(grammar["document_nouns"])
        # "the ministry said", "the embassy said": organisation heads are kept with the speaker data
        self.body_words = frozenset(getattr(lexicon, "organisation_heads", {}) or grammar.get("speaking_bodies", ())) | frozenset(grammar["collective_speakers"])
        self.np_words = self.title_words | self.source_words | lexicon.source_modifiers | self.function_words | self.document_words | self.body_words
        # built once: the noun-phrase reader asks for them at every token
        self.modifiable_heads = self.title_words | self.document_words  # heads a lower-case noun may modify ("jobs report")
        self.document_stems = self.document_words | {w.rstrip("s") for w in self.document_words}
        self.cues = lexicon.matcher("cues")
        self.cue_scan = ListScan.of(self.cues)  # the whole-text pass, on the faster engine when it finds the same
        self.not_cues = compile_named_lists(r"(?<![\p{L}])\L<phrases>(?![\p{L}])", regex.IGNORECASE, phrases=sorted(lexicon.not_cues)) if lexicon.not_cues else None
        self.not_cue_scan = ListScan.of(self.not_cues) if self.not_cues is not None else None  # looked for around every cue
        adjunct = "|".join(f"(?:{a})" for a in grammar["cue_adjuncts"])
        self.adjuncts = regex.compile(
            rf"(?:\s*+,?\s*+(?:{adjunct}))*+",
            regex.IGNORECASE, weekdays=grammar["weekdays"], months=grammar["months"],
        )
        self.addressee = regex.compile(
            r"\s++(?:\L<nouns>|(?:a|an|the|his|her|their|its|(?-i:\p{Lu}[\p{L}.]*+(?:\s+\p{Lu}[\p{L}.]*+){0,2})['’]s)\s+(?:[\p{L}'’-]+\s+){0,3}?(?:briefing|conference|meeting|interview|session|forum|audience|gathering|crowd|newspaper|agency|channel|broadcaster|outlet|television|radio|daily|magazine|station|service|counterpart|lawmakers|officials)|(?:the\s+)?(?-i:\p{Lu}[\p{L}\p{M}.'’&-]*+(?:\s+(?:of\s+(?:the\s+)?)?\p{Lu}[\p{L}\p{M}.'’&-]*+){0,4}))(?=[\s,.:;]|$)",
            regex.IGNORECASE, nouns=grammar["addressee_nouns"],
        )
        subject_adjunct = "|".join(f"(?:{a})" for a in grammar["subject_adjuncts"])
        self.subject_adjunct = regex.compile(rf"(?<=\S)\s++(?:{subject_adjunct})\s*+$", regex.IGNORECASE, weekdays=grammar["weekdays"], months=grammar["months"])
        self.final_according = regex.compile(r",\s*+(according\s++to)\s++[^,;:\"“”]{1,80}?[.!?]?+$", regex.IGNORECASE)
        self.participial_to = regex.compile(r"\b(?:not\s++)?to\s++[\"“]?+\p{Ll}")
        # "dismissed the criticism as \"unfounded\"": a deny cue used as a describe cue
        self.object_as_quote = regex.compile(r"\s*+(?:[^\s,;:\"“”«»]++\s++){1,6}?as\s++[\"“«]", regex.IGNORECASE)
        self.connective = regex.compile(r"\s*+(?:\L<words>)\s*+,\s*+", regex.IGNORECASE, words=grammar["leading_connectives"])
        self.that = regex.compile(r"\s*+,?\s*+(?:that|whether|how|what|if|why|when)\b\s*+", regex.IGNORECASE)
        self.infinitive_cues = frozenset(grammar["infinitive_cues"])
        self.own_voice = regex.compile(r",\s++and\s++(?:I|[Ww]e)(?:['’]\p{L}++)?\s")
        self.leading_as_frame = regex.compile(r"\s*+,?+\s*+(?:(?:\p{L}++\s++)?\p{L}++ly\s*+,\s*+)?as\s++([^,.;:?!]{1,90}?),\s*+", regex.IGNORECASE)
        self.source_postmodifier = regex.compile(
            r"\s++(?:(?:released|published|issued|obtained|seen|posted|quoted|cited|compiled|conducted)\s++)?(?:by|from|of|at)\s++(?:(?:\p{Ll}[\p{L}-]*+\s++){0,3}(?:the\s++)?(?-i:\p{Lu}[\p{L}\p{M}.'’&-]*+(?:\s++\p{Lu}[\p{L}\p{M}.'’&-]*+){0,4})"
            r"|(?:his|her|its|their|the)\s++(?-i:\p{Ll}[\p{L}-]*+(?:\s++\p{Ll}[\p{L}-]*+){0,2})(?=\s*+[.!?;\"”]*+\s*+$))",
            regex.IGNORECASE)
        self.appositive_tail = regex.compile(r"\s*+,[^,;:]{1,100}?[.!?\"”…]*+\s*+")
        self.that_parenthetical_lead = regex.compile(r"\b(?:I|we)\s++(?:think|believe|guess|mean)\b|\bas\s++(?:some\s++of\s++)?you\b", regex.IGNORECASE)
        self.comma_after = regex.compile(r"\s*+,")
        # "P, the agency said, with no reports of damage": the narrator's addition is no content
        self.narrator_addition = regex.compile(r"\s*+,\s*+(?:\L<words>)\b", regex.IGNORECASE, words=grammar["narrator_additions"])
        self.cataphor = regex.compile(r"(?:this|that|the\s++following|as\s++follows)\s*+:", regex.IGNORECASE)
        self.frame_before_as = compile_named_lists(r"(?:\L<cues>)(?:\s++\p{L}++){0,2}$", regex.IGNORECASE, cues=sorted(lexicon.cue_forms))
        self.repair_tail = regex.compile(r"\s*+(?:[\p{L}'’]++\s++){0,2}[\p{L}'’]++\s*+[—–]\s*+")
        self.second_predicate = regex.compile(r"\s++and\s*+,[^,]{1,60},\s*+(?:did|does|has|had|was|is|will|would|could|also)\b")
        self.object_end = regex.compile(r",?+\s++(?:and|but)\s++(?:\L<words>|\L<cues>)(?![\p{L}\p{N}'’-])", regex.IGNORECASE,
                                        words=grammar["object_ending_predicates"], cues=sorted(lexicon.cue_forms))
        self.withholding = regex.compile(r",?+\s++(?:and|but)\s++(?:\L<phrases>)\b|,\s*+(?:\L<participles>)\b", regex.IGNORECASE,
                                         phrases=grammar["withholding_predicates"], participles=grammar["withholding_participles"])
        self.subordinator = regex.compile(r"\s*+(?:\L<words>)\b", regex.IGNORECASE, words=grammar["subordinators"])
        self.past_predicate = regex.compile(r",\s++and\s++\p{Ll}++ed\b")
        self.wh_word = regex.compile(r"\b(?:how|what|whether|which|who|whom|why)\b", regex.IGNORECASE)
        self.object_infinitive_cues = frozenset(grammar["object_infinitive_cues"])
        # "warned Washington not to interfere": a short object, then the infinitive
        self.object_then_infinitive = regex.compile(r"\s*+(?:[\p{L}.'’-]++\s++){0,4}?(?:not\s++)?to\s++[\"“]?+\p{Ll}")
        self.empty_object = regex.compile(r"\s*+(?:nothing|anything|little|something|everything)\b(?:\s++(?:about|on|of|more|else|further|new)\b|\s*+[.;!?]|\s*+$)", regex.IGNORECASE)
        # "MOSCOW, May 3 (TASS) -", "GENEVA (Reuters) —": a dateline is not part of the content
        self.dateline = regex.compile(r"(?-i:\p{Lu}{2,}+(?:[ .'-]\p{Lu}{2,}+)*+)(?:,[^\n—–]{1,40}?)?(?:\s*+\([^()\n]{1,30}\))?\s++[-—–]\s++")
        self.purpose_to = regex.compile(r"(?:\b(?:him|her|them|us|me)|(?-i:\p{Lu}[\p{L}.'’-]*+))\s++to\s++$")
        self.that_word = regex.compile(r"\bthat\b", regex.IGNORECASE)
        self.by_gerund = regex.compile(r"\bby\s++$", regex.IGNORECASE)
        self.hedge_modal = regex.compile(r"\b(?:should|would|must|might|could|dare)\b|['’]d\b", regex.IGNORECASE)
        self.comma_then_finite = regex.compile(r"\s*+,\s*+(?:is|are|was|were|will|would|has|have|had|can|could|should|must|may|might|remains|remain)\b", regex.IGNORECASE)
        self.indefinite = regex.compile(r"(?:a|an)\s++(?=\p{Lu})", regex.IGNORECASE)
        self.not_possessors = frozenset(grammar["contracted_words"])
        # headline / caption form at the start of a line: "Lavrov: talks with Kyiv are possible"
        self.headline = regex.compile(r"^[ \t]*+(?P<name>\p{Lu}[\p{L}\p{M}'’.-]*+(?:[ \t]++\p{Lu}[\p{L}\p{M}'’.-]*+){0,3})[ \t]*+(?P<colon>:)[ \t]++(?=\p{L})", regex.MULTILINE)
        self.quoted_verb = regex.compile(r"\b(?:quoted|cited|heard|reported)\b", regex.IGNORECASE)
        self.passive_before = regex.compile(r"\b(?:was|were|is|are|been|being)\s++(?:\p{Ll}++ly\s++)?+$", regex.IGNORECASE)
        # between a cue and its quotation: ', ' ': ' that ' 'that, ' ' to him, ' ' to the envoy: '
        self.frame_gap = regex.compile(
            r"\s*+(?:(?:to\s++(?:him|her|them|us|me|you|(?:the\s++|a\s++|an\s++|his\s++|her\s++|their\s++)?(?:[\p{L}.'’-]++\s*+){1,4}?))?\s*+[,:]\s*+|that\s*+,?\s*+)?",
            regex.IGNORECASE,
        )
        # "Peskov's remark that P", "his promise to V": a possessor is the source of a reporting noun
        self.reporting_noun = regex.compile(
            r"(?:\b(?P<pronoun>his|her|their|its|our|my|your)|(?<=\p{L})(?P<possessive>['’]s?+))\s++(?:[\p{Ll}-]++\s++){0,2}?"
            r"(?P<noun>\L<nouns>)\s++(?P<complement>that|(?:not\s++)?to)\s++(?=\p{L})",
            nouns=sorted(w for w in lexicon.reporting_nouns if " " not in w),
        )
        # "a demand from China that P", "a proposal by Norland to V": the source follows the noun
        self.reporting_noun_from = regex.compile(
            r"\b(?:a|an|the)\s++(?:[\p{Ll}-]++\s++){0,2}?(?P<noun>\L<nouns>)\s++(?:from|by)\s++"
            r"(?P<source>[^\s,;:.!?\"“”]++(?:\s++[^\s,;:.!?\"“”]++){0,5}?)\s++(?P<complement>that|(?:not\s++)?to)\s++(?=\p{L})",
            regex.IGNORECASE, nouns=sorted(w for w in lexicon.reporting_nouns if " " not in w),
        )
        self.directive_nouns = frozenset(grammar["directive_nouns"])
        self.resource_objects = frozenset(grammar["resource_objects"])
        self.name_particles = frozenset(grammar["name_particles"])
        self.particle_name = regex.compile(r"(?:\L<glued>)\p{Lu}", glued=[p for p in grammar["name_particles"] if p.endswith("-")])
        self.free_relative_before = regex.compile(r"(?<![\p{L}])(?:what|which)\s++$", regex.IGNORECASE)
        self.stranded_preposition = regex.compile(r"\s(?:\L<prepositions>)\s*+(?:[,;.!?]|$)", regex.IGNORECASE,
                                                  prepositions=grammar["strandable_prepositions"])
        self.relative_object = regex.compile(
            r"\s*+(?:the|a|an|this|these|those|his|her|their|its|our)\s++(?:[\p{L}'’-]++\s++){0,3}?(?:that|which|who)\s++(?:\L<finite>)\b",
            regex.IGNORECASE, finite=grammar["finite_markers"])
        self.issued_document = regex.compile(
            r"\b(?:\L<verbs>)\s++(?:a|an|the|its|his|her|their)\s++(?:[\p{L}-]++\s++){0,3}?(?P<noun>\p{L}++)\s++$",
            regex.IGNORECASE, verbs=grammar["issuing_verbs"])
        self.document_participle = regex.compile(
            r"\s++(?:\L<participles>)(?:\s++[^\s,;:.!?\"“”]++){0,3}\s*+$", regex.IGNORECASE, participles=grammar["document_participles"])
        tag = r"(?:\L<parties>)\.?+\s*+[-–]\s*+\p{Lu}[\p{L}.]{0,12}+"
        self.party_state = regex.compile(rf"\s*+(?:\({tag}\)\s*+,?+|,\s*+{tag}\s*+,)\s*+$", parties=grammar["party_abbreviations"])
        self.participial_tail = regex.compile(r"\s*+,\s*+(\p{Ll}+ing)\b")
        self.trailing_apposition = regex.compile(r"\s*+,\s*+(?:a|an|the|who|one|his|her|their|its)\s[^,;:\"“”]{1,100}?[.!?]?+\s*+", regex.IGNORECASE)
        self.document_only_cues = frozenset(grammar["document_only_cues"])
        self.reflexives = frozenset(grammar["reflexive_pronouns"])
        self.indefinite_pronoun_speaker = regex.compile(r"(?:\L<words>)(?=\s*+(?:[.,;!?]|$))", regex.IGNORECASE,
                                                        words=grammar["indefinite_pronoun_speakers"])
        self.spoken_quote_marker = regex.compile(r"(?:[,:—–-]\s*+)?(?<![\p{L}'’])(?:\L<markers>)\s*+[,:—–-]?\s*+$", regex.IGNORECASE,
                                                 markers=grammar["spoken_quote_markers"])
        self.colon_frame_gap = regex.compile(r"\s++(?:[\p{L}\p{N}'’.-]++\s++){0,7}[\p{L}\p{N}'’.-]++\s*+:\s*+")
        self.view_object = regex.compile(r"\s*+(?:her|his|their|its|our|my|the|a)\s++(?:\p{Ll}++\s++)?(?P<noun>\L<nouns>)(?=\s++that\b)",
                                         regex.IGNORECASE, nouns=grammar["view_nouns"])
        self.frame_only_cues = frozenset(grammar["frame_only_cues"])
        self.finite_word = regex.compile(r"\b(?:\L<finite>)\b|\b\p{L}++n['’]t\b", regex.IGNORECASE, finite=grammar["finite_markers"])
        self.directive_end = regex.compile(r",?+\s++(?:\L<words>)\s", regex.IGNORECASE, words=grammar["directive_ending_subordinators"])
        self.that_next = regex.compile(r"\s++that\b", regex.IGNORECASE)
        self.aspectual_to = regex.compile(r"\b(?:\L<verbs>)\s++to\s++$", regex.IGNORECASE, verbs=grammar["aspectual_verbs"])
        self.performative_to = regex.compile(r"(?:\bwould\s++like|['’]d\s++like|(?<=\bI\s++)(?:want|wanted|wish)|\b(?:have|has))\s++to\s++$", regex.IGNORECASE)
        self.adverbial_words = frozenset(grammar["adverbial_openers"]) | {"when", "while", "after", "before", "as", "if"}
        self.addressee_before_that = regex.compile(r"\s++((?:[\p{L}\p{N}.'’&-]++\s++){0,5}[\p{L}\p{N}.'’&-]++)\s++that\b")
        self.anaphoric = regex.compile(r"\s*+(?:not\s++)?(?:to\s++)?(?:\L<words>)\s*+[.!?;]*+\s*+$", regex.IGNORECASE, words=grammar["anaphoric_contents"])
        self.lenient_cues = frozenset(grammar["lenient_clause_cues"])
        self.subject_pronouns = frozenset(grammar["subject_pronouns"])
        self.finite_markers = frozenset(grammar["finite_markers"])
        self.clause_stops = frozenset(grammar["clause_stops"])
        self.infinitive = regex.compile(r"\s*+(?:not\s++)?to\s++[\"“]?+(?!(?:them|him|her|us|me|you|it|the|a|an|his|their|our|my|its|this|that)\b)\p{Ll}")
        self.not_addressee = regex.compile(r"\b(?:if|whether|that|what|how|when|where|why)\b|[;?:]", regex.IGNORECASE)
        # a list item's marker ("- Prime Minister X thanked ..., and stated that P") opens no noun phrase
        self.clause_filler = regex.compile(r"\s*+(?:[-–—•*▪·]\s++)?+(?:(?:\L<words>)\b\s*+[,—–]?\s*+)*+", regex.IGNORECASE, words=grammar["leading_connectives"] + grammar["clause_fillers"])
        self.copular_cues = frozenset(grammar["copular_cues"])
        self.copula_before = regex.compile(r"(?:\b(?:be|been|being|is|are|was|were|am)|['’](?:m|re|s))\s++(?:\p{L}++\s++){0,2}$", regex.IGNORECASE)
        self.that_after_parenthetical = regex.compile(r"\s*+,\s*+[^,.;:?!\"“”]{1,60},\s*+that\s++", regex.IGNORECASE)
        self.abandoned = regex.compile(r"\s*+(?:[\p{L}'’]++\s++){0,2}[\p{L}'’]++\s*+[—–]\s")
        self.deny_objects = regex.compile(r"\s*+(?:[^\s,;]++\s++){0,6}?(?:\L<words>)\b", regex.IGNORECASE, words=grammar["deny_objects"])
        self.reporting_np = regex.compile(r"\s*+(?:[^\s,;]++\s++){0,6}?(?:\L<nouns>)\s++(?:that|to)\s", regex.IGNORECASE, nouns=sorted(lexicon.reporting_nouns))
        self.progressive = regex.compile(r"(?:\b(?:am|is|are|was|were|been|be)(?:\s++heard)?+|['’](?:m|re|s))\s++(?:\p{Ll}++ly\s++|not\s++|also\s++|just\s++)*+$", regex.IGNORECASE)
        self.coordinated_before = regex.compile(r",?+\s++(?:and|but)\s++(?:(?:also|then|later|further|again|\p{Ll}++ly)\s++)?+$")
        self.as_heard_before = regex.compile(r"(?<![^\s,(—–])([Aa]s)\s++(?:you|we|they|I)\s++(?:have\s++|had\s++)?(?:heard|hear|saw|see|seen)\s++$")
        self.as_before = regex.compile(r"(?<![^\s,(—–])([Aa]s)\s++$")
        self.cleft_before = regex.compile(r"(?<![^\s,(—–])([Ww]hat)\s++$")
        self.relative_before = regex.compile(r"(?<![^\s,(—–])(which|who|whom|that)\s++$")
        self.relative_word = regex.compile(r"[,—–]\s*+(which|who)\b")
        self.copula = regex.compile(r"\s*+(?:is|was|are|were)\b\s*+:?+\s*+(?:that\s++)?", regex.IGNORECASE)  # "what we said is: P"
        self.copula_start = regex.compile(r"\s*+(?:is|was|are|were|will|would|has|had)\b", regex.IGNORECASE)
        self.adverbial_opener = regex.compile(r"\s*+(?:\L<words>)\b", regex.IGNORECASE, words=grammar["adverbial_openers"])
        self.delayed_that = regex.compile(r"\s*+\p{L}++[^.;:?!\"“”«»,]{1,100}?\s++that\s++", regex.IGNORECASE)
        self.frame_end = regex.compile(r"\s*+[,—–]\s*+")
        self.word_at = regex.compile(r"\s*+([\p{L}'’]+)")
        self.word_run = regex.compile(r"[\p{L}\p{N}'’]++|[,;:—–()]")
        self.answer_particle = regex.compile(r"(?:yes|no|yeah|look|well|sure)\s*+[,.]\s*+", regex.IGNORECASE)
        self.comma_parenthetical = regex.compile(r"\s*+,\s*+(?:\L<words>)\s*+,\s*+", regex.IGNORECASE, words=grammar["leading_connectives"])

    # ------------------------------------------------------------------ entry point
    def find(self, text: str, sentences: list[Sentence], turns: list[tuple[int, int, bool]] | None = None,
             trace: Trace | None = None) -> list[Attribution]:
        self.text = text
        self.trace = trace
        self.lines = AsciiLines(text)  # where the cue and not-cue lists may scan on the faster engine (see ListScan)
        self.sentences = sentences
        self.sentence_starts = [s.start for s in sentences]
        self.token_index = _TokenIndex(text)
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
        for match in self.cue_scan.finditer(text, self.lines):
            if match.start() in used_cues:
                continue
            if self._excluded(match) or not self._cue_shape_ok(match):
                continue
            self._relaxed = []
            attribution = self._indirect(match, quote_regions, consumed)
            self._relaxed = []
            if attribution is not None:
                found.append(attribution)
        if not turns:
            for match in self.headline.finditer(text):
                attribution = self._headline(match)
                if attribution is not None:
                    found.append(attribution)
        for match in itertools.chain(self.reporting_noun.finditer(text), self.reporting_noun_from.finditer(text)):
            attribution = self._reporting_noun(match, quote_regions)
            if attribution is not None:
                found.append(attribution)
        found.extend(self._late_continuations(found))
        if trace is not None:
            for attribution in found:
                trace.add("attribution", attribution.rule, "built", attribution.cue.start, attribution.cue.end,
                          attribution.content.text[:60])
        # A reporter's question is not a statement, nor is a cue inside any interrogative sentence
        # ("Can you confirm that ...?"); reported speech in the declarative part of a question turn is.
        found = self._vetoed(found, "attribution.veto.interrogative",
                             lambda a: a.kind != "direct" and self._interrogative(a.cue.start, quote_regions))
        # a quoted question ("he asked, 'Why not?'", an interviewer's question) is no statement either
        found = self._vetoed(found, "attribution.veto.question_content",
                             lambda a: a.content.text.rstrip(_QUESTION_CLOSERS).endswith("?"))
        found.sort(key=lambda a: (a.cue.start, a.content.start))
        return _dedupe(found)

    # ------------------------------------------------------------------ helpers
    def _vetoed(self, found: list[Attribution], rule: str, applies) -> list[Attribution]:
        """``found`` without the candidates ``applies`` to; each one dropped is traced under ``rule``."""
        kept = []
        for attribution in found:
            if not applies(attribution):
                kept.append(attribution)
            elif self.trace is not None:
                self.trace.add("attribution", rule, "vetoed", attribution.cue.start, attribution.cue.end, attribution.rule)
        return kept

    def _sentence_index(self, offset: int) -> int:
        import bisect

        index = bisect.bisect_right(self.sentence_starts, offset) - 1
        return max(index, 0)

    def _sentence(self, offset: int) -> Sentence:
        return self.sentences[self._sentence_index(offset)]

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

    def _is_name_word(self, word: str) -> bool:
        core = word.rstrip(".")
        if not core:
            return False
        if word in self.stopwords or core in self.stopwords:
            return False
        first = core[0]
        return first.isupper() or (first.isdigit() is False and core[:1].isupper())

    def _np_word(self, token: _Token) -> bool:
        word = token.text
        base = word.removesuffix("'s").removesuffix("’s").rstrip(".")
        if not base or not base[0].isalnum():
            return False
        if base[0].isupper():
            return base not in self.stopwords or base in ("The", "A", "An")
        if self.particle_name.match(base):
            return True  # "al-Sabah": a name glued to its particle
        lower = base.casefold()
        return lower in self.np_words or lower.rstrip("s") in self.np_words or word.casefold() in self.np_words

    def _head_ok(self, token: _Token) -> bool:
        word = token.text.rstrip(".")
        lower = word.casefold()
        if word[:1].isupper():
            return word not in self.stopwords
        if self.particle_name.match(word):
            return True
        return (lower in self.title_words or lower in self.source_words or lower in self.lex.anonymous_nouns
                or lower.rstrip("s") in self.title_words or lower in self.document_words or lower in self.body_words)

    def speaker_before(self, end: int, lower: int, repairs: int = _MAX_SELF_REPAIRS) -> Span | None:
        """The noun phrase (or pronoun) ending right before ``end`` (skipping auxiliaries).

        ``repairs`` bounds how many self-repairs and relative clauses are stepped back over: a
        speaker repairs a phrase once or twice, while a run of cue words joined by dashes would
        otherwise send the search back over the whole sentence from every cue (quadratic).
        """
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
        tokens = self.token_index.between(max(lower, end - _WINDOW), end)
        i = len(tokens) - 1
        skipped = 0
        while i >= 0 and skipped < 5 and (
            tokens[i].text.casefold() in self.auxiliaries
            or tokens[i].text.casefold() in self.reflexives  # "the minister himself said"
            or (tokens[i].text.endswith("ly") and tokens[i].text.islower())
            or _NEGATED_AUXILIARY.fullmatch(tokens[i].text)
        ):
            i -= 1
            skipped += 1
            if i >= 0 and skipped < 5:
                adjunct = self.subject_adjunct.search(self.text, max(lower, tokens[i].end - 48), tokens[i].end)
                if adjunct is not None:  # "the ministry on Wednesday flatly denied"
                    while i >= 0 and tokens[i].start >= adjunct.start():
                        i -= 1
        if i < 0:
            return None
        token = tokens[i]
        if skipped and token.text in "),":
            party = self.party_state.search(self.text, max(lower, token.end - 24), token.end)
            if party is not None and repairs > 0:
                return self.speaker_before(party.start(), lower, repairs - 1)  # "Ana Lind (R-La.) has said"
        if token.text.casefold() in self.passive:
            return None
        contracted = _CONTRACTED_PRONOUN.fullmatch(token.text)
        if contracted:  # "we’ve said", "I’ll say": the pronoun without its auxiliary
            return Span.of(self.text, token.start, token.start + contracted.end(1))
        if token.text.casefold() == "me" and i >= 1 and tokens[i - 1].text.casefold() == "let":
            return Span.of(self.text, token.start, token.end)  # "let me say"
        if token.text in "—–" and i >= 1 and repairs > 0:
            # self-repair: "as we stated — publicly stated —" and "clear in these talks — clear
            # about —" keep the speaker of the abandoned repetition of the same cue
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
        if token.text.casefold() in self.lex.pronouns and token.text.casefold() not in ("his", "her", "its", "their", "our", "my", "your", "him", "them", "me", "us"):
            if token.text.casefold() == "us" and token.text != "us":
                pass
            else:
                return Span.of(self.text, token.start, token.end)
        if token.text.casefold() in ("who", "which"):
            # "the Nordland minister, who conceded ..." -> the noun phrase before the comma
            if i >= 1 and tokens[i - 1].text == "," and repairs > 0:
                return self.speaker_before(tokens[i - 1].start, lower, repairs - 1)
            if token.text.casefold() == "who" and i >= 1:
                return self._np_ending_at(tokens, i - 1)  # "farmers who said, ..." -> farmers
            return None
        if token.text == ",":
            name = self._appositive_name(tokens, i)
            if name is not None:
                return name
            return self._subject_before_parenthetical(tokens[: i + 1], lower)
        return self._np_ending_at(tokens, i)

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
        while words and (words[0].casefold() == "the" or self.lex.titles.get(words[0].casefold()) is not None):
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
            and not tokens[first - 1].text.endswith("ed") and not self.cues.fullmatch(tokens[first - 1].text)
            and tokens[first - 2].text[:1].isupper() and self._np_word(tokens[first - 2]) and self._np_word(tokens[first])
            and tokens[first].text.casefold() not in self.function_words
        ) or (
            # a lower-case noun modifier before a role or document head: "rescue leader X", "jobs report"
            tokens[first - 1].text.isalpha() and tokens[first - 1].text.islower() and tokens[first].text.islower()
            and not tokens[first - 1].text.endswith(("ed", "ly")) and not self.cues.fullmatch(tokens[first - 1].text)
            and tokens[first - 1].text.casefold() not in self.function_words and tokens[first - 1].text.casefold() not in self.auxiliaries
            and (tokens[first].text.casefold().rstrip("s") in self.modifiable_heads or tokens[first].text.casefold() in self.body_words)
            and (first - 2 < 0 or not tokens[first - 2].text[:1].isalnum() or tokens[first - 2].text.casefold() in self.function_words
                 or tokens[first - 2].text[:1].isupper())
        )):
            first -= 1
        # trim words that cannot open a noun phrase
        while first < i and tokens[first].text.casefold() in ("of", "and", "for", "to", "at", "in", "on", "'s", "as"):
            first += 1
        if tokens[first].text in self.stopwords and tokens[first].text not in ("The", "A", "An"):
            first += 1
        if first > i:
            return None
        # "A, B and C" coordination is kept; a bare determiner is not a speaker.
        if all(t.text.casefold() in self.function_words for t in tokens[first : i + 1]):
            return None
        # a restrictive post-modifier of a document: "A statement from the presidency said"
        if first >= 2 and tokens[first - 1].text.casefold() in ("from", "by", "of") and \
                tokens[first - 2].text.casefold().rstrip("s") in self.document_stems:
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
        # skip a leading adverbial set off by a comma ("On Monday, ...")
        start_index = 0
        if clause_tokens[0].text in self.stopwords and clause_tokens[0].text not in ("The", "A", "An"):
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
            opener.casefold() in ("who", "which", "where", "when", "speaking", "writing", "asked", "talking", "in", "at", "during", "after", "on", "a", "an", "the", "whose", "according", "while", "citing", "quoted", "himself", "herself", "also", "however", "though")
            or opener[:1].isdigit()  # an age: "Mr. Smith, 54, said"
            or opener.endswith(("ing", "ed"))
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
        if end_token.text.endswith(("'s", "’s")):
            return None
        issuer = _ISSUER_AFTER.match(self.text, end, limit)
        if issuer is not None and end_token.text.rstrip(".").casefold() in self.document_words:
            # '"P," said a joint statement from Norland and Arnor': the document's issuer belongs to it
            source = self.speaker_after(issuer.end(), limit)
            if source is not None:
                end = source.end
        return Span.of(self.text, tokens[0].start, end)

    def _abbreviation(self, word: str) -> bool:
        return word.casefold() in self.lex.abbreviations or bool(_DOTTED.fullmatch(word))

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
        for match in self.cues.finditer(self.text, max(start, end - _WINDOW), end):
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

    # ------------------------------------------------------------------ pass 1: quotations
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
        if match is None or self._excluded(match):
            return None
        cue = Span.of(text, match.start(), match.end())
        cue_word = match.group().casefold()
        if match.start() == pos:
            # inverted: '," said Peskov'
            if cue_word.endswith("ing"):
                return None  # '"...," saying P' continues the sentence; it is not an inverted frame
            speaker = self.speaker_after(_skip_spaces(text, match.end()), para_end)
            if speaker is None or cue_word in ("according to",):
                return None
            first_word = (speaker.text.split() or [""])[0]
            if not (text[quote.close - 1 : quote.close] in ",!?…—-" or "," in text[start:pos]) \
                    and (text[match.end():speaker.start].strip() or (first_word.islower() and first_word not in ("the", "a", "an"))):
                return None  # 'a "productive" call with Putin': a scare quote, then a noun; no frame
            return speaker, cue, "attribution.direct.after_inverted"
        speaker = self.speaker_before(match.start(), pos)
        if speaker is not None and speaker.start > pos:
            # '," the Lithuanian defence minister, Tomas Vaitkus, told': the name in apposition speaks
            # when the words before it are one noun phrase opening the frame
            tokens = self.token_index.between(pos, speaker.start)
            head = self._np_ending_at(tokens, len(tokens) - 2) if len(tokens) >= 2 and tokens[-1].text == "," else None
            if head is None or head.start != pos:
                return None
        if speaker is None or speaker.start < pos:
            return None
        return speaker, self._cue_with_addressee(cue, window_end), "attribution.direct.after"

    def _frame_before(self, quote: Quote, sentence: Sentence) -> tuple[Span, Span, str] | None:
        text = self.text
        if sentence.start == quote.open and self.sentences and self._sentence_index(quote.open) > 0:
            # 'The letter states, in part:' ending the previous paragraph frames a block quotation
            previous = self.sentences[self._sentence_index(quote.open) - 1]
            if text[previous.start : previous.end].rstrip().endswith(":") and text.count("\n", previous.end, quote.open) <= 1:
                sentence = Sentence(previous.start, previous.end, previous.paragraph)
        lower = max(sentence.start, quote.open - _WINDOW)
        best = None
        for match in self.cues.finditer(text, lower, quote.open):
            if self._cue_shape_ok(match):  # not a capitalised name word ("State Department official")
                best = match
        if best is None or self._excluded(best):
            return None
        after_quote = text[quote.close + 1 : sentence.end].lstrip(" \"”’»")
        if after_quote and after_quote[0] not in ".,;:!?)—–-…" and text[quote.close - 1] not in ".,;:!?…":
            return None  # a scare-quoted word inside a clause: 'threatened "limited" action'
        if best.group().casefold() == "according to":
            # 'According to a senior official: "..."': the source before a colon introduces the quotation
            source = self.speaker_after(_skip_spaces(text, best.end()), quote.open)
            if source is None or text[source.end:quote.open].strip() != ":":
                return None
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
                return None
            # 'described her talk with X: "..."', 'said of the talks: "..."': a short complement, then a colon
            self._relaxed.append("colon_frame")
        if _ENDS_WITH_THAT.search(gap) and text[quote.close + 1 : sentence.end].strip(" .!?;") != "":
            return None  # 'pointed out that "..."': direct only when the quote runs to the sentence end
        if not text[sentence.start : best.start()].strip(" \t\"“") and best.group()[:1].isupper() and gap.rstrip().endswith(":"):
            # 'Said a joint statement from the two governments: "P"': the cue opens the sentence, its source follows
            speaker = self.speaker_after(_skip_spaces(text, best.end()), quote.open)
            if speaker is None:
                return None
            adjunct = _ADJUNCT_IN_SOURCE.search(text, speaker.start, speaker.end)
            if adjunct is not None:
                speaker = Span.of(text, speaker.start, adjunct.start())  # 'Wrote the envoy in a letter: "P"'
            modifier = _SOURCE_MODIFIER_TO_COLON.match(text, speaker.end, quote.open)
            if modifier is not None:
                speaker = Span.of(text, speaker.start, modifier.end(1))  # "a joint statement from the two governments"
            elif text[speaker.end : quote.open].strip() != ":":
                return None
            if self._relaxed and self._relaxed[-1] == "colon_frame":
                self._relaxed.pop()  # the words before the colon are the source, not a complement
            return speaker, cue, "attribution.direct.before_inverted"
        progressive = self.progressive.search(text, max(sentence.start, best.start() - 40), best.start()) if best.group().endswith("ing") else None
        speaker = self.speaker_before(progressive.start() if progressive else best.start(), sentence.start)
        if speaker is None:
            return None
        return speaker, cue, "attribution.direct.before"

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
        end = match.end()
        if self.text[end - 1] == "." and not self._abbreviation(self.text[match.start():end].split()[-1]):
            end -= 1
        return Span.of(self.text, cue.start, end)

    # ------------------------------------------------------------------ pass 2: indirect speech
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
        text = self.text
        cue_word = match.group().casefold()
        sentence_index, lower, upper = self._reach(match.start(), quote_regions)
        for c_start, c_end in consumed.containing(match.start()):
            lower, upper = max(lower, c_start), min(upper, c_end)
        before_word = text[max(lower, match.start() - 4) : match.start()].casefold()
        purpose = False
        aspectual = None
        if _ENDS_WITH_TO.search(before_word) and cue_word not in ("according to",):
            # "continue to urge", "tried to argue", "had begun to hint": the subject of the aspectual
            # verb speaks; a weaker reading (relaxed), where the strict rule dropped it
            aspectual = self.aspectual_to.search(text, max(lower, match.start() - 40), match.start())
            if aspectual is not None:
                self._relaxed.append("to_before_cue")
        if _ENDS_WITH_TO.search(before_word) and aspectual is None and cue_word not in ("according to",) and not self.performative_to.search(text, max(lower, match.start() - 24), match.start()):
            # "called the president to inform him that P": an infinitive of purpose after an object is
            # the subject's report; "declined to say", "plans to announce" are not reports
            purpose = bool(self.purpose_to.search(text, max(lower, match.start() - 40), match.start())) and not any(
                self.lex.cue_forms.get(m.group().casefold(), _NO_CUE).cue_class == "direct"
                for m in self.cues.finditer(text, self._clause_lower(lower, match.start()), match.start() - 3))
            if not purpose:
                return None  # 'declined to comment', 'refused to say'
        cue = Span.of(text, match.start(), match.end())
        if cue_word == "according to":
            return self._according_to(cue, lower, upper, sentence_index)
        if cue_word.startswith("as "):
            return self._quoted_as_saying(cue, lower, upper, sentence_index)
        verb = self.lex.cue_forms.get(cue_word)
        if verb is None:
            return None
        if purpose or (cue_word.endswith("ing") and self.by_gerund.search(text, max(lower, cue.start - 12), cue.start)):
            # "opened the session by noting that P", "phoned X to assure her that P": the clause subject speaks
            attribution = self._participial(cue, verb, lower, upper, sentence_index)
            if attribution is not None and self.that_word.search(text, attribution.cue.end, attribution.content.start):
                return Attribution(attribution.speaker, attribution.cue, attribution.content, attribution.kind,
                                   "attribution.indirect.purpose" if purpose else "attribution.indirect.by_gerund", sentence_index)
            return None
        if cue_word.endswith("ing") and text[lower : cue.start].rstrip().endswith((",", ",\"", ",”", ",’")):
            return self._participial(cue, verb, lower, upper, sentence_index)
        issued = self.issued_document.search(text, max(lower, cue.start - 80), cue.start) if cue_word.endswith("ing") else None
        if issued is not None and issued.group("noun").casefold() in self.document_stems:
            # "The ministry issued a statement saying P", "put out a readout noting P": the issuer speaks
            speaker = self.speaker_before(issued.start(), lower) or self._clause_subject(lower, issued.start())
            if speaker is None:
                return None
            rule_prefix = "attribution.indirect.issued"
            full_cue = self._cue_with_addressee(cue, upper)
            that = self.that.match(text, full_cue.end, upper)
            start = _skip_spaces(text, that.end() if that else full_cue.end)
            if verb.cue_class == "direct" or not self._clause_like(start, upper, short_ok=True):
                return None
            return self._make(speaker, full_cue, start, self._content_end(start, upper), rule_prefix, sentence_index)
        if cue_word.endswith("ing") and not self.progressive.search(text, max(lower, cue.start - 40), cue.start):
            return None  # a gerund or participle without a subject of its own: "by saying", "a warning"
        # inverted trailing: 'P, said Peskov.'
        head = text[lower : cue.start].rstrip()
        if head.endswith((",", ",\"", ",”")) and cue.start > lower:
            speaker = self.speaker_after(_skip_spaces(text, cue.end), upper)
            if speaker is not None:
                rest = self.adjuncts.match(text, speaker.end, upper).end()
                participle = self.participial_tail.match(text, rest, upper)
                if participle and self.cues.fullmatch(participle.group(1)):
                    # "P, said Ana Dorn, adding that Q": the participle's statement is read at its own cue
                    self.frame_speakers[sentence_index] = speaker
                    rest = upper
                elif text[rest:upper].strip(" .!?;") and self.trailing_apposition.fullmatch(text, rest, upper):
                    # "P, said Ana Dorn, a professor at Lund University.": the apposition describes the speaker
                    self._relaxed.append("trailing_appositive")
                    rest = upper
                if not text[rest:upper].strip(" .!?;"):
                    content_start = self._skip_connective(lower, upper)
                    comma = lower + len(head) - 1
                    return self._make(speaker, cue, content_start, comma, "attribution.indirect.trailing_inverted", sentence_index)
        progressive = self.progressive.search(text, max(lower, cue.start - 40), cue.start) if cue_word.endswith("ing") else None
        performative = self.performative_to.search(text, max(lower, cue.start - 24), cue.start)
        # "The minister was very clear that P": the subject stands before the copula; only with an explicit
        # "that" ("the message was clear: ..." has no speaker)
        copula = self.copula_before.search(text, max(lower, cue.start - 40), cue.start) \
            if verb.lemma in self.copular_cues and self.that_next.match(text, cue.end, upper) else None
        speaker_end = (progressive.start() if progressive else performative.start() if performative
                       else aspectual.start() if aspectual else copula.start() if copula else cue.start)
        speaker = self.speaker_before(speaker_end, lower)
        if progressive and speaker is None:
            contracted = _CONTRACTED_PRONOUN.search(text, max(lower, progressive.start() - 8), progressive.end())
            speaker = Span.of(text, contracted.start(1), contracted.end(1)) if contracted else None
        rule_prefix = "attribution.indirect"
        coordinated = speaker is None and (
            self.coordinated_before.search(text, max(lower, cue.start - 30), cue.start)
            # "declared an emergency, pledged to cut taxes, and ...": a list of predicates
            or (text[lower:cue.start].rstrip().endswith(",") and (self.infinitive.match(text, cue.end, upper) or self.that.match(text, cue.end, upper)))
        )
        if coordinated:
            # "noted P, and pledged that Q": the second predicate shares the subject of the first
            recent = self._recent_speaker
            if recent is not None and recent[0] == sentence_index:
                speaker = recent[1]
            else:
                speaker = self._clause_subject(max(lower, self._body_start(cue.start)), cue.start)
            rule_prefix = "attribution.indirect.coordinated"
        if speaker is None or speaker.text.endswith(("'s", "’s")):
            return None  # "Lavrov's remark that": a noun, read by the reporting-noun rule
        if verb.lemma in self.document_only_cues and not any(w.casefold() in self.document_stems for w in _WORD.findall(speaker.text)):
            return None  # "a new poll found that P" reports; "the police found that the door was open" does not
        article = self.indefinite.match(speaker.text)
        if article and cue.text.casefold() == verb.lemma and self._np_word(_Token(text[speaker.start + article.end():speaker.end].split()[0], 0, 0)):
            # "a European Union request to postpone": the cue is a noun; its article is not the source's
            speaker = Span.of(text, speaker.start + article.end(), speaker.end)
        self._recent_speaker = (sentence_index, speaker)
        passive_from = speaker
        if coordinated:
            # "said the talks were useful and added that Q": only the second predicate's own words count
            bridge = coordinated.start() if isinstance(coordinated, regex.Match) else text.rfind(",", lower, cue.start)
            if bridge >= 0:
                passive_from = Span.of(text, bridge, bridge)
        if not progressive and verb.lemma not in self.copular_cues and self._is_passive(passive_from, cue):
            return None
        if verb.lemma in self.copular_cues and (not self.copula_before.search(text, max(lower, cue.start - 40), cue.start)
                                                or speaker.text.casefold() in ("it", "this", "that", "there")):
            return None  # "clear" is a cue only in "has been clear that P", "we've been very clear: P"; "it is clear" has no source
        parenthetical = self._parenthetical_frame(speaker, cue, lower, upper, sentence_index)
        if parenthetical is not None:
            return parenthetical
        as_frame = self.as_before.search(text, max(lower, speaker.start - 12), speaker.start) \
            or self.as_heard_before.search(text, max(lower, speaker.start - 30), speaker.start)  # "As you heard the minister say, P"
        if as_frame is not None and self._sets_off(as_frame.start(1), lower, cue.start):
            return self._as_frame(speaker, cue, as_frame.start(1), lower, upper, sentence_index)
        full_cue = self._cue_with_addressee(cue, upper)
        after = self.adjuncts.match(text, full_cue.end, upper).end()
        remainder = text[after:upper]
        if not remainder.strip(" .!?;\"”'’") or self.narrator_addition.match(remainder):
            # trailing: 'P, X said.'
            comma = text.rfind(",", lower, speaker.start)
            if comma < 0 or text[comma + 1 : speaker.start].strip(" \"”"):
                return None
            content_start = self._skip_connective(max(lower, self._body_start(cue.start)), comma)
            return self._make(speaker, full_cue, content_start, comma, "attribution.indirect.trailing", sentence_index)
        object_infinitive = self.object_then_infinitive.match(text, after, upper) if verb.lemma in self.object_infinitive_cues else None
        if object_infinitive is not None and self.not_addressee.search(text, after, object_infinitive.end()):
            object_infinitive = None  # "tell you that we are going to stay": a that-clause, not a directive
        if object_infinitive is not None and self.finite_word.search(text, after, object_infinitive.end()):
            object_infinitive = None  # "tells VOA the Palestinians cannot afford to wait": a clause, not an object
        if verb.cue_class == "direct" or object_infinitive or (verb.lemma in self.infinitive_cues and self.infinitive.match(text, after, upper)):
            to = self.infinitive.search(text, after, min(upper, after + 120))
            if to is None:
                return None
            if text[after : to.start()].count(",") > 1 or self.not_addressee.search(text, after, to.start()):
                return None  # "asking me if there is a trip to preview": a question, not a directive
            object_words = _WORD.findall(text[after : to.start()])
            if object_words and object_words[-1].casefold() in self.resource_objects:
                return None  # "ordered Federal aid to supplement local efforts": a thing sent, no one told to act
            end = self._coordinated_end(to.start(), self._content_end(to.start(), upper))
            past = self.past_predicate.search(text, to.start(), end)
            if past is not None:
                end = past.start()  # "pledged to cut taxes, and outlined a plan": the next predicate of a list
            reason = self.directive_end.search(text, to.start(), end)
            if reason is not None:
                end = reason.start()  # "asked me to travel to Beijing because he believes P": the request ends
            if self.anaphoric.match(text, to.start(), end):
                return None  # "urged them to do the same"
            if self.free_relative_before.search(text, max(lower, speaker.start - 8), speaker.start) \
                    and self.stranded_preposition.search(text, to.start(), min(upper, end + 1)):
                return None  # "That's what the president is directing his team to work on, ...": the object is the relative's gap
            return self._make(speaker, full_cue, to.start(), end, "attribution.indirect.directive", sentence_index)
        cleft = self.cleft_before.search(text, max(lower, speaker.start - 8), speaker.start)
        that = self.that_after_parenthetical.match(text, after, upper) or self.that.match(text, after, upper)
        view = self.view_object.match(text, after, upper) if that is None else None
        if view is not None:
            # "affirmed her view that P", "stated the position that P": the cue takes its object noun along
            full_cue = Span.of(text, cue.start, view.end("noun"))
            that = self.that.match(text, view.end("noun"), upper)
        if verb.lemma in self.frame_only_cues and not (that is not None and that.group().strip(" ,").casefold() == "that"):
            return None  # "laid out the plan", "what you laid out is": only "as we laid out, P" and "laid out that P" report
        if that is None and (self.adverbial_opener.match(text, after, upper) or self.adverbial_opener.match(text, full_cue.end, upper)):
            # "said in an interview aired on Thursday that P", "said right here that P"
            that = self.delayed_that.match(text, full_cue.end, min(upper, full_cue.end + 160))
        if that is not None and that.group().strip(" ,").casefold() in ("when", "if", "how", "what", "why"):
            # "told him when they met that P": the complementizer is the later "that"
            later = self.delayed_that.match(text, after, min(upper, after + 80))
            if later is not None:
                that = later
        if that is not None and that.re is self.delayed_that and self.wh_word.search(text, that.start(), that.end()):
            that = None  # "very clear on why they reject that plan": "that" is a determiner in a wh-clause
        if that is not None and that.re is self.delayed_that and (word := self.word_at.match(text, that.end(), upper)) \
                and word.group(1).casefold() in self.finite_markers:
            that = None  # "committed to the publication of a review that would ...": a relative "that"
        if that is not None and that.group().strip(" ,").casefold() == "what":
            echoed = self.cues.search(text, that.end(), min(upper, that.end() + 40))
            if echoed is not None and len(text[that.end():echoed.start()].split()) <= 3 and self._cue_shape_ok(echoed):
                return None  # "I repeat what I just said in German": the object is earlier speech, no content of its own
        if verb.lemma in self.copular_cues and not (that is not None and "that" in that.group().casefold()) and not text[after:after + 2].strip().startswith(":"):
            return None  # "very clear on why they reject it": topic only
        content_start = that.end() if that else after
        if verb.cue_class == "describe" or (not that and verb.cue_class == "deny" and self.object_as_quote.match(text, content_start, upper)):
            return self._described(speaker, full_cue, content_start, upper, sentence_index)
        rule = f"{rule_prefix}.that" if that else f"{rule_prefix}.subject_cue"
        if cleft is not None and not that:
            copula = self.copula.match(text, content_start, upper)
            if copula is None:
                return None
            if self._clause_like(copula.end(), upper):
                content_start = copula.end()  # "what I can promise the committee is P"
                rule = "attribution.indirect.pseudo_cleft"
            else:
                content_start = cleft.start(1)  # "what it claimed was a satellite": the content holds the frame
                rule = "attribution.indirect.interrupted"
        elif not that and self.copula_start.match(text, content_start, upper):
            relative = self.relative_before.search(text, max(lower, speaker.start - 12), speaker.start)
            if relative is None or (relative.group(1).casefold() == "that" and after > full_cue.end):
                return None  # "the words that I wrote yesterday is ...": an object relative
            content_start = relative.start(1)  # "which X said was ruled by ..."
            rule = "attribution.indirect.interrupted"
        if not that and rule.endswith("subject_cue"):
            leading = self.leading_as_frame.match(text, content_start, upper)
            if leading and self.cues.search(text, leading.start(1), leading.end(1)):
                content_start = leading.end()  # "I'll add more generally, as we told the envoy, P"
        explicit_that = that is not None and _ENDS_WITH_THAT_WORD.search(that.group().rstrip(" ,")) is not None
        if explicit_that and text[_skip_spaces(text, content_start):content_start + 2].startswith(",") \
                and self._clause_after_adjunct(_skip_spaces(text, content_start) + 1, upper):
            # "stated that, after a long pause, P": the comma opens an adjunct of P, not a new frame
            content_start = _skip_spaces(text, _skip_spaces(text, content_start) + 1)
            self._relaxed.append("that_then_adjunct")
        opener = self.word_at.match(text, content_start, upper)
        if opener and opener.group(1).casefold() in self.content_openers_rejected and rule != "attribution.indirect.interrupted":
            if not (explicit_that and self._clause_after_adjunct(content_start, upper)):
                return None
            self._relaxed.append("that_then_adjunct")  # "said that on Monday the talks would resume"
        quoted_start = _QUOTE_MARKS.match(text[_skip_spaces(text, content_start):upper] or " ")
        if quoted_start and text[upper - 1 : upper] not in "\"”»“" and not text[upper - 2 : upper - 1] in "\"”»“":
            quoted_start = None  # 'promised "swift" retaliation': a scare quote, not the content
        if self.abandoned.match(text, content_start, upper) and self.cues.search(text, content_start, min(upper, content_start + 60)):
            return None  # an abandoned frame: "told us she’d — went on record and told us she’d ..."
        if that and that.group().strip(" ,").casefold() == "that" and not quoted_start and not self._clause_like(that.end(), upper, bare_that=True):
            return None  # "that" was a pronoun object: "I said that earlier today"
        noun_object = False  # the content opens with a report, plan or event, object of a deny or confirm cue
        if not that and not quoted_start and rule.endswith("subject_cue"):
            if self.anaphoric.match(text, content_start, upper) or self.empty_object.match(text, content_start, upper):
                return None  # "I just confirmed it", "they said nothing about it"
            noun_from = self.reporting_noun_from.match(text, _skip_spaces(text, content_start), upper)
            if noun_from is not None and noun_from.group("noun").casefold() in self.directive_nouns:
                # "is rejecting a demand from China that P": P is China's demand, not the rejecter's claim
                # (while "denied a report from X that P" is a denial of P)
                return None
            if verb.cue_class == "deny":
                noun_object = bool(self.deny_objects.match(text, content_start, upper))
                if not noun_object and not self._clause_like(content_start, upper):
                    return None  # "didn't confirm the figure": a denial needs a report, claim, plan or participation
            elif verb.lemma not in self.lenient_cues and self.relative_object.match(text, content_start, upper):
                return None  # "mentioned the report that was published": a noun phrase and its relative clause
            elif self.reporting_np.match(text, content_start, upper):
                pass  # "reiterated the President's insistence that P"
            elif not self._clause_like(content_start, upper, short_ok=verb.lemma in self.lenient_cues):
                return None  # "noted the long friendship", "announced the visit": a noun phrase, not a report
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
        if content_start < upper and text[content_start] in "—–-":
            return None  # an abandoned frame: "he said — he denied that ..."
        content_end = self._content_end(content_start, upper)
        trailing = self._trailing_frame_start(content_start, upper, cue.start)
        if trailing is not None and trailing > content_start:
            content_end = trailing
        content_end = self._coordinated_end(content_start, content_end)
        if self.subordinator.match(text, self._clause_lower(lower, speaker.start), speaker.start):
            main = self._main_clause_start(content_start, content_end, cue.start)
            if main is None:
                # "When the minister said that P, the envoy left": P ends before the main clause
                main = next((c for c in _reversed_commas(text, content_start, content_end) if self._clause_like(c + 1, content_end)), None)
            if main is not None:
                content_end = main  # "After X assessed that P, the President said Q": P ends at the main clause
        semicolon = text.find(";", content_start, content_end)
        if semicolon > content_start and _quote_around(quote_regions, semicolon) is None:
            content_end = semicolon  # "Officials say P; others disagree"
        for name in {speaker.text, text[cue.end:full_cue.end].strip()}:
            if len(name) > 2:
                again = text.find(", and " + name, content_start, content_end)
                if again < 0 and name[:1].isupper():
                    again = text.find(", and " + name[:1].lower() + name[1:], content_start, content_end)
                if again >= 0:
                    content_end = again  # "..., and the Chancellor praised ...": the narrator again
        predicate = self.second_predicate.search(text, content_start, content_end)
        if predicate is not None:
            content_end = predicate.start()  # "she backs the plan and, unusually, did not ..."
        if noun_object:
            predicate = self.object_end.search(text, content_start, content_end)
            if predicate is not None:
                content_end = predicate.start()  # "confirmed the trip but did not comment": the object ends
        withheld = self.withholding.search(text, content_start, content_end)
        if withheld is not None:
            content_end = withheld.start()  # "confirmed that talks were held but did not elaborate"
        if speaker.text.casefold() not in ("i", "we"):
            own_voice = self.own_voice.search(text, content_start, content_end)
            if own_voice is not None:
                content_end = own_voice.start()  # "..., and we're going to do everything we can": the reporter's own words
        final_source = self.final_according.search(text, max(content_start, content_end - 100), content_end)
        if final_source is not None and not (self.not_cues is not None and self.not_cues.match(text, final_source.start(1))):
            content_end = final_source.start()  # "P, according to a readout": the narrator's source, not content
        if content_end <= content_start:
            return None
        first = text[content_start]
        if first == "," and self.connective.fullmatch(text, lower, speaker.start) and self._clause_like(_skip_spaces(text, content_start + 1), upper):
            # "Instead, she says, the talks will resume": a connective, then the frame set off by commas
            start = _skip_spaces(text, content_start + 1)
            return self._make(speaker, full_cue, start, self._content_end(start, upper), "attribution.indirect.parenthetical", sentence_index)
        if verb.cue_class == "say" and (first in ",;" or text[content_start:content_start + 3].casefold() in ("by ", "to ")):
            return None
        return self._make(speaker, full_cue, content_start, content_end, rule, sentence_index)

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
            return None
        speaker = Span.of(self.text, match.start("name"), match.end("name"))
        cue = Span.of(self.text, match.start("colon"), match.end("colon"))
        return self._make(speaker, cue, start, self._content_end(start, upper), "attribution.indirect.headline", sentence_index)

    def _reporting_noun(self, match: regex.Match, quote_regions) -> Attribution | None:
        text = self.text
        sentence_index, lower, upper = self._reach(match.start(), quote_regions)
        if match.re is self.reporting_noun_from:
            speaker = self.speaker_after(match.start("source"), match.end("source"))
            if speaker is None or speaker.end != match.end("source"):
                return None  # the words after "from" are no whole noun phrase
        elif match.group("pronoun"):
            speaker = Span.of(text, match.start("pronoun"), match.end("pronoun"))
        else:
            owner = _WORD_BEFORE.search(text, max(lower, match.start() - 40), match.start("possessive"))
            if owner is None or owner.group().casefold() in self.lex.pronouns or owner.group().casefold() in self.not_possessors:
                return None  # "it’s important to note that": a contraction, not a possessor
            speaker = self.speaker_before(match.start("possessive"), lower)
        if speaker is None:
            return None
        cue = Span.of(text, match.start("noun"), match.end("noun"))
        if match.group("complement") == "that":
            start = match.end()
        elif self.infinitive.match(text, match.start("complement"), upper):
            start = match.start("complement")
        else:
            return None  # "Obama's letter to the President": an addressee, not an infinitive
        end = self._coordinated_end(start, self._content_end(start, upper))
        if self.anaphoric.match(text, start, end):
            return None
        return self._make(speaker, cue, start, end, "attribution.indirect.reporting_noun", sentence_index)

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
                    letters[0].casefold() not in _QUANTIFIERS
                    or any(w.islower() and w.endswith(("ed", "s")) and w not in self.function_words for w in letters[1:])):
                return True  # "said the talks failed", "said talks continue"; not "say one last word"
            if bare_that:
                return bool(letters) and (letters[0].casefold() in self.subject_pronouns or letters[0][0].isupper())
        if words[0].casefold() in self.subject_pronouns or _CONTRACTED_PRONOUN.fullmatch(words[0]) or _CONTRACTED_IS.fullmatch(words[0]):
            return True
        previous = words[0]
        for word in words[1:14]:
            lower = word.casefold()
            if lower in self.clause_stops:
                return False
            if (lower in self.finite_markers and previous.casefold() not in _DETERMINERS) or _NEGATED_AUXILIARY.fullmatch(word) or _CONTRACTED_PRONOUN.fullmatch(word):
                return True  # not after a determiner: "the need for reform", "its plans" are nouns
            # a verb in -s/-ed right after a proper name: "added Trump looks forward", "said Kyiv refused"
            if (word.islower() and lower.endswith(("s", "ed")) and lower not in self.function_words
                    and previous[:1].isupper() and not previous.endswith(("'s", "’s", "s'", "s’"))):
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

    def _parenthetical_frame(self, speaker: Span, cue: Span, lower: int, upper: int, sentence_index: int) -> Attribution | None:
        """'Ambassador Tai, we said yesterday, is going to engage ...': a frame set off by commas inside
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

    def _main_clause_start(self, start: int, end: int, skip_cue: int) -> int | None:
        """The comma before ', <speaker> <cue>' that opens the main clause after a subordinate one."""
        for match in self.cues.finditer(self.text, start, end):
            if match.start() == skip_cue or not self._cue_shape_ok(match):
                continue
            speaker = self.speaker_before(match.start(), start)
            if speaker is None:
                continue
            comma = self.text.rfind(",", start, speaker.start)
            if comma >= 0 and not self.text[comma + 1 : speaker.start].strip():
                return comma
        return None

    def _coordinated_end(self, start: int, end: int) -> int:
        """Cut content before a coordinated second report of the same subject ('..., and pledged that')."""
        for match in self.cues.finditer(self.text, start, end):
            if not self._cue_shape_ok(match):
                continue
            if match.group().endswith(("ing", "ING")) and self.text[max(start, match.start() - 2) : match.start()].strip() == ",":
                return self.text.rfind(",", start, match.start())  # "P, adding that Q": the participle has its own content
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
            if verb.cue_class == "direct" and self.infinitive.search(self.text, cue.end, min(end, cue.end + 60)):
                return joint.start()
        return end

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
                return None
            return self._make(speaker, full_cue, clause_lower, clause_lower + len(before), "attribution.indirect.as_frame", sentence_index)
        if not before:
            start = self.clause_filler.match(text, _skip_spaces(text, frame_end.end()), upper).end()
            repair = self.repair_tail.match(text, start, upper)
            if repair is not None and self.cues.search(text, start, repair.end()):
                start = repair.end()  # "as we stated — publicly stated — P"
            end = self._content_end(start, upper)
            if start >= end or text[start] in "—–-":
                return None
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
        if quoted is None or _COMMA_OR_THAT.search(window[: quoted.start()]):
            return None  # the quote belongs to another clause: 'called X long, and noted that "..."'

        inner_start, inner_end = _trim_inner(text, start + quoted.start(1), start + quoted.end(1))
        if inner_end <= inner_start:
            return None
        return Attribution(speaker, cue, Span.of(text, inner_start, inner_end), "direct", "attribution.direct.described_as", sentence_index)

    def _is_passive(self, speaker: Span, cue: Span) -> bool:
        # only the words after a parenthetical count: "officials, who asked not to be named, said"
        between = self.text[speaker.end : cue.start]
        if between.lstrip().startswith(","):
            between = between.rpartition(",")[2]
        between = between.split()
        return any(w.casefold() in self.passive for w in between) and not any(w.casefold() in ("has", "have", "had") for w in between[-1:])

    def _participial(self, cue: Span, verb, lower: int, upper: int, sentence_index: int) -> Attribution | None:
        text = self.text
        framed = self.frame_speakers.get(sentence_index)
        if framed is not None and framed.end <= cue.start:
            speaker = framed  # '"We are close," one source said, adding that P'
        else:
            speaker = self._clause_subject(lower, cue.start)
        if speaker is None:
            return None
        full_cue = self._cue_with_addressee(cue, upper)
        after = self.adjuncts.match(text, full_cue.end, upper).end()
        if verb.cue_class == "describe" or (verb.cue_class == "deny" and self.object_as_quote.match(text, after, upper)):
            return self._described(speaker, full_cue, after, upper, sentence_index)  # ', calling them "pure speculation."'
        if verb.cue_class == "direct":
            to = self.participial_to.search(text, after, min(upper, after + 120))
            if to is None:
                return None
            return self._make(speaker, full_cue, to.start(), self._content_end(to.start(), upper), "attribution.indirect.participial", sentence_index)
        that = self.that.match(text, after, upper)
        start = _skip_spaces(text, that.end() if that else after)
        end = self._content_end(start, upper)
        if end <= start:
            return None
        lenient = verb.lemma in self.lenient_cues
        if not that and not _QUOTE_MARKS.match(text, start) and (
                (not lenient and self.relative_object.match(text, start, upper))
                or not (self.reporting_np.match(text, start, upper) or self._clause_like(start, upper, short_ok=lenient))):
            return None  # "..., underscoring the strength of the alliance": a noun phrase, not a report
        return self._make(speaker, full_cue, start, end, "attribution.indirect.participial", sentence_index)

    def _clause_subject(self, lower: int, end: int) -> Span | None:
        """Subject of the clause governing a participle: the first noun phrase of the sentence."""
        lower = self.clause_filler.match(self.text, max(lower, self._body_start(end)), end).end()
        tokens = self.token_index.between(lower, end)
        j = 0
        if tokens and tokens[0].text in self.stopwords and tokens[0].text != "The":
            # a fronted adverbial up to its comma: "On Monday,", "After landing in the capital late Monday,"
            for k, t in enumerate(tokens[:FRONTED_ADVERBIAL_TOKENS]):
                if t.text == ",":
                    j = k + 1
                    break
        if j < len(tokens) and tokens[j].text.casefold() in self.lex.pronouns:
            return Span.of(self.text, tokens[j].start, tokens[j].end)
        k = j

        def inner_modifier(index: int) -> bool:  # "militia" in "Northern Alliance militia commander Dren Haskel"
            word = tokens[index].text
            return (index > j and word.isalpha() and word.islower() and index + 1 < len(tokens)
                    and not word.endswith("ed") and not self.cues.fullmatch(word) and tokens[index + 1].text.islower()
                    and self._np_word(tokens[index + 1]) and tokens[index + 1].text.casefold() not in self.function_words)

        while k < len(tokens) and (self._np_word(tokens[k]) or inner_modifier(k)):
            k += 1
        if k == j:
            return None
        # the subject is followed by its verb: trim to the last head word
        while k - 1 > j and not self._head_ok(tokens[k - 1]):
            k -= 1
        return self._np_ending_at(tokens[:k], k - 1)

    def _according_to(self, cue: Span, lower: int, upper: int, sentence_index: int) -> Attribution | None:
        text = self.text
        speaker = self.speaker_after(_skip_spaces(text, cue.end), upper)
        if speaker is None:
            return None
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
        appositive_tail = self.appositive_tail.fullmatch(tail) and not any(
            w.casefold() in self.finite_markers for w in self.word_run.findall(tail))
        if before.endswith(",") and self.that_parenthetical_lead.search(before) and self.comma_after.match(text, after_speaker, upper):
            before = ""  # "I believe, as you all know, according to X, P": initial after asides
        if not before:
            # 'According to X, P'
            comma = regex.compile(r"\s*+,\s*+").match(text, after_speaker, upper)
            if comma is None:
                return None
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
            return None
        return Attribution(speaker, cue, Span.of(text, start, end), "according_to", rule, sentence_index)

    def _quoted_as_saying(self, cue: Span, lower: int, upper: int, sentence_index: int) -> Attribution | None:
        text = self.text
        quoted = None
        for quoted in self.quoted_verb.finditer(text, max(lower, cue.start - 200), cue.start):
            pass
        if quoted is None:
            return None
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
            return None
        that = self.that.match(text, cue.end, upper)
        start = _skip_spaces(text, that.end() if that else cue.end)
        end = self._content_end(start, upper)
        if end <= start:
            return None
        return self._make(speaker, cue, start, end, "attribution.indirect.quoted_as_saying", sentence_index)

    def _make(self, speaker: Span, cue: Span, start: int, end: int, rule: str, sentence_index: int) -> Attribution | None:
        text = self.text
        while start < end and (text[start].isspace() or text[start] in ",;"):
            start += 1
        while end > start and text[end - 1] in " ,;:\t":
            end -= 1
        if end <= start or not _LETTER.search(text, start, end):
            return None
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


def _quote_around(quote_regions: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The quotation strictly around ``offset``. Regions are in order and disjoint, so a bisection
    finds it: a scan per cue would make a document with many quotes quadratic."""
    index = bisect.bisect_left(quote_regions, (offset,)) - 1
    if index >= 0 and quote_regions[index][0] < offset < quote_regions[index][1]:
        return quote_regions[index]
    return None


class _Spans:
    """(start, end) spans sorted by start, with the furthest end so far, to find those around an offset."""

    def __init__(self, spans):
        self.spans = sorted(spans)
        self.reach = list(itertools.accumulate((end for _, end in self.spans), max))

    def containing(self, offset: int):
        index = bisect.bisect_right(self.spans, (offset, float("inf")))
        while index > 0 and self.reach[index - 1] > offset:
            index -= 1
            if self.spans[index][1] > offset:
                yield self.spans[index]


def _reversed_commas(text: str, start: int, end: int):
    """Offsets of the commas in [start, end), last first."""
    comma = text.rfind(",", start, end)
    while comma > start:
        yield comma
        comma = text.rfind(",", start, comma)


def _skip_spaces(text: str, offset: int) -> int:
    while offset < len(text) and text[offset] in " \t":
        offset += 1
    return offset


def _trim_inner(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _paragraph_start(text: str, offset: int) -> int:
    """Start of the line holding ``offset`` (looked for at most 2,000 characters back)."""
    low = max(0, offset - 2000)
    newline = text.rfind("\n", low, offset)
    return newline + 1 if newline >= 0 else low


def _paragraph_end(text: str, offset: int) -> int:
    newline = text.find("\n", offset)
    return len(text) if newline < 0 else newline


def _other_cue_between(finder: AttributionFinder, start: int, end: int, own_cue: Span | None = None,
                       own_speaker: Span | None = None) -> bool:
    if end - start > 2000:
        return True
    own_frame_end = finder.adjuncts.match(finder.text, own_cue.end, end).end() if own_cue is not None and start <= own_cue.end <= end else -1
    for match in finder.cues.finditer(finder.text, start, end):
        if own_cue is not None and (match.start() == own_cue.start or own_cue.end <= match.start() < own_frame_end):
            continue  # the own cue, or a word of its adjunct ('said in televised remarks')
        if own_speaker is not None and own_speaker.start <= match.start() < own_speaker.end:
            continue  # a word of the own speaker that is also a cue ('State Department spokesman', 'Ole Brand')
        return True
    return False


def _dedupe(found: list[Attribution]) -> list[Attribution]:
    seen: set[tuple[int, int]] = set()
    result: list[Attribution] = []
    for attribution in found:
        key = (attribution.cue.start, attribution.content.start)
        if key in seen:
            continue
        seen.add(key)
        # a self-repair ("clear in these talks — clear about — that P") repeats one cue
        # over one content: the later repetition governs the content
        if result and result[-1].content == attribution.content and result[-1].cue.text.casefold() == attribution.cue.text.casefold():
            result[-1] = attribution
            continue
        result.append(attribution)
    return result


def _closes_next_paragraph(text: str, start: int) -> bool:
    end = text.find("\n", start, start + _MAX_QUOTE)
    mark = _QUOTE_MARKS.search(text, start, end if end >= 0 else min(len(text), start + _MAX_QUOTE))
    return mark is not None and mark.group() in "”»"


def find_quotes(text: str, sentences: list[Sentence]) -> list[Quote]:
    """Pair quotation marks paragraph by paragraph; stray marks are dropped, never extended."""
    quotes: list[Quote] = []
    open_at: int | None = None
    open_paragraph = -1
    paragraph = 0
    paragraph_start = 0
    for match in _MARK_OR_NEWLINE.finditer(text):
        mark = match.group()
        pos = match.start()
        if mark == "\n":
            paragraph += 1
            paragraph_start = pos + 1
            if open_at is not None:
                # a quotation runs on only when the next paragraph opens with a quote mark, or when
                # the first mark of the next paragraph can only close (a quoted block of paragraphs)
                nxt = text[pos + 1 : pos + 3].lstrip()
                if (not nxt or nxt[0] not in "\"“„«") and not _closes_next_paragraph(text, pos + 1):
                    open_at = None
            continue
        prev = text[pos - 1] if pos > 0 else " "
        nxt = text[pos + 1] if pos + 1 < len(text) else " "
        opening_shape = (prev.isspace() or prev in "([{—–-/" or pos == paragraph_start) and not nxt.isspace()
        closing_shape = not prev.isspace() and (nxt.isspace() or nxt in ".,;:!?)]}—–-" or pos + 1 == len(text))
        if mark in "„«":
            is_open = True
        elif mark in "”»":
            is_open = False
        elif mark == "“":
            is_open = not (open_at is not None and closing_shape and text[open_at] == "„") and not (open_at is not None and closing_shape and not opening_shape)
        else:  # straight quote
            is_open = opening_shape if open_at is None else (opening_shape and not closing_shape)
        if is_open:
            if open_at is not None and pos == paragraph_start and open_paragraph < paragraph:
                continue  # continuation of a quotation across a paragraph break
            open_at = pos
            open_paragraph = paragraph
        elif open_at is not None:
            if pos - open_at <= _MAX_QUOTE:
                quotes.append(Quote(open_at, pos, open_paragraph))
            open_at = None
    return quotes


def nest_reports(statements: list[Statement]) -> list[Statement]:
    """A statement reported inside another one's content ("X said P, according to Y"; "Y said X told
    him P") keeps its place and names the reporting statement in ``via`` (the innermost such one)."""
    by_start = sorted(statements, key=lambda s: s.content.start)
    starts = [s.content.start for s in by_start]
    nested = []
    for statement in statements:
        inner_start = min(statement.cue.start, statement.speaker.mention.start)
        inner_end = max(statement.cue.end, statement.speaker.mention.end)
        innermost = None
        # contents are bounded (a sentence, a quotation), so the walk back stops after NEST_LOOKBACK
        for index in range(bisect.bisect_right(starts, inner_start) - 1, -1, -1):
            outer = by_start[index]
            if outer.content.start < inner_start - NEST_LOOKBACK:
                break
            if outer is statement or outer.content.end < inner_end or statement.content.contains(outer.content):
                continue
            if innermost is None or outer.content.end - outer.content.start < innermost.content.end - innermost.content.start:
                innermost = outer
        nested.append(replace(statement, via=innermost.id) if innermost is not None else statement)
    return nested


def find_attributions(text: str, sentences: list[Sentence], lexicon: Lexicon, turns=None) -> list[Attribution]:
    """All attributions of a document, ordered by cue position."""
    return AttributionFinder(lexicon).find(text, sentences, turns)
