"""A language-neutral pattern-rule engine: a language's statement rules as data, run in table order.

A language folder (``data/<lang>/``) that has ``rules/statements.toml`` is read by this engine
instead of the English stages. The table holds:

* ``[define]``: named pattern fragments, used in patterns as ``<<name>>`` (expanded before
  compiling; a fragment may use another). ``<<quoted>>`` is made from ``quote_pairs.tsv``
  (opening mark, tab, closing marks): a quotation from its opening to its closing mark, marks included.
* ``[sentences]``: ``abbreviations`` (a word file whose entries never end a sentence) and
  ``not_an_end`` (a pattern for a token that never ends one, such as an ordinal number).
* ``[[rule]]`` records (see :mod:`diplo_cli.rules.table`), run in the order written:

  - ``kind = "build"``: ``pattern`` with the named groups ``speaker``, ``cue`` and ``content``,
    ``statement`` (the statement kind: direct, indirect, mixed, according_to) and ``scope``
    (``sentence``, the default, or ``paragraph`` for quotations that run over several sentences).
    ``action = "continue"`` builds a statement without a speaker group: a sentence right after
    a statement (within ``reach`` sentences, default 1) that matches is said by that statement's
    speaker. Continuation rules run after the others, sentence by sentence, so one continuation
    can carry the next. ``action = "refer_back"`` (``speaker`` and ``cue`` groups) builds a
    statement whose content is the sentence before the match's, in the same paragraph (a reporting
    clause that points back: "Das teilte X mit."). ``action = "nest"`` (a ``content`` group only)
    runs last: each match inside the content of a kept statement of a kind listed in ``within`` is a statement of the same
    speaker and cue (a quotation inside reported speech); it is not checked for overlap.
  - ``kind = "veto"``: ``pattern`` searched in the candidate's ``on`` span (speaker, cue,
    content or sentence); a match drops the candidate.
  - ``kind = "trim"``: ``pattern`` matched at the start or the end of the ``on`` span (content or
    speaker); the matched text is cut off.
  - A veto or trim reads the candidates of every build rule, or only those listed in ``rules``,
    or all but those listed in ``not_rules``.

Named lists ``\\L<name>`` in any pattern are filled from the word file ``data/<lang>/<name>.txt``
(one entry a line, ``#`` comments). Everything is compiled once per language.

Each candidate is trimmed, then vetoed; a candidate whose content overlaps the content of a
statement already kept is dropped (``merged`` in the trace): the earlier rule of the table wins,
and within one rule the earlier match. Patterns are matched per sentence or paragraph with bounded repetitions only, so the run
time is linear in the text; :data:`diplo_cli.rules.scanning.PATTERN_TIMEOUT` is the safety net.
"""

from __future__ import annotations

import bisect
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

from diplo_cli import constants
from diplo_cli.errors import RuleError
from diplo_cli.language.datafiles import STATEMENT_TABLE
from diplo_cli.models import Attribution, Span
from diplo_cli.rules.scanning import PATTERN_TIMEOUT
from diplo_cli.rules.table import RuleRecord, parse_rule_table
from diplo_cli.rules.trace import Trace

STAGE = "statements"
STATEMENT_KINDS = tuple(kind for kind in constants.STATEMENT_KINDS if kind != "turn")  # a turn is a transcript label's
SCOPES = ("sentence", "paragraph")
ACTIONS = ("build", "continue", "nest", "refer_back")
VETO_SPANS = ("speaker", "cue", "content", "sentence")
# the keys each kind of record may hold besides id, kind, why, examples and counterexamples: a
# misspelt key ("not_rule", "scop") is an error, never a rule silently read another way
_KEYS = {
    "build": frozenset({"pattern", "action", "statement", "scope", "reach", "within"}),
    "veto": frozenset({"pattern", "on", "rules", "not_rules"}),
    "trim": frozenset({"pattern", "on", "rules", "not_rules"}),
}
TRIM_SPANS = ("speaker", "content")
_MACRO = regex.compile(r"<<(\w+)>>")
_NAMED_LIST = regex.compile(r"\\L<(\w+)>")
_MACRO_DEPTH = 8
QUOTE_LENGTH = 2000  # characters a quotation may hold: bounded, so a stray mark costs little


