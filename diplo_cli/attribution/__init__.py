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

Layout: ``finder`` (the vocabulary and the order of the passes), ``frames`` (pass 1), ``indirect``
(pass 2, in named steps over one candidate), ``constructions`` (the named builders), ``noun_phrases``
and ``clauses`` (readers), ``quotes`` and ``tokens`` (per-document analysis), ``patterns`` (the loader
of ``data/<lang>/attribution_grammar.toml``: the stage's patterns, word lists and endings). Every
decision has an id, listed with examples in ``data/<lang>/rules/attribution.toml``: the rule a
statement carries (build), and, in a trace, the vetoes, trims and relaxed checks.
"""

from diplo_cli.attribution.finder import AttributionFinder, find_attributions
from diplo_cli.attribution.quotes import NEST_LOOKBACK, Quote, find_quotes, nest_reports
from diplo_cli.attribution.tokens import _TokenIndex, _tokens

__all__ = ["NEST_LOOKBACK", "AttributionFinder", "Quote", "_TokenIndex", "_tokens", "find_attributions", "find_quotes", "nest_reports"]