def _data_folder(language: str):
    return resources.files("diplo_cli.data").joinpath(language)


def read_words(language: str, name: str) -> list[str]:
    """The entries of ``data/<language>/<name>.txt``, one a line; ``#`` starts a comment."""
    path = _data_folder(language).joinpath(f"{name}.txt")
    if not path.is_file():
        raise RuleError(f"data/{language}/{name}.txt: no such word file (named in a pattern as \\L<{name}>)")
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.append(word)
    return words


def quote_fragment(language: str) -> str | None:
    """The ``<<quoted>>`` fragment from ``quote_pairs.tsv``: each pair's quotation, marks included."""
    path = _data_folder(language).joinpath("quote_pairs.tsv")
    if not path.is_file():
        return None
    alternatives = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 2 or not cells[0] or not cells[1]:
            raise RuleError(f"data/{language}/quote_pairs.tsv:{number}: a pair is an opening mark, a tab and its closing marks")
        opening, closings = regex.escape(cells[0]), "".join(regex.escape(c) for c in cells[1])
        # possessive: a quotation is read once, from its opening mark to the first closing mark
        alternatives.append(f"{opening}[^{closings}\\n]{{1,{QUOTE_LENGTH}}}+[{closings}]")
    return "(?:" + "|".join(alternatives) + ")" if alternatives else None


def expand(pattern: str, defines: dict[str, str], where: str) -> str:
    """``pattern`` with every ``<<name>>`` replaced by its fragment (fragments may nest)."""
    for _ in range(_MACRO_DEPTH):
        if "<<" not in pattern:
            return pattern
        unknown = [name for name in _MACRO.findall(pattern) if name not in defines]
        if unknown:
            raise RuleError(f"{where}: unknown fragment <<{unknown[0]}>> (defined: {', '.join(sorted(defines))})")
        pattern = _MACRO.sub(lambda m: f"(?:{defines[m.group(1)]})", pattern)
    raise RuleError(f"{where}: fragments nest deeper than {_MACRO_DEPTH} levels")


@dataclass(frozen=True, slots=True)
class PatternRule:
    """A rule record with its compiled pattern and the settings its kind reads."""

    record: RuleRecord
    pattern: regex.Pattern
    statement: str = "indirect"
    scope: str = "sentence"
    on: str = "content"
    guards: frozenset[str] = frozenset()  # vetoes and trims: the build rules they apply to (empty: all)
    spared: frozenset[str] = frozenset()  # vetoes and trims: the build rules they leave alone
    continues: bool = False
    reach: int = 1
    nests: bool = False
    within: frozenset[str] = frozenset()  # nesting rules: the statement kinds whose contents are searched
    refers_back: bool = False  # the content is the sentence before the match's (Das teilte X mit.)

    @property
    def id(self) -> str:
        return self.record.id

    def applies_to(self, rule_id: str) -> bool:
        """Whether this veto or trim reads the candidates of build rule ``rule_id``."""
        return (not self.guards or rule_id in self.guards) and rule_id not in self.spared


@dataclass(slots=True)
class Candidate:
    rule: PatternRule
    speaker: tuple[int, int]
    cue: tuple[int, int]
    content: tuple[int, int]
    sentence: int


class Compiler:
    """Turns the records of one table into :class:`PatternRule` objects, checking each one's fields."""

    def __init__(self, language: str, defines: dict[str, str]):
        self.language = language
        self.defines = defines
        self.lists: dict[str, list[str]] = {}

    def compile(self, record: RuleRecord) -> PatternRule:
        where = f"{record.source}: rule {record.id}"
        raw = record.fields.get("pattern")
        if not isinstance(raw, str) or not raw:
            raise RuleError(f"{where}: a pattern is required")
        source = expand(raw, self.defines, where)
        for name in _NAMED_LIST.findall(source):
            if name not in self.lists:
                self.lists[name] = read_words(self.language, name)
        try:
            pattern = regex.compile(source, regex.V0, **{n: self.lists[n] for n in set(_NAMED_LIST.findall(source))})
        except regex.error as exc:
            raise RuleError(f"{where}: the pattern does not compile ({exc})") from None
        settings = dict(record.fields)
        known = _KEYS.get(record.kind, frozenset())
        unknown = sorted(set(settings) - known)
        if unknown and record.kind in _KEYS:
            raise RuleError(f"{where}: unknown key {unknown[0]!r} for a {record.kind} rule (known: {', '.join(sorted(known))})")
        if record.kind == "build":
            return self._build(record, pattern, settings, where)
        if record.kind in ("veto", "trim"):
            return self._check(record, pattern, settings, where)
        raise RuleError(f"{where}: kind {record.kind!r} is not run by the pattern engine (build, veto, trim)")

    def _build(self, record: RuleRecord, pattern: regex.Pattern, settings: dict, where: str) -> PatternRule:
        action = settings.get("action", "build")
        if action not in ACTIONS:
            raise RuleError(f"{where}: action is one of {', '.join(ACTIONS)}")
        continues, nests, refers_back = action == "continue", action == "nest", action == "refer_back"
        needed = {"content"} if nests else {"cue", "content"} if continues else {"speaker", "cue"} if refers_back else {"speaker", "cue", "content"}
        missing = needed - set(pattern.groupindex)
        if missing:
            raise RuleError(f"{where}: the pattern needs the named groups {', '.join(sorted(missing))}")
        statement = settings.get("statement", "indirect")
        scope = settings.get("scope", "sentence")
        if statement not in STATEMENT_KINDS or scope not in SCOPES:
            raise RuleError(f"{where}: statement is one of {', '.join(STATEMENT_KINDS)}; scope one of {', '.join(SCOPES)}")
        reach = settings.get("reach", 1)
        if not isinstance(reach, int) or reach < 1:
            raise RuleError(f"{where}: reach is a number of sentences, 1 or more")
        within = settings.get("within", list(STATEMENT_KINDS))
        if not isinstance(within, list) or not set(within) <= set(STATEMENT_KINDS):
            raise RuleError(f"{where}: within is a list of statement kinds ({', '.join(STATEMENT_KINDS)})")
        return PatternRule(record, pattern, statement=statement, scope=scope, continues=continues, reach=reach,
                           nests=nests, within=frozenset(within), refers_back=refers_back)

    def _check(self, record: RuleRecord, pattern: regex.Pattern, settings: dict, where: str) -> PatternRule:
        allowed = VETO_SPANS if record.kind == "veto" else TRIM_SPANS
        on = settings.get("on", "content")
        if on not in allowed:
            raise RuleError(f"{where}: on is one of {', '.join(allowed)}")
        guards, spared = settings.get("rules", []), settings.get("not_rules", [])
        for key, value in (("rules", guards), ("not_rules", spared)):
            if not isinstance(value, list) or not all(isinstance(g, str) for g in value):
                raise RuleError(f"{where}: {key} is a list of rule ids")
        return PatternRule(record, pattern, on=on, guards=frozenset(guards), spared=frozenset(spared))


class SentenceSplitter:
    """Sentences of a text: an end mark followed by space and a capital, an opening mark or a digit;
    never after an abbreviation of the language's list or a token of ``not_an_end``; every line
    break ends a sentence (and a paragraph)."""

    _END = regex.compile(r"[.!?]++[\"“”»«']?+(?=[ \t]++[\p{Lu}„\"»«\d])")

    def __init__(self, abbreviations: list[str], not_an_end: str | None):
        self.abbreviations = frozenset(abbreviations)
        self.not_an_end = regex.compile(not_an_end) if not_an_end else None

    def _ends_sentence(self, text: str, mark: int) -> bool:
        if text[mark] != ".":
            return True
        space = max(text.rfind(" ", 0, mark), text.rfind("\n", 0, mark))
        token = text[space + 1 : mark + 1]
        before = text.rfind(" ", 0, max(space, 0))
        pair = text[before + 1 : mark + 1] if space > 0 else token
        if token in self.abbreviations or pair in self.abbreviations:
            return False
        return not (self.not_an_end and self.not_an_end.fullmatch(token))

    def split(self, text: str) -> list[tuple[int, int, int]]:
        """(start, end, paragraph) of every sentence, blank stretches left out."""
        sentences: list[tuple[int, int, int]] = []
        paragraph = 0
        line_start = 0
        for line_end in [*(i for i, c in enumerate(text) if c == "\n"), len(text)]:
            start = line_start
            for match in self._END.finditer(text, line_start, line_end):
                if self._ends_sentence(text, match.start()):
                    self._add(sentences, text, start, match.end(), paragraph)
                    start = match.end()
            if self._add(sentences, text, start, line_end, paragraph):
                paragraph += 1
            line_start = line_end + 1
        return sentences

    @staticmethod
    def _add(sentences: list, text: str, start: int, end: int, paragraph: int) -> bool:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            sentences.append((start, end, paragraph))
        return start < end


@dataclass(frozen=True, slots=True)
class StatementRules:
    """One language's compiled statement table: build rules (table order), vetoes, trims."""

    language: str
    builds: tuple[PatternRule, ...]
    vetoes: tuple[PatternRule, ...]
    trims: tuple[PatternRule, ...]
    splitter: SentenceSplitter
    pronouns: frozenset[str]


@lru_cache(maxsize=8)
def load_statement_rules(language: str) -> StatementRules:
    """The statement table of ``language`` (``data/<lang>/rules/statements.toml``), compiled once (cached)."""
    source = f"data/{language}/rules/{STATEMENT_TABLE}"
    path = _data_folder(language).joinpath("rules").joinpath(STATEMENT_TABLE)
    if not path.is_file():
        raise RuleError(f"{source}: no statement rules for language {language!r}")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(f"{source}: {exc}") from None
    return compile_statement_table(data, language, source)


def compile_statement_table(data: dict, language: str, source: str) -> StatementRules:
    """A parsed statement table compiled, its word files read from ``language``'s folder."""
    defines = {str(k): str(v) for k, v in data.get("define", {}).items()}
    quoted = quote_fragment(language)
    if quoted:
        defines.setdefault("quoted", quoted)
    compiler = Compiler(language, defines)
    rules = [compiler.compile(record) for record in parse_rule_table(data, source)]
    builds = tuple(r for r in rules if r.record.kind == "build")
    known = {r.id for r in builds}
    for rule in rules:
        unknown = (rule.guards | rule.spared) - known
        if unknown:
            raise RuleError(f"{source}: rule {rule.id} names unknown rules: {', '.join(sorted(unknown))}")
    settings = data.get("sentences", {})
    abbreviations = read_words(language, settings["abbreviations"]) if settings.get("abbreviations") else []
    splitter = SentenceSplitter(abbreviations, settings.get("not_an_end"))
    pronouns = frozenset(read_words(language, "pronouns")) if _data_folder(language).joinpath("pronouns.txt").is_file() else frozenset()
    return StatementRules(language, builds, tuple(r for r in rules if r.record.kind == "veto"),
                          tuple(r for r in rules if r.record.kind == "trim"), splitter, pronouns)


class RuleRun:
    """One run of a language's statement rules over one text (see the module's docstring)."""

    def __init__(self, rules: StatementRules, text: str, trace: Trace | None = None):
        self.rules = rules
        self.text = text
        self.trace = trace
        self.sentences = rules.splitter.split(text)
        self._starts = [start for start, _, _ in self.sentences]
        self.kept: list[Candidate] = []  # in the order built
        self._kept_starts: list[int] = []  # their content starts, sorted, for the overlap check
        self._kept_by_start: list[Candidate] = []
        self._sentence_vetoes: dict[tuple[str, int], bool] = {}  # (veto id, sentence) -> matched: read once each

    def statements(self) -> list[Attribution]:
        for rule in self.rules.builds:
            if not (rule.continues or rule.nests):
                self._apply(rule)
        continuing = [rule for rule in self.rules.builds if rule.continues]
        if continuing:
            self._continue(continuing)
        for rule in self.rules.builds:
            if rule.nests:
                self._nest(rule)
        text = self.text
        return [
            Attribution(Span.of(text, *c.speaker), Span.of(text, *c.cue), Span.of(text, *c.content), c.rule.statement,
                        c.rule.id, c.sentence)
            for c in sorted(self.kept, key=lambda c: (c.content[0], c.cue[0]))
        ]

    def sentence_at(self, offset: int) -> int:
        """The index of the last sentence starting at or before ``offset``."""
        return max(bisect.bisect_right(self._starts, offset) - 1, 0)

    def _units(self, scope: str) -> list[tuple[int, int]]:
        if scope == "sentence":
            return [(start, end) for start, end, _ in self.sentences]
        paragraphs: dict[int, tuple[int, int]] = {}
        for start, end, paragraph in self.sentences:
            paragraphs[paragraph] = (paragraphs.get(paragraph, (start, end))[0], end)
        return list(paragraphs.values())

    def _apply(self, rule: PatternRule) -> None:
        groups = ("speaker", "cue") if rule.refers_back else ("speaker", "cue", "content")
        for unit_start, unit_end in self._units(rule.scope):
            for match in rule.pattern.finditer(self.text[unit_start:unit_end], timeout=PATTERN_TIMEOUT):
                spans = [match.span(group) for group in groups]
                if any(start < 0 or start == end for start, end in spans):
                    continue  # an alternative of the pattern that leaves a part out builds nothing
                speaker, cue, *own = ((start + unit_start, end + unit_start) for start, end in spans)
                sentence = self.sentence_at(cue[0])
                content = self._sentence_before(sentence) if rule.refers_back else own[0]
                if content is not None:
                    self._offer(Candidate(rule, speaker, cue, content, sentence))

    def _sentence_before(self, index: int) -> tuple[int, int] | None:
        """The span of the sentence before sentence ``index`` in the same paragraph, if there is one."""
        if index == 0 or self.sentences[index - 1][2] != self.sentences[index][2]:
            return None
        start, end, _ = self.sentences[index - 1]
        return start, end

    def _continue(self, rules: list[PatternRule]) -> None:
        """Sentence by sentence: a matching sentence continues the statement that ends just before it."""
        ending: dict[int, Candidate] = {}
        covered: set[int] = set()
        for candidate in self.kept:
            ending[self.sentence_at(candidate.content[1] - 1)] = candidate
            covered.update(range(self.sentence_at(candidate.content[0]), self.sentence_at(candidate.content[1] - 1) + 1))
        for index, (start, end, _) in enumerate(self.sentences):
            if index in covered:
                continue
            for rule in rules:
                before = next((ending[i] for i in range(index - 1, index - rule.reach - 1, -1) if i in ending), None)
                if before is None:
                    continue
                match = rule.pattern.search(self.text[start:end], timeout=PATTERN_TIMEOUT)
                if match is None or match.start("cue") < 0 or match.start("content") < 0:
                    continue
                cue = (match.start("cue") + start, match.end("cue") + start)
                content = (match.start("content") + start, match.end("content") + start)
                candidate = Candidate(rule, before.speaker, cue, content, index)
                if self._offer(candidate):
                    ending[index] = candidate
                    break

    def _offer(self, candidate: Candidate) -> bool:
        """Trim, veto, then keep ``candidate`` unless a kept statement's content overlaps its own."""
        if not self._trim(candidate) or self._vetoed(candidate):
            return False
        winner = self._overlapping(candidate.content)
        if winner is not None:
            self._record(candidate.rule.id, "merged", *candidate.content, f"overlaps a statement of {winner.rule.id}")
            return False
        position = bisect.bisect_left(self._kept_starts, candidate.content[0])
        self._kept_starts.insert(position, candidate.content[0])
        self._kept_by_start.insert(position, candidate)
        self.kept.append(candidate)
        self._record(candidate.rule.id, "built", *candidate.content, candidate.rule.statement)
        return True

    def _nest(self, rule: PatternRule) -> None:
        """Inside the content of each statement of a kind ``rule`` reads (``within``), every match of
        its pattern is a statement of the same speaker and cue: a quotation inside reported speech.
        A nested statement lies inside its outer one by construction, so it is not checked for overlap."""
        for outer in list(self.kept):
            if outer.rule.statement not in rule.within or outer.rule.nests:
                continue
            start, end = outer.content
            for match in rule.pattern.finditer(self.text[start:end], timeout=PATTERN_TIMEOUT):
                content = (match.start("content") + start, match.end("content") + start)
                if content == outer.content or content[0] == content[1]:
                    continue
                candidate = Candidate(rule, outer.speaker, outer.cue, content, self.sentence_at(content[0]))
                if self._trim(candidate) and not self._vetoed(candidate):
                    self.kept.append(candidate)
                    self._record(rule.id, "built", *candidate.content, f"inside a statement of {outer.rule.id}")

    def _overlapping(self, content: tuple[int, int]) -> Candidate | None:
        """The kept statement whose content overlaps ``content``: kept contents never overlap one
        another, so only the last one starting before ``content`` ends can."""
        position = bisect.bisect_left(self._kept_starts, content[1])
        if position == 0:
            return None
        before = self._kept_by_start[position - 1]
        return before if before.content[1] > content[0] else None

    def _trim(self, candidate: Candidate) -> bool:
        """Apply the trims; False when one leaves nothing. Each trim is traced at the candidate's final
        content (where its other decisions are traced), the span it cut in the note."""
        done: list[tuple[str, str]] = []
        left = True
        for trim in self.rules.trims:
            if not trim.applies_to(candidate.rule.id):
                continue
            start, end = getattr(candidate, trim.on)
            match = trim.pattern.search(self.text[start:end], timeout=PATTERN_TIMEOUT)
            if match is None or match.start() == match.end() or 0 < match.start() and match.end() < end - start:
                continue
            cut = (start + match.end(), end) if match.start() == 0 else (start, start + match.start())
            left = cut[0] < cut[1]
            done.append((trim.id, f"{candidate.rule.id}: {trim.on} less {self.text[start:end][match.start():match.end()]!r}"
                                  + ("" if left else ", nothing left")))
            if not left:
                break
            setattr(candidate, trim.on, cut)
        for rule_id, note in done:
            self._record(rule_id, "trimmed", *candidate.content, note)
        return left

    def _vetoed(self, candidate: Candidate) -> bool:
        for veto in self.rules.vetoes:
            if not veto.applies_to(candidate.rule.id):
                continue
            if veto.on == "sentence":
                key = (veto.id, candidate.sentence)
                if key not in self._sentence_vetoes:
                    start, end, _ = self.sentences[candidate.sentence]
                    self._sentence_vetoes[key] = bool(veto.pattern.search(self.text[start:end], timeout=PATTERN_TIMEOUT))
                matched = self._sentence_vetoes[key]
            else:
                start, end = getattr(candidate, veto.on)
                matched = bool(veto.pattern.search(self.text[start:end], timeout=PATTERN_TIMEOUT))
            if matched:
                self._record(veto.id, "vetoed", *candidate.content, f"dropped a candidate of {candidate.rule.id}")
                return True
        return False

    def _record(self, rule: str, action: str, start: int, end: int, note: str = "") -> None:
        if self.trace is not None:
            self.trace.add(STAGE, rule, action, start, end, note)


def find_statements(text: str, language: str | StatementRules, trace: Trace | None = None) -> list[Attribution]:
    """The statements of ``text`` by ``language``'s rule table (or a compiled table), in text order."""
    rules = load_statement_rules(language) if isinstance(language, str) else language
    return RuleRun(rules, text, trace).statements()
