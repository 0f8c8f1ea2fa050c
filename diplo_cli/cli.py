"""The ``diplo`` command: the only module that knows argv, exit codes, colours and streams.

stdout carries data only (tables, JSON, CSV); every message goes to stderr. Output is written
document by document, so a long run shows its first rows at once. The outside world (streams,
whether they are terminals, environment variables) is one :class:`Environment` object that tests
replace to simulate a terminal. Exit codes are defined once, in :class:`ExitStatus`, and shown in
every ``--help`` and in README.
"""

from __future__ import annotations

import contextlib
import enum
import functools
import io
import itertools
import json
import logging
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import IO

import click

from diplo_cli import __version__
from diplo_cli.constants import MEETING_STATUSES, OUTPUT_FORMATS, RECORD_FORMATS, STATEMENT_KINDS


def safe(text: str) -> str:
    """Text from inputs made harmless for a terminal (see :func:`formats.safe`); imported late to keep --help fast."""
    from diplo_cli.formats import safe as render_safe

    return render_safe(text)


class ExitStatus(enum.IntEnum):
    SUCCESS = 0
    INPUT_FAILED = 1
    USAGE = 2
    HANGUP = 129  # 128 + SIGHUP, as a shell reports it
    INTERRUPTED = 130
    TERMINATED = 143  # 128 + SIGTERM


EXIT_MEANINGS = {
    ExitStatus.SUCCESS: "success (also when no statement was found)",
    ExitStatus.INPUT_FAILED: "some input failed (missing, unreadable, binary, undecodable, a bad JSON Lines record, a document whose "
                             "worker died); each is named and the others were still processed",
    ExitStatus.USAGE: "usage error (bad option, bad gazetteer, rule pack or configuration file, an option the command or --engine dask "
                      "cannot honour, a non-empty --output-dir)",
    ExitStatus.HANGUP: "hung up (SIGHUP): workers stopped, JSON output closed, what was done summarised",
    ExitStatus.INTERRUPTED: "interrupted (Ctrl-C), likewise",
    ExitStatus.TERMINATED: "terminated (SIGTERM), likewise",
}
EPILOG_EXIT = "\b\nExit codes:\n" + "\n".join(f"  {int(code):<4}{meaning}" for code, meaning in EXIT_MEANINGS.items())
PROGRESS_MIN_FILES = 4  # a progress bar for fewer documents would only flicker
# Worker processes pay for themselves only on inputs of at least this many bytes (measured on 2 cores:
# README, Performance); below it one process is faster, and always first to its first row.
PARALLEL_MIN_BYTES = 2_000_000
DEFAULT_WIDTH = 80
NARROWEST = 20  # the least --width accepts; a smaller $COLUMNS is raised to it
# The --svg picture is for a screen (the README's): rich records every cell in memory, some 40 KB
# of memory and 5 KB of SVG a table row, so a corpus would take gigabytes. Past this many rows
# it stops recording.
MAX_SVG_ROWS = 1_000


class Environment:
    """Streams and terminal facts of one run. Unset fields are read from ``sys`` when used, so a test
    can pass ``Environment(stdout_isatty=True)`` as click's ``obj`` to simulate a terminal."""

    def __init__(self, *, stdin: IO | None = None, stdout: IO | None = None, stderr: IO | None = None,
                 stdin_isatty: bool | None = None, stdout_isatty: bool | None = None, stderr_isatty: bool | None = None,
                 environ: Mapping[str, str] | None = None):
        self._stdin, self._stdout, self._stderr = stdin, stdout, stderr
        self._stdin_isatty, self._stdout_isatty, self._stderr_isatty = stdin_isatty, stdout_isatty, stderr_isatty
        self._environ = environ

    @staticmethod
    def _isatty(stream) -> bool:
        try:
            return stream is not None and stream.isatty()
        except (AttributeError, ValueError):
            return False

    @property
    def stdin(self):
        return self._stdin if self._stdin is not None else sys.stdin

    @property
    def stdout(self):
        return self._stdout if self._stdout is not None else sys.stdout

    @property
    def stderr(self):
        return self._stderr if self._stderr is not None else sys.stderr

    @property
    def stdin_isatty(self) -> bool:
        return self._isatty(self.stdin) if self._stdin_isatty is None else self._stdin_isatty

    @property
    def stdout_isatty(self) -> bool:
        return self._isatty(self.stdout) if self._stdout_isatty is None else self._stdout_isatty

    @property
    def stderr_isatty(self) -> bool:
        return self._isatty(self.stderr) if self._stderr_isatty is None else self._stderr_isatty

    @property
    def environ(self) -> Mapping[str, str]:
        return os.environ if self._environ is None else self._environ


def wants_colour(flag: bool | None, environ: Mapping[str, str], isatty: bool) -> bool:
    """--color/--no-color first, then NO_COLOR (any value), then FORCE_COLOR, then: is it a terminal."""
    if flag is not None:
        return flag
    if environ.get("NO_COLOR", ""):
        return False
    if environ.get("FORCE_COLOR", "") not in ("", "0", "false"):
        return True
    return isatty


class Choice(click.Choice):
    """A choice typed in any case, with ``-`` for ``_`` (``--kind According-To`` is ``according_to``)."""

    def __init__(self, choices):
        super().__init__(choices, case_sensitive=False)

    def convert(self, value, param, ctx):
        if isinstance(value, str) and value not in self.choices:
            value = value.replace("-", "_")
        return super().convert(value, param, ctx)


OPTION_SECTIONS = {  # the --help sections of the extracting commands' options, in this order
    "Input": ("from_records", "input_format", "text_field", "id_field", "keep_fields", "date_field", "globs", "hidden", "no_ignore",
              "no_unwrap", "language", "gazetteers", "rule_packs", "year", "date", "turns", "strict"),
    "Filters": ("speaker", "country", "kinds", "about_meeting", "meeting_with", "statuses", "statement_statuses", "min_confidence"),
    "Output": ("output_format", "output", "quiet", "explain", "with_statements", "across", "title", "nodes_path", "color", "width", "svg",
               "raw_cells", "debug"),
    "Performance": ("jobs", "no_cache", "engine", "scheduler", "output_dir", "overwrite"),
}


class SectionedCommand(click.Command):
    """A command whose --help shows its options in the sections of OPTION_SECTIONS, then the rest."""

    def format_options(self, ctx, formatter):
        for title, rows in self.option_sections(ctx):
            with formatter.section(title):
                formatter.write_dl(rows)

    def option_sections(self, ctx) -> list[tuple[str, list[tuple[str, str]]]]:
        section_of = {name: title for title, names in OPTION_SECTIONS.items() for name in names}
        rows: dict[str, list[tuple[str, str]]] = {title: [] for title in (*OPTION_SECTIONS, "Other options")}
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx) if isinstance(param, click.Option) else None
            if record is not None:
                rows[section_of.get(param.name, "Other options")].append(record)
        return [(title, found) for title, found in rows.items() if found]


GROUP_OPTIONS = ("-h", "--help", "-V", "--version")


class DefaultGroup(click.Group):
    """``diplo FILE...`` runs the default command; ``diplo meetings FILE...`` a named one.

    Options may come before the command (``diplo -f csv meetings FILE``), as with git: the command
    word is found after them and moved to the front. A word that is no command, no file and close to
    a command's name is a typo (``diplo meeting FILE``): a usage error suggests the command."""

    default_command = "statements"

    def parse_args(self, ctx, args):
        if not args and ctx.resilient_parsing:
            return super().parse_args(ctx, args)  # shell completion of the first word: commands, or files
        return super().parse_args(ctx, self._command_first(args))

    def _command_first(self, args: list[str]) -> list[str]:
        if args and args[0] in GROUP_OPTIONS:
            return args
        position = self._after_leading_options(args)
        if position < len(args) and args[position] in self.commands:
            return [args[position], *args[:position], *args[position + 1:]]
        if position < len(args):
            self.refuse_misspelt_command(args[position])
        return [self.default_command, *args]

    def _after_leading_options(self, args: list[str]) -> int:
        """The index of the first word that is neither an option nor an option's value."""
        with_value = {name for command in self.commands.values() for param in command.params
                      if isinstance(param, click.Option) and not param.is_flag and not param.count for name in param.opts}
        position = 0
        while position < len(args):
            word = args[position]
            if word == "--" or word == "-" or not word.startswith("-"):
                break
            position += 2 if word in with_value else 1  # --format=csv and -fcsv carry their value
        return position

    def refuse_misspelt_command(self, word: str) -> None:
        if os.path.exists(word) or "/" in word or "." in word:
            return  # a file, or a path that is not one: the command reports it as a missing file
        import difflib

        close = difflib.get_close_matches(word.lower(), [n for n, c in self.commands.items() if not c.hidden], n=1)
        if close:
            raise click.UsageError(f"no such command or file: {word!r}; did you mean {close[0]!r}?")

    def shell_complete(self, ctx, incomplete):
        """The first word: the command names it begins, else files (the default command's argument)."""
        from click.shell_completion import CompletionItem

        if incomplete.startswith("-") or any(name.startswith(incomplete) for name in self.commands):
            return super().shell_complete(ctx, incomplete)
        return [CompletionItem(incomplete, type="file")]

    def format_options(self, ctx, formatter):
        super().format_options(ctx, formatter)
        default = self.commands[self.default_command]
        with click.Context(default, info_name=self.default_command, parent=ctx) as default_ctx:
            for title, rows in default.option_sections(default_ctx):
                with formatter.section(f"{title} (statements, the default command)"):
                    formatter.write_dl(rows)


def _check_date(ctx, param, value):
    from diplo_cli.timenorm import parse_date

    try:
        return parse_date(value) and value.strip()
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def _check_language(ctx, param, value):
    from diplo_cli.language.datafiles import languages

    if value not in languages():
        raise click.BadParameter(f"{value!r} is not a language diplo reads (available: {', '.join(languages())})")
    return value


def _common_options(function):
    """Every option shared by statements, meetings and speakers: add new ones here, read them in Run."""
    options = [
        click.argument("files", nargs=-1, type=click.Path(dir_okay=True, allow_dash=True)),
        click.option("-f", "--format", "output_format", type=Choice(RECORD_FORMATS), default="auto",
                     show_default=True, help="Output format; auto is a table on a terminal and JSON Lines otherwise."),
        click.option("--input", "input_format", type=Choice(["auto", "text", "jsonl", "html"]), default="auto", show_default=True,
                     help="auto: by file name (.jsonl/.ndjson JSON Lines, .html/.htm HTML) or content (HTML); text: one document per file; "
                          "jsonl: one JSON document per line; html: the article text of a page."),
        click.option("--text-field", default="text", show_default=True, help="JSON Lines: the field holding the text."),
        click.option("--id-field", default="id", show_default=True, help="JSON Lines: the field carried through as `doc`."),
        click.option("--keep-field", "keep_fields", multiple=True, metavar="A,B",
                     help="JSON Lines: fields carried into every output row, e.g. title,published,outlet (repeatable)."),
        click.option("--date-field", default=None, metavar="A,B",
                     help="JSON Lines: the field holding the document's date, or several, the first that writes a full date winning "
                          "(an ISO date, a URL's /2023/06/18/, 'June 18, 2023'; a year alone dates office-holders only); "
                          "output as document_date."),
        click.option("-g", "--glob", "globs", multiple=True, metavar="GLOB",
                     help="With directories: read files matching GLOB instead of the text-like names; '!GLOB' excludes (repeatable)."),
        click.option("--hidden", is_flag=True, help="With directories: also read hidden files and folders."),
        click.option("--no-ignore", is_flag=True, help="With directories: also read what .gitignore files exclude."),
        click.option("--no-unwrap", is_flag=True, help="Keep every line break of hard-wrapped text (by default folded paragraphs are read whole)."),
        click.option("--lang", "language", default="en", show_default=True, callback=_check_language, metavar="CODE",
                     help="The language of the texts: en, or de (German: statements by the rule table of data/de/, no meetings)."),
        click.option("--gazetteer", "gazetteers", multiple=True, type=click.Path(exists=True, dir_okay=False),
                     help="Extra people: diplo TSV or a PETRARCH/Phoenix actor or agent dictionary (repeatable)."),
        click.option("--rules", "rule_packs", multiple=True, type=click.Path(exists=True, dir_okay=False), metavar="FILE.toml",
                     help="A rule pack: extra cue verbs, titles, meeting words, gazetteer entries (repeatable; see README)."),
        click.option("--year", type=int, default=None, help="The documents' year, to pick office holders for role nouns."),
        click.option("--date", default=None, metavar="YYYY-MM-DD", callback=_check_date,
                     help="The documents' date: meeting times get calendar dates (else from a dateline; also sets --year)."),
        click.option("--speaker", multiple=True, metavar="NAME", help="Only statements by this speaker (name, alias or surname; repeatable)."),
        click.option("--country", multiple=True, metavar="COUNTRY",
                     help="Only statements by speakers of this country (name, demonym, or ISO/CAMEO code such as RU or RUS; repeatable)."),
        click.option("--kind", "kinds", multiple=True, type=Choice(STATEMENT_KINDS),
                     help="Only statements of this kind (repeatable)."),
        click.option("--min-confidence", type=click.FloatRange(0, 1), default=None, metavar="X",
                     help="Only statements whose confidence (0-1, see README) is at least X."),
        click.option("--turns", is_flag=True, help="Transcripts: also one statement of kind `turn` per labelled answer turn, by its speaker."),
        click.option("--about-meeting", is_flag=True, help="Only statements about a meeting."),
        click.option("--meeting-with", multiple=True, metavar="NAME",
                     help="Only statements about, or meetings with, this participant (person or country; repeatable)."),
        click.option("--status", "statuses", multiple=True, type=Choice(MEETING_STATUSES),
                     help="Only meetings with this status, and statements about them (repeatable)."),
        click.option("--statement-status", "statement_statuses", multiple=True,
                     type=Choice(MEETING_STATUSES),
                     help="Only statements asserting this status of their meeting, whatever the meeting's own (repeatable)."),
        click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=False), default=None, metavar="FILE",
                     help="Write to FILE instead of stdout (replaced only when the run ends; auto format: from the suffix "
                          ".json .jsonl .csv .tsv .graphml when the command has that format, else JSON Lines or its own)."),
        click.option("-q", "--quiet", is_flag=True, help="No closing summary, warnings or progress bar on stderr; errors still print."),
        click.option("--color/--no-color", "color", default=None, help="Force colours on or off (NO_COLOR and FORCE_COLOR are honoured)."),
        click.option("--width", type=click.IntRange(min=NARROWEST), default=None, help="Width in columns (default: $COLUMNS, else the terminal's, else 80); below 80, one block per record instead of a table."),
        click.option("--svg", type=click.Path(dir_okay=False, writable=True), default=None, metavar="FILE.svg",
                     help="Also save the table view as an SVG picture (used for the README)."),
        click.option("--raw-cells", is_flag=True,
                     help="CSV/TSV: write cells verbatim; by default a cell starting with = + - @ gets a leading ' so spreadsheets do not run it."),
        click.option("--strict", is_flag=True, help="Treat warnings (e.g. a legacy encoding) as failures."),
        click.option("--debug", is_flag=True, help="Show the traceback of an internal error."),
        click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
                     help="Worker processes; output keeps the input order. [default: all cores for 2 MB of input or more, else 1]"),
        click.option("--no-cache", is_flag=True,
                     help="Neither read nor write the language cache: the built rules, kept in ~/.cache/diplo (or $DIPLO_CACHE_DIR) "
                          "so that later runs skip most of the start-up (also DIPLO_NO_CACHE=1; see README)."),
        click.option("--engine", type=Choice(["local", "dask"]), default="local", show_default=True,
                     help="dask: run on a Dask cluster (pip install 'diplo[dask]'); needs --output-dir."),
        click.option("--scheduler", default=None, metavar="ADDRESS",
                     help="With --engine dask: the scheduler, e.g. tcp://host:8786 [default: a local cluster of -j workers]."),
        click.option("--output-dir", type=click.Path(file_okay=False), default=None, metavar="DIR",
                     help="With --engine dask: write DIR/statements/, DIR/meetings/, DIR/errors/ as partitioned JSON Lines "
                          "(DIR must be empty or new)."),
        click.option("--overwrite", is_flag=True, help="With --engine dask: replace a non-empty --output-dir once the run succeeds."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


@click.group(cls=DefaultGroup, epilog=EPILOG_EXIT, options_metavar="", subcommand_metavar="[COMMAND] [OPTIONS] [FILE]...",
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110})
@click.version_option(__version__, "-V", "--version", message="diplo %(version)s")  # not read from package metadata: that import alone costs a third of the start-up
def cli():
    """diplo: who said what, about which meeting.

    Reads news articles, briefing transcripts and readouts, and prints the attributed
    statements (speaker, cue, content), the diplomatic meetings they are about, and who
    spoke; over a corpus, a summary, cross-document events, a meeting network and an
    HTML report. Plain `diplo FILE...` runs the `statements` command. Options may
    come before or after the command (`diplo -f csv meetings FILE`).

    \b
    Each command's options and examples:
      diplo statements --help    (or: diplo help statements)
      diplo meetings --help
      diplo events --help
      diplo eval --help

    \b
    Examples:
      diplo samples/peskov-erdogan-meeting.txt
      cat article.txt | diplo -
      diplo --format jsonl a.txt b.txt | jq .speaker.name
      diplo meetings samples/peskov-erdogan-meeting.txt
      diplo eval samples/gold.jsonl

    \b
    Shell completion (bash; zsh and fish likewise):
      eval "$(_DIPLO_COMPLETE=bash_source diplo)"
    """


class Run:
    """Shared state of one invocation: environment, options, consoles, counters."""

    def __init__(self, options: dict):
        from diplo_cli.filters import Selection

        context = click.get_current_context(silent=True)
        self.env: Environment = (context.find_object(Environment) if context else None) or Environment()
        if context is not None:
            _apply_config(options, context)
        self.options = options
        self.files: tuple[str, ...] = tuple(options.get("files") or ())
        self.quiet = bool(options.get("quiet"))
        self.output = _open_output(options.get("output"))
        self.stdout = self.output.stream if self.output is not None else self.env.stdout
        self.to_terminal = self.output is None and self.env.stdout_isatty
        offered = next((tuple(p.type.choices) for p in context.command.params if p.name == "output_format"
                        and isinstance(p.type, click.Choice)), None) if context is not None else None
        self.output_format = _chosen_format(options.get("output_format", "auto"), options.get("output"), self.to_terminal, offered)
        self.colour = wants_colour(options.get("color"), self.env.environ, self.to_terminal)
        self._width = _output_width(options.get("width"), self.env, self.to_terminal)
        self._console = None  # made on first use (table output): the machine formats never import rich
        encoding = (getattr(self.stdout, "encoding", None) or "utf-8").lower().replace("-", "")
        self.ascii = not self.to_terminal or encoding not in ("utf8", "utf8sig")
        self.svg_path: str | None = options.get("svg")
        self.svg_console = None
        self.svg_rows = 0
        self.svg_left_out = 0  # tables not recorded in the SVG: past MAX_SVG_ROWS
        if self.svg_path:
            from rich.console import Console

            self.svg_console = Console(file=io.StringIO(), width=options.get("width") or 100, record=True, force_terminal=True,
                                       color_system="truecolor", highlight=False, emoji=False, markup=False, legacy_windows=False)
        self.selection = Selection(tuple(options.get("speaker") or ()), tuple(options.get("country") or ()), tuple(options.get("kinds") or ()),
                                   bool(options.get("about_meeting")), tuple(options.get("meeting_with") or ()), tuple(options.get("statuses") or ()),
                                   statement_statuses=tuple(options.get("statement_statuses") or ()),
                                   min_confidence=options.get("min_confidence") or 0.0)
        self.strict = bool(options.get("strict"))
        self.debug = bool(options.get("debug"))
        self.read = 0
        self.read_with_statements = 0  # documents read in which at least one statement was found
        self.done = 0
        self.failed: dict[str, int] = {}
        self.warned = 0
        self._warnings_seen: set[str] = set()
        self.progress = None
        self.tally = None  # the statements and meetings views count what they show, for the summary
        self.selector = None
        global _active_run
        _active_run = self

        from diplo_cli.batch.inputs import RecordFields
        from diplo_cli.batch.walk import WalkRules

        keep = tuple(name.strip() for value in options.get("keep_fields") or () for name in value.split(",") if name.strip())
        dates = tuple(name.strip() for name in (options.get("date_field") or "").split(",") if name.strip())
        self.fields = RecordFields(options.get("text_field", "text"), options.get("id_field", "id"), keep, dates)
        self.walk_rules = WalkRules(tuple(options.get("globs") or ()), bool(options.get("hidden")), not options.get("no_ignore"))

    @property
    def console(self):
        """The rich Console on stdout, for the table views (made on first use)."""
        if self._console is None:
            self._console = _pipe_console(
                file=self.stdout, width=self._width, force_terminal=self.colour, color_system="auto" if self.colour else None,
                no_color=not self.colour, highlight=False, emoji=False, markup=False, soft_wrap=False, legacy_windows=False,
            )
        return self._console

    @property
    def several(self) -> bool:
        """Whether the run may see more than one document (then each gets a heading)."""
        import glob

        from diplo_cli.batch.inputs import input_kind

        input_format = self.options.get("input_format", "auto")
        return (len(self.files) > 1 or any(input_kind(f, input_format) == "jsonl" for f in self.files)
                or any(os.path.isdir(f) or (glob.has_magic(f) and not os.path.lexists(f)) for f in self.files if f != "-"))

    def message(self, line: str) -> None:
        """One line on stderr, above the progress bar when one is showing."""
        line = line.replace("\n", "\\n")  # an exception's text may hold line breaks; a message stays one line
        if self.progress is not None:
            from rich.text import Text

            self.progress.console.print(Text(line), soft_wrap=True)
        else:
            click.echo(line, err=True)

    def error(self, doc: str, reason: str) -> None:
        self.message(f"diplo: {safe(doc)}: {safe(reason)}")
        key = reason.split(" (")[0].split(";")[0]
        self.failed[key] = self.failed.get(key, 0) + 1

    def warning(self, message: str) -> None:
        if self.quiet or message in self._warnings_seen:  # e.g. one file-wide warning carried by each record it concerns
            return
        self._warnings_seen.add(message)
        self.message(f"diplo: warning: {safe(message)}")
        self.warned += 1

    def summary(self) -> None:
        """The one closing summary, on stderr, for a run of more than one input (one input's error says it
        all), or of a directory walk that passed files over."""
        skipped = sum(self.failed.values())
        passed_over = self.walk_rules.summary()
        if self.quiet or (self.read + skipped <= 1 and not passed_over):
            return
        reasons = ", ".join(f"{n} {r}" for r, n in sorted(self.failed.items()))
        documents = "1 document" if self.read == 1 else f"{self.read} documents"
        line = f"diplo: {documents} read, {skipped} skipped" + (f" ({reasons})" if reasons else "")
        if self.tally is not None and self.tally.documents:
            line += "; " + self.tally.words().replace(" · ", ", ")
        without = self.read - self.read_with_statements
        if without:  # such documents have no record in JSON Lines or CSV output: say so here
            line += f"; {without} with no statements"
        if passed_over:  # not errors: what a directory walk left out on purpose
            line += f"; passed over in directories: {passed_over}"
        self.message(line)

    def exit_status(self) -> int:
        if self.failed or (self.strict and self.warned):
            return ExitStatus.INPUT_FAILED
        return ExitStatus.SUCCESS

    def show(self, make, rows: int = 1) -> None:
        """Print ``make(console, ascii_only)``, the table view of ``rows`` rows, on stdout when the
        format is table, and into the SVG recording (always with rounded boxes and colours) while it
        stays within MAX_SVG_ROWS rows."""
        if self.output_format == "table":
            if self.progress is not None and self.to_terminal:
                # stdout and the bar share one screen: take the bar down while the table is printed.
                self.progress.stop()
                self.console.print(make(self.console, self.ascii))
                self.progress.start()
            else:
                self.console.print(make(self.console, self.ascii))
        if self.svg_console is not None:
            if self.svg_rows + rows > MAX_SVG_ROWS:
                self.svg_left_out += 1
            else:
                self.svg_rows += rows
                self.svg_console.print(make(self.svg_console, False))

    def finish(self) -> None:
        if self.selector is not None:
            for message in self.selector.unmatched_names():
                self.warning(message)
        if self.output is not None:
            self.output.commit()
        if self.svg_console is not None and self.svg_path:
            if self.svg_left_out:
                limit = f"the picture holds at most {MAX_SVG_ROWS:,} table rows; it is for a screen, not a corpus"
                if not self.svg_rows:
                    self.error(self.svg_path, f"SVG not written: {limit}")
                    self.summary()
                    return
                self.warning(f"{self.svg_path}: {self.svg_left_out} table(s) left out of the SVG picture: {limit}")
            from diplo_cli.batch.inputs import display_name

            title = safe("diplo " + " ".join(display_name(f) for f in self.files))  # control bytes are not allowed in XML
            try:
                self.svg_console.save_svg(self.svg_path, title=title)
            except OSError as exc:
                self.error(self.svg_path, f"cannot write SVG: {exc.strerror or exc}")
        self.summary()


def _apply_config(options: dict, context: click.Context) -> None:
    """Fill the options not given on the command line from the project's configuration (in place)."""
    from diplo_cli.config import SETTINGS, load_config

    config = load_config()
    for key, value in config.values.items():
        name = SETTINGS[key][0]
        if name not in options or context.get_parameter_source(name) is not click.core.ParameterSource.DEFAULT:
            continue
        if key == "format":
            choices = next((p.type.choices for p in context.command.params if p.name == name), ())
            if value not in choices:
                continue  # e.g. format = "csv" for `diplo summary`, which has no CSV
        options[name] = value


def _pipe_console(**kwargs):
    """A rich Console whose broken pipe (``diplo ... | head``) ends the run like any other write
    to a closed pipe, through _guard (exit 0), instead of rich's own exit 1."""
    from rich.console import Console

    class PipeConsole(Console):
        def on_broken_pipe(self) -> None:
            self.quiet = True
            raise BrokenPipeError

    return PipeConsole(**kwargs)


def _terminal_width(stream) -> int | None:
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        return None


def _output_width(requested: int | None, env: Environment, to_terminal: bool) -> int:
    """--width, else $COLUMNS (on a terminal too, as ls and rich do), else the terminal's size, else 80.

    A terminal may report 0 columns (``script`` without a size, ``docker run -t`` before the resize):
    that is no width, not a width of 0, which would print nothing at all."""
    if requested:
        return requested
    columns = env.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return max(NARROWEST, int(columns))
    if to_terminal:
        size = _terminal_width(env.stdout)
        if size:
            return max(NARROWEST, size)
    return DEFAULT_WIDTH


FORMAT_OF_SUFFIX = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "tsv", ".graphml": "graphml"}


def _chosen_format(requested: str, output: str | None, to_terminal: bool, offered: tuple[str, ...] | None = None) -> str:
    """--format auto: a table on a terminal; for -o FILE the format its suffix names; else JSON Lines.
    A command that does not offer that format (``offered``: its --format choices) gets its first
    machine format instead (summary: JSON; network: CSV)."""
    if requested != "auto":
        return requested
    if output is not None:
        chosen = FORMAT_OF_SUFFIX.get(Path(output).suffix.lower(), "jsonl")
    else:
        chosen = "table" if to_terminal else "jsonl"
    if offered is not None and chosen not in offered:
        chosen = next((f for f in ("jsonl", "json", "csv") if f in offered), chosen)
    return chosen


class AtomicOutput:
    """-o FILE: written to a temporary file beside FILE and renamed over it when the run ends, so a run
    that stops (an interrupt, a crash, a full disk) leaves FILE as it was, never half written."""

    def __init__(self, path: str):
        import tempfile

        self.path = path
        directory = os.path.dirname(os.path.abspath(path))
        handle, self.temporary = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=".part", dir=directory)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(self.temporary, 0o666 & ~umask)  # the mode any new file would get, not mkstemp's 0600
        self.stream = open(handle, "w", encoding="utf-8", newline="")  # noqa: SIM115 -- closed by commit() or discard()
        self.committed = False

    def commit(self) -> None:
        self.stream.close()
        os.replace(self.temporary, self.path)
        self.committed = True

    def discard(self) -> None:
        if self.committed:
            return
        with contextlib.suppress(OSError):
            self.stream.close()
        with contextlib.suppress(OSError):
            os.unlink(self.temporary)


def _open_output(path: str | None) -> AtomicOutput | None:
    if path is None:
        return None
    try:
        output = AtomicOutput(path)
    except OSError as exc:
        raise click.UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
    context = click.get_current_context(silent=True)
    if context is not None:
        context.call_on_close(output.discard)  # when the command ends by an exception or an exit
        context.meta["diplo.output"] = output
    return output


def _discard_output() -> None:
    """Remove the temporary -o file when the process is about to end without unwinding (os._exit)."""
    context = click.get_current_context(silent=True)
    output = context.meta.get("diplo.output") if context is not None else None
    if output is not None:
        output.discard()


def _build_lexicon(gazetteers: tuple[str, ...], rule_packs: tuple[str, ...] = (), warn=None, use_cache: bool = True):
    """The built-in lexicon, or a new one with the user's gazetteers and rule packs added; a
    suspicious gazetteer is reported through ``warn`` (by default a warning line on stderr).
    Without ``use_cache`` (``--no-cache``) the language cache is neither read nor written."""
    from diplo_cli.language.lexicons import user_lexicon

    if warn is None:
        def warn(message: str) -> None:
            click.echo(f"diplo: warning: {safe(message)}", err=True)
    return user_lexicon(tuple(gazetteers), tuple(rule_packs), warn, use_cache=use_cache)


def _english_only(language: str, gazetteers, rule_packs) -> str | None:
    """The warning for gazetteers or rule packs given with a language whose rules do not read them."""
    if language != "en" and (gazetteers or rule_packs):
        return f"rule packs and gazetteers are read by the English stages only: --lang {language} does not use them"
    return None


def _input_count(run: Run) -> int:
    """How many documents the run will read, for the progress bar: a text file is one, a JSON Lines
    file one per record (its non-blank lines); 0 off a terminal or when it cannot be known (stdin)."""
    if not run.env.stderr_isatty:
        return 0
    from diplo_cli.batch.inputs import input_kind

    total = 0
    for path in _expanded(run):
        per_line = isinstance(path, str) and input_kind(path, run.options.get("input_format", "auto")) == "jsonl"
        if path == "-" and per_line:
            return 0
        total += _records_in(path) if per_line else 1
    return total


def _expanded(run: Run):
    """The run's inputs as the walk will read them, walked with a copy of its rules (so that what
    this look-ahead passes over is not counted twice in the summary)."""
    from diplo_cli.batch.inputs import expand_paths

    return expand_paths(list(run.files), run.walk_rules.uncounted())


def _records_in(path: str) -> int:
    """The non-blank lines of a JSON Lines file (1 when it cannot be read: its error is one outcome)."""
    try:
        with open(path, "rb") as handle:
            return max(1, sum(1 for line in handle if line.strip()))
    except OSError:
        return 1


def _jobs(run: Run) -> int:
    """-j N when given; else all cores when the input is large enough to pay for workers, else 1."""
    if run.options.get("jobs"):
        return run.options["jobs"]
    from diplo_cli.batch.parallel import default_jobs

    cores = default_jobs()
    total = 0
    for path in _expanded(run) if cores > 1 else ():
        if isinstance(path, str) and path != "-":
            with contextlib.suppress(OSError):
                total += os.path.getsize(path)
            if total >= PARALLEL_MIN_BYTES:
                return cores
    return 1


@contextlib.contextmanager
def _progress(run: Run):
    """A transient progress bar on stderr counting documents, for more than a few and only on a terminal."""
    total = 0 if run.quiet else _input_count(run)
    if total < PROGRESS_MIN_FILES:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(file=run.env.stderr, force_terminal=True, highlight=False, markup=False, emoji=False,
                      no_color=not wants_colour(run.options.get("color"), run.env.environ, True))
    progress = Progress(TextColumn("diplo"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=console,
                        transient=True, redirect_stdout=False, redirect_stderr=False)
    task = progress.add_task("reading", total=total)
    run.progress = progress
    progress.start()
    try:
        yield lambda: progress.update(task, completed=run.done)
    finally:
        progress.stop()
        run.progress = None


def _documents(run: Run, lexicon, parts: bool = False, render=None):
    """Yield extracted documents (filtered as asked); report unreadable inputs and carry on. With
    ``parts``, ``(part, document)``: a large file streamed in windows comes as parts 0, 1, ...
    With ``render`` (see :func:`~diplo_cli.batch.parallel.extract_inputs`; only without a selection
    or --turns), a local file's document comes as what ``render`` made of it where it was extracted."""
    from diplo_cli.batch.parallel import extract_inputs, iter_inputs
    from diplo_cli.filters import Selector
    from diplo_cli.language.loader import language_of
    from diplo_cli.speakers import with_turns

    paths = list(run.files)
    if not paths:
        if run.env.stdin is None or run.env.stdin_isatty:
            raise click.UsageError("no input: give FILE... or '-', or pipe text on standard input")
        paths = ["-"]
    stdin = getattr(run.env.stdin, "buffer", run.env.stdin) if run.env.stdin is not None else None
    selector = run.selector = Selector(run.selection, lexicon)
    for message in selector.unknown_countries():
        run.warning(message)
    options = run.options
    language = options.get("language", "en")
    if unused := _english_only(language, options.get("gazetteers"), options.get("rule_packs")):
        run.warning(unused)
    if language != "en" and options.get("turns"):
        raise click.UsageError(f"--turns reads English transcript labels; it cannot be combined with --lang {language}")
    # Large text files are streamed in windows when the output is record by record anyway.
    sources = iter_inputs(paths, input_format=options.get("input_format", "auto"), fields=run.fields, rules=run.walk_rules,
                          stdin=stdin, stream_large=run.output_format in ("jsonl", "json", "csv", "tsv") and not options.get("turns")
                          and language == "en", language=language)  # the rule engine reads a whole text in one linear pass
    found_statements = False
    for outcome in extract_inputs(sources, lexicon=lexicon, year=options.get("year"), jobs=_jobs(run), strict=run.strict,
                                  unwrap=not options.get("no_unwrap"), date=options.get("date"), language=language, render=render):
        item = outcome.item
        if outcome.part == 0:  # the later parts of a streamed large file are the same input
            run.done += 1
            if item.error is not None:
                run.error(item.doc, item.error)
                continue
            for warning in item.warnings:
                run.warning(warning)
            if run.strict and item.warnings:
                run.error(item.doc, "warning under --strict")
                continue
        if outcome.failure is not None:  # an internal error must not stop the batch
            if run.debug:
                click.echo(outcome.trace, err=True, nl=False)
            run.error(item.doc, outcome.failure)
            continue
        if outcome.part == 0:
            run.read += 1
            found_statements = False
        if outcome.written is not None:  # a whole file, written by its worker
            run.read_with_statements += outcome.written.statements > 0
            yield (0, outcome.written) if parts else outcome.written
            continue
        if outcome.document.statements and not found_statements:
            run.read_with_statements += 1  # counted once per input, whichever window found them
            found_statements = True
        document = with_turns(outcome.document, lexicon, language_of(lexicon).speaker_tables) if options.get("turns") else outcome.document
        document = selector.apply(document)
        yield (outcome.part, document) if parts else document


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP, raised in the main thread so that it unwinds the run as Ctrl-C does."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


_active_run: Run | None = None
_STOP_SIGNALS = {"SIGTERM": (ExitStatus.TERMINATED, "terminated"), "SIGHUP": (ExitStatus.HANGUP, "hung up")}


class _Stopping:
    writing = False  # a document's output is being written
    deferred: int | None = None  # the stop signal that arrived meanwhile


def _on_stop_signal(signum, frame):
    if _Stopping.writing and _Stopping.deferred is None:
        _Stopping.deferred = signum
        return
    _raise_stop(signum)


def _raise_stop(signum: int):
    import signal

    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    raise Terminated(signum)


@contextlib.contextmanager
def _whole_writes():
    """A stop signal arriving while one document's output is written takes effect once it is written,
    so that the output ends at a record boundary (a write cut by a signal loses its tail); a second
    signal does not wait."""
    _Stopping.writing = True
    try:
        yield
    finally:
        _Stopping.writing = False
    if _Stopping.deferred is not None:
        signum, _Stopping.deferred = _Stopping.deferred, None
        _raise_stop(signum)


@contextlib.contextmanager
def _stop_signals_unwind():
    """While a command runs, SIGTERM and SIGHUP unwind it like Ctrl-C (workers stopped, output closed)."""
    import signal

    previous = {}
    for name in ("SIGINT", *_STOP_SIGNALS):
        number = getattr(signal, name, None)
        if number is not None:
            with contextlib.suppress(ValueError, OSError):  # only the main thread may set handlers
                previous[number] = signal.signal(number, _on_stop_signal)
    try:
        yield
    finally:
        _Stopping.writing, _Stopping.deferred = False, None
        for number, handler in previous.items():
            signal.signal(number, handler)


def _interrupted(exc: KeyboardInterrupt) -> None:
    import signal

    stopped = _stop_workers()
    if isinstance(exc, Terminated):
        name = signal.Signals(exc.signum).name
        status, what = _STOP_SIGNALS[name][0], f"{_STOP_SIGNALS[name][1]} ({name})"
    else:
        status, what = ExitStatus.INTERRUPTED, "interrupted"
    run = _active_run
    done = f" after {run.read} document{'' if run.read == 1 else 's'} read, {sum(run.failed.values())} skipped" if run else ""
    click.echo(f"diplo: {what}{done}", err=True)
    _exit(status, stopped)


def _guard(function):
    """Turn interrupts, stop signals, broken pipes and library errors into exit codes without tracebacks."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        from diplo_cli.errors import DiploError

        global _active_run
        _active_run = None
        try:
            with _stop_signals_unwind():
                return function(*args, **kwargs)
        except KeyboardInterrupt as exc:
            _interrupted(exc)
        except BrokenPipeError:
            stopped = _stop_workers()
            _quiet_broken_pipe()
            _exit(ExitStatus.SUCCESS, stopped)
        except DiploError as exc:
            for line in str(exc).splitlines():  # a file's problems, one a line
                click.echo(f"diplo: {safe(line)}", err=True)
            sys.exit(ExitStatus.USAGE)
        except OSError as exc:
            click.echo(f"diplo: cannot write output: {exc.strerror or exc}", err=True)
            _quiet_broken_pipe()  # what is still buffered for stdout would fail again at exit (exit code 120)
            sys.exit(ExitStatus.INPUT_FAILED)

    return wrapper


def _stop_workers() -> bool:
    """Terminate worker processes at once: Ctrl-C or a closed pipe must not wait for their in-flight
    batches. True when there were workers to stop."""
    multiprocessing = sys.modules.get("multiprocessing")
    if multiprocessing is None:
        return False
    children = multiprocessing.active_children()
    for child in children:
        child.terminate()
    return bool(children)


def _exit(status: int, workers_stopped: bool) -> None:
    """Exit with ``status``. After workers were terminated, skip the interpreter's exit handlers:
    the process pool's handler joins its queue threads, which can block for good on a pipe that
    the terminated workers will never read."""
    if not workers_stopped:
        sys.exit(status)
    _discard_output()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(status)


def _quiet_broken_pipe() -> None:
    # Python flushes stdout at exit; point it at devnull so that flush cannot fail again.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


@cli.command("statements", cls=SectionedCommand, epilog=EPILOG_EXIT)
@_common_options
@click.option("--explain", is_flag=True, help="Per statement: the rule that fired and its sentence with speaker, cue and content marked.")
@_guard
def statements_command(explain, **options):
    """Attributed statements: who said what (the default command).

    \b
    Examples:
      diplo statements article.txt
      diplo article.txt --format csv > statements.csv
      diplo --input jsonl --text-field body --id-field url scraped.jsonl
      diplo --speaker Lavrov --about-meeting corpus/ -g '*.txt' -g '!drafts/'
      diplo --keep-field title,published --date-field published scraped.jsonl
      diplo --explain samples/peskov-erdogan-meeting.txt
    """
    run = Run(options)
    if explain:
        _for_explanation(run, options)
    _run_view(run, "statements", explain=explain)


def _for_explanation(run: Run, options: dict) -> None:
    """--explain prints a table for people: a machine format, given or named by -o FILE's suffix, is refused."""
    if options.get("output_format") not in ("auto", "table"):
        raise click.UsageError("--explain prints an explanation for people; it cannot be combined with --format " + options["output_format"])
    output = options.get("output")
    if output and run.output_format != "table" and Path(output).suffix.lower() in FORMAT_OF_SUFFIX:
        raise click.UsageError(f"--explain prints an explanation for people; -o {output} names the {run.output_format} format "
                               "(use another suffix, e.g. .txt)")
    run.output_format = "table"


@cli.command("meetings", cls=SectionedCommand, epilog=EPILOG_EXIT)
@_common_options
@click.option("--statements", "with_statements", is_flag=True,
              help="List the statements under each meeting; in JSON and JSON Lines nest their records as statement_records.")
@click.option("--explain", is_flag=True, help="Per meeting: each mention, the words that set its status, why it joined the meeting, and why each statement is linked.")
@click.option("--across", is_flag=True,
              help="The meetings of all FILES that are the same real event, as one event each: the output of diplo events.")
@_guard
def meetings_command(with_statements, explain, across, **options):
    """Meetings: participants, type, status, time, place, statements about them.

    \b
    With --across, the meetings of all FILES grouped into cross-document events: the same run and
    output as diplo events FILES (table, json or jsonl; --explain shows why each joined).

    \b
    Examples:
      diplo meetings samples/peskov-erdogan-meeting.txt
      diplo meetings --statements article.txt
      diplo meetings --status held --meeting-with Turkey corpus/
      diplo meetings --format jsonl *.txt | jq .status
      diplo meetings --statements --format jsonl *.txt | jq '.statement_records[].content.text'
      diplo meetings --explain samples/peskov-erdogan-meeting.txt
      diplo meetings --across corpus/*.txt | jq -c '[.id, .documents]'
    """
    if across:
        _refuse_with_across(click.get_current_context(), with_statements)
    run = Run(options)
    if across:
        if run.output_format not in EVENT_FORMATS:  # also as chosen by -o FILE.csv or the configuration
            raise click.UsageError(f"--across writes events as {', '.join(EVENT_FORMATS)}; not {run.output_format}")
        if explain:
            _for_explanation(run, options)
        _events_of_articles(run, explain)  # writes the events and exits
        return
    if with_statements and run.output_format in ("csv", "tsv"):  # also as chosen by -o FILE.csv or the configuration
        raise click.UsageError("--statements nests statement records in JSON; a CSV row already has the meeting's statement ids")
    if explain:
        _for_explanation(run, options)
    _run_view(run, "meetings", explain=explain, with_statements=with_statements)


@cli.command("speakers", cls=SectionedCommand, epilog=EPILOG_EXIT)
@_common_options
@_guard
def speakers_command(**options):
    """Speakers: one row per resolved speaker, with roles (per document), country, statements and meetings.

    \b
    Examples:
      diplo speakers samples/*.txt
      diplo speakers --country Russia corpus/
      diplo speakers --format csv corpus/ > speakers.csv
    """
    from diplo_cli import render

    run = Run(options)
    if options.get("engine") == "dask":
        raise click.UsageError("diplo speakers runs on the local engine only: drop --engine dask")
    if options.get("keep_fields"):
        raise click.UsageError("--keep-field carries a document's fields into its statement and meeting rows; "
                               "a speaker row gathers many documents")
    _refuse_dask_only(options)
    documents = list(_corpus_documents(run))
    rows = render.speaker_rows(documents)
    fmt = run.output_format
    stdout = run.stdout
    if fmt == "table" or run.svg_console is not None:
        if rows:
            colours = render.SpeakerColours()
            run.show(lambda console, ascii_only: render.speakers_view(rows, console, ascii_only, colours, documents), len(rows))
        else:
            from rich.text import Text

            run.show(lambda console, ascii_only: Text("no speakers found", style="dim italic"))
    if fmt == "jsonl":
        render.write_jsonl(rows, stdout)
    elif fmt == "json":
        stdout.write(json.dumps({"speakers": rows}, ensure_ascii=False) + "\n")
    elif fmt in ("csv", "tsv"):
        writer = render.DelimitedWriter(stdout, render.SPEAKER_CSV_COLUMNS, "," if fmt == "csv" else "\t", raw_cells=bool(options.get("raw_cells")))
        writer.write(render.flat_speaker(r) for r in rows)
    stdout.flush()
    run.finish()
    sys.exit(run.exit_status())


def _corpus_options(formats: tuple[str, ...], help_text: str = "", terminal: bool = True):
    """The common input, lexicon and filter options of a corpus command, with its own -f/--format (none
    without ``formats``); --color and --width only for a command that prints to a terminal. Its output
    gathers many documents, so no row carries one document's --keep-field values."""
    own = {"output_format", "svg", "raw_cells", "engine", "scheduler", "output_dir", "overwrite", "keep_fields"}
    if not terminal:
        own |= {"color", "width"}

    def decorate(function):
        function = _common_options(function)
        function.__click_params__ = [p for p in function.__click_params__ if p.name not in own]
        if not formats:
            return function
        return click.option("-f", "--format", "output_format", type=click.Choice(formats), default=formats[0], show_default=True,
                            help=help_text)(function)
    return decorate


def _corpus_documents(run: Run):
    """The run's extracted documents, one at a time, with the progress bar."""
    lexicon = _build_lexicon(run.options.get("gazetteers", ()), run.options.get("rule_packs", ()), run.warning,
                             use_cache=not run.options.get("no_cache"))
    with _progress(run) as advance:
        for document in _documents(run, lexicon):
            yield document
            advance()


@cli.command("summary", cls=SectionedCommand, epilog=EPILOG_EXIT)
@_corpus_options(("auto", "table", "json"), "auto: tables on a terminal, JSON otherwise.")
@_guard
def summary_command(**options):
    """Corpus summary: meetings by participants, type and status; speakers by country; a timeline.

    \b
    Examples:
      diplo summary samples/*.txt
      diplo summary --format json corpus/ | jq '.timeline'
    """
    from diplo_cli import render
    from diplo_cli.corpus.events import Summary, summary_tables

    run = Run(options)
    summary = Summary()
    for document in _corpus_documents(run):
        summary.add(document.doc, render.statement_records(document), render.meeting_records(document))
    data = summary.to_dict()
    if run.output_format == "table":
        for table in summary_tables(data, run.ascii, render._table):
            run.show(lambda console, ascii_only, table=table: render.fit(table, console))
    else:
        run.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    run.stdout.flush()
    run.finish()
    sys.exit(run.exit_status())


@cli.command("events", cls=SectionedCommand, epilog=EPILOG_EXIT)
@_corpus_options(("auto", "table", "json", "jsonl"), "auto: a table on a terminal, JSON Lines (one event a line) otherwise.")
@click.option("--records", "from_records", is_flag=True,
              help="FILES hold saved meeting records (diplo meetings --statements --format jsonl), not articles.")
@click.option("--explain", is_flag=True,
              help="Per event: each meeting that reports it, the grouping rule that joined it, and the events a rule kept it from.")
@_guard
def events_command(from_records, explain, **options):
    """Cross-document events: the meetings of many documents that are the same real event.

    \b
    The grouping rules (data/en/event_grouping.toml) refuse a join across type families (talks,
    summit, visit and meeting are one; a call its own), places, non-overlapping meeting
    dates or calendar times (an undated report's July and November), document dates further
    apart than the window (14 days), a held report dated more than the window after the event's
    first held report (the next meeting of a series), and a held report dated before the meeting
    or before a later plan; they accept the same two or more participants or one set
    within the other sharing two, tied by dates; one side only ("Lavrov said the talks went well")
    when dates tie it to that event alone; without dates, only the same participants at the same
    named place outside their own countries. Two meetings of one document are never one event.
    Each event has a stable id (a hash of its key), the documents and statements that mention it, first reported / last updated
    (the documents' dates: --date-field, --date or a dateline) and its status history in document
    order.

    \b
    Examples:
      diplo events corpus/*.txt
      diplo events --input jsonl scraped.jsonl | jq -c '[.id, .status_history]'
      diplo meetings --statements --format jsonl corpus/ > meetings.jsonl; diplo events --records meetings.jsonl
      diplo events --explain --input jsonl --date-field published scraped.jsonl
    """
    from diplo_cli.corpus.events import EventGrouper, documents_from_records

    if from_records:
        _refuse_with_records(click.get_current_context())
    run = Run(options)
    if explain:
        _for_explanation(run, options)
    if from_records:
        grouper = EventGrouper(explain=explain)
        for path in run.files or ("-",):
            try:
                stream = run.env.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115 -- closed below
            except OSError as exc:
                run.error(path, "no such file" if isinstance(exc, FileNotFoundError) else exc.strerror or str(exc))
                continue
            try:
                records = documents_from_records(stream, lambda number, reason, path=path: run.error(f"{path}:{number}", reason))
                for doc, meetings, statements, document_date in records:
                    grouper.add(doc, meetings, statements, document_date)
                    run.read += 1
                    run.read_with_statements += bool(statements)
            except UnicodeDecodeError:
                run.error(path, "not UTF-8 text")
            finally:
                if stream is not run.env.stdin:
                    stream.close()
        _write_events(run, grouper.to_dicts(), explain)
    else:
        _events_of_articles(run, explain)


# The formats of cross-document events (diplo events, diplo meetings --across).
EVENT_FORMATS = ("table", "json", "jsonl")
# The options of diplo meetings that diplo events has not: refused with --across.
_NOT_ACROSS = {"svg", "raw_cells", "engine", "scheduler", "output_dir", "overwrite", "keep_fields"}


def _refuse_with_across(context: click.Context, with_statements: bool) -> None:
    """meetings --across gives the events output: options that shape per-document meeting rows are refused."""
    given = [param.opts[-1] for param in context.command.params if param.name in _NOT_ACROSS
             and context.get_parameter_source(param.name) not in (None, click.core.ParameterSource.DEFAULT)]
    if with_statements:
        given.append("--statements")
    if given:
        raise click.UsageError(f"--across writes cross-document events (as diplo events does); {', '.join(given)} "
                               "applies to one document's meeting rows")


def _events_of_articles(run: Run, explain: bool) -> None:
    """Extract the run's documents one at a time, group their meetings into events and write them
    (diplo events, diplo meetings --across)."""
    from diplo_cli import render
    from diplo_cli.corpus.events import EventGrouper

    grouper = EventGrouper(explain=explain)
    for document in _corpus_documents(run):
        grouper.add(document.doc, render.meeting_records(document), render.statement_records(document),
                    getattr(document, "document_date", None))
    _write_events(run, grouper.to_dicts(), explain)


def _write_events(run: Run, events: list[dict], explain: bool) -> None:
    from rich.text import Text

    from diplo_cli import render
    from diplo_cli.corpus.events import explain_rows, status_line

    stdout = run.stdout
    if explain:
        for event in events:
            def explained(console, ascii_only, event=event):
                title = f"{event['id']}: {' – '.join(p['name'] for p in event['participants'])}, {event['type']}, {status_line(event)}"
                table = render._table(ascii_only, render.safe(title))
                for column in ("document", "meeting", "", "why", "kept from (rule)"):
                    table.add_column(column)
                for row in explain_rows(event):
                    table.add_row(*(Text(render.safe(cell)) for cell in row))
                return render.fit(table, console)
            run.show(explained, len(event["meetings"]))
    elif run.output_format == "table":
        def make(console, ascii_only):
            table = render._table(ascii_only, "1 event" if len(events) == 1 else f"{len(events)} events")
            for column in ("id", "participants", "type", "place", "date", "documents", "status history"):
                table.add_column(column, justify="right" if column == "documents" else "left")
            for event in events:
                table.add_row(event["id"], Text(render.safe(" – ".join(p["name"] for p in event["participants"]))), event["type"],
                              Text(render.safe(event["place"] or "")), Text(render.safe(event["date"] or ("" if event["first_reported"] else "undated"))),
                              str(len(event["documents"])),
                              Text(render.safe(status_line(event))))
            return render.fit(table, console)
        run.show(make, len(events))
    elif run.output_format == "json":
        stdout.write(json.dumps({"events": events}, ensure_ascii=False) + "\n")
    else:
        render.write_jsonl(events, stdout)
    stdout.flush()
    run.finish()
    sys.exit(run.exit_status())


# What saved records still need: where the output goes and how it looks.
_RECORDS_OPTIONS = {"files", "from_records", "explain", "output_format", "output", "quiet", "color", "width", "strict", "debug"}


def _refuse_with_records(context: click.Context) -> None:
    """events --records regroups saved meetings: reading, extraction and filter options would be ignored."""
    given = [param.opts[-1] for param in context.command.params if param.name not in _RECORDS_OPTIONS
             and context.get_parameter_source(param.name) not in (None, click.core.ParameterSource.DEFAULT)]
    if given:
        raise click.UsageError(f"--records regroups saved meeting records as they are; {', '.join(given)} "
                               "applies when articles are read (give them to diplo meetings --statements)")


@cli.command("report", cls=SectionedCommand, epilog=EPILOG_EXIT)
@_corpus_options((), terminal=False)
@click.option("--title", default="diplo report", show_default=True, help="The report's title.")
@_guard
def report_command(title, **options):
    """A self-contained HTML report: each article with speakers, cues and contents highlighted, its
    statements and meetings tables, and links from each row to its span.

    \b
    Examples:
      diplo report samples/*.txt -o report.html
      diplo report --input jsonl scraped.jsonl -o report.html
    """
    from diplo_cli.corpus.report import write_report

    run = Run(options)
    run.output_format = "html"
    write_report(_corpus_documents(run), run.stdout, title)  # -o FILE.html: written whole or not at all (see AtomicOutput)
    run.stdout.flush()
    run.finish()
    sys.exit(run.exit_status())


@cli.command("network", cls=SectionedCommand, epilog=EPILOG_EXIT)
@_corpus_options(("auto", "csv", "graphml"), "csv: the edge list (Gephi's Source,Target,...); graphml: nodes and edges in one file; "
                 "auto: graphml for -o FILE.graphml, else csv.", terminal=False)
@click.option("--nodes", "nodes_path", type=click.Path(dir_okay=False, writable=True), default=None, metavar="FILE.csv",
              help="With --format csv: also write the node table (Id, Label, country and codes) to FILE.csv.")
@_guard
def network_command(nodes_path, **options):
    """Who met whom: participants as nodes, meetings as edges (type, status, date, document count).

    \b
    Examples:
      diplo network --format graphml corpus/ > meetings.graphml
      diplo network --format csv --nodes nodes.csv corpus/ > edges.csv
    """
    from diplo_cli import render
    from diplo_cli.corpus.network import EDGE_CSV_COLUMNS, NODE_CSV_COLUMNS, Network

    run = Run(options)
    if nodes_path and run.output_format != "csv":  # also when the configuration or -o FILE.graphml chose graphml
        raise click.UsageError("--nodes writes the node table of --format csv; GraphML holds the nodes already")
    network = Network()
    for document in _corpus_documents(run):
        network.add(document.doc, render.meeting_records(document))
    stdout = run.stdout
    if run.output_format == "graphml":
        network.write_graphml(stdout)
    else:
        render.DelimitedWriter(stdout, EDGE_CSV_COLUMNS).write(network.edge_rows())
        if nodes_path:
            try:
                with open(nodes_path, "w", encoding="utf-8", newline="") as nodes_file:
                    render.DelimitedWriter(nodes_file, NODE_CSV_COLUMNS).write(network.node_rows())
            except OSError as exc:
                run.error(nodes_path, f"cannot write the node table: {exc.strerror or exc}")
    stdout.flush()
    run.finish()
    sys.exit(run.exit_status())


_DASK_REFUSES = {  # options the Dask route cannot honour: refused by name rather than ignored
    "speaker": "--speaker", "country": "--country", "kinds": "--kind", "about_meeting": "--about-meeting",
    "meeting_with": "--meeting-with", "statuses": "--status", "statement_statuses": "--statement-status",
    "min_confidence": "--min-confidence", "svg": "--svg", "width": "--width", "raw_cells": "--raw-cells",
    "turns": "--turns", "keep_fields": "--keep-field", "date_field": "--date-field", "no_unwrap": "--no-unwrap", "date": "--date",
}


def _run_dask(run: Run, refused: tuple[str, ...] = ()) -> None:
    """--engine dask: files on shared storage extracted on a Dask cluster, written as partitioned JSON Lines."""
    options = run.options
    given = [flag for key, flag in _DASK_REFUSES.items() if options.get(key)] + list(refused)
    if options.get("language", "en") != "en":
        given.append(f"--lang {options['language']}")
    if options.get("output_format", "auto") not in ("auto", "jsonl"):
        given.append(f"--format {options['output_format']}")
    if given:
        raise click.UsageError(f"--engine dask writes every statement and meeting as JSON Lines files; it cannot apply {', '.join(given)} "
                               "(filter the files it writes, e.g. with jq, or run without --engine dask)")
    if not options.get("output_dir"):
        raise click.UsageError("--engine dask writes files: give --output-dir DIR")
    if options.get("output"):
        raise click.UsageError("--engine dask writes --output-dir DIR; -o FILE is for the local engine")
    if not run.files:
        raise click.UsageError("--engine dask reads files the workers can see: give FILE, DIR or 'corpus/*.jsonl'")
    try:
        from distributed import Client, LocalCluster

        from diplo_cli.batch.dask import expand_inputs, run_files
    except ImportError:
        raise click.UsageError("--engine dask needs Dask: pip install 'diplo[dask]'") from None
    from diplo_cli.batch.inputs import input_kind
    from diplo_cli.batch.parallel import default_jobs
    rules = run.walk_rules
    files, _ = expand_inputs(list(run.files), rules.uncounted())
    requested = options.get("input_format", "auto")
    input_format = "jsonl" if files and all(input_kind(f, requested) == "jsonl" for f in files) else requested
    logging.getLogger("distributed").setLevel(logging.ERROR)  # the cluster's own chatter is not diplo's to show
    cluster = None
    if options.get("scheduler"):
        client = Client(options["scheduler"])
    else:
        cluster = LocalCluster(n_workers=options.get("jobs") or default_jobs(), threads_per_worker=1, dashboard_address=":0",
                               silence_logs=logging.ERROR)
        client = Client(cluster)
    try:
        if not run.quiet:
            run.message(f"diplo: dask: {len(client.scheduler_info().get('workers', {}))} workers at {client.scheduler.address}")
        result = run_files(client, list(run.files), options["output_dir"], input_format=input_format, text_field=options.get("text_field", "text"),
                           id_field=options.get("id_field", "id"), year=options.get("year"), strict=run.strict, rules=rules,
                           gazetteers=tuple(str(Path(g).resolve()) for g in options.get("gazetteers", ())),
                           rule_packs=tuple(str(Path(r).resolve()) for r in options.get("rule_packs", ())),
                           overwrite=bool(options.get("overwrite")), progress=not run.quiet, stream=run.env.stderr)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    for warning in result["warnings"]:
        run.warning(warning["warning"])
    for error in result["errors"]:
        run.error(error["doc"], error["error"])
    if not result["files"]:
        run.message("diplo: no input file to read; nothing written")
        run.failed["nothing read"] = 1
    elif not run.quiet:
        run.message(f"diplo: {result['statements']} statements and {result['meetings']} meetings written to {options['output_dir']} "
                    f"({result['partitions']} partitions)")
    sys.exit(run.exit_status())


def _refuse_dask_only(options: dict) -> None:
    given = [flag for key, flag in (("output_dir", "--output-dir"), ("scheduler", "--scheduler"), ("overwrite", "--overwrite")) if options.get(key)]
    if given:
        raise click.UsageError(f"{', '.join(given)}: only with --engine dask")


def _run_view(run: Run, view: str, explain: bool = False, with_statements: bool = False) -> None:
    """Read, extract, filter and write document by document: the statements and meetings views."""
    from diplo_cli import formats

    if run.options.get("engine") == "dask":
        return _run_dask(run, ("--explain",) * explain + ("--statements",) * with_statements)
    _refuse_dask_only(run.options)
    lexicon = _build_lexicon(run.options.get("gazetteers", ()), run.options.get("rule_packs", ()), run.warning,
                             use_cache=not run.options.get("no_cache"))
    fmt = run.output_format
    stdout = run.stdout
    tally = run.tally = formats.Tally()
    json_writer = formats.JsonDocumentsWriter(stdout) if fmt == "json" else None
    delimited = None
    if fmt in ("csv", "tsv"):
        columns = formats.MEETING_CSV_COLUMNS if view == "meetings" else formats.CSV_COLUMNS
        columns += formats.carried_columns(run.fields.keep, bool(run.fields.dates), columns)
        delimited = formats.DelimitedWriter(stdout, columns, "," if fmt == "csv" else "\t", raw_cells=bool(run.options.get("raw_cells")))
    try:
        with _progress(run) as advance:
            _write_documents(run, view, lexicon, explain, with_statements, tally, json_writer, delimited, advance)
    except BaseException as exc:
        if json_writer is not None and not isinstance(exc, BrokenPipeError):
            with contextlib.suppress(OSError):  # whatever stopped the run, the JSON on stdout stays valid
                json_writer.close()
                stdout.flush()
        raise
    if json_writer is not None:
        json_writer.close()
    elif delimited is not None and not delimited.header_written:
        delimited.write([])
    stdout.flush()
    run.finish()
    sys.exit(run.exit_status())


def _write_documents(run: Run, view: str, lexicon, explain: bool, with_statements: bool, tally, json_writer, delimited, advance) -> None:
    """The body of _run_view, which closes the JSON output whatever stops this."""
    from diplo_cli import formats

    fmt, stdout = run.output_format, run.stdout
    if fmt == "table" or run.svg_console is not None:  # the table views (rich) only when drawn
        from diplo_cli import render

        colours = render.SpeakerColours()
        explained = render.meeting_explain_view if view == "meetings" else functools.partial(render.explain_view, colours=colours)
    written = None
    if fmt == "jsonl" and run.svg_console is None and not run.selection.active and not run.options.get("turns"):
        # each document's lines are written by the worker that extracts it: the document itself
        # does not cross the pipe, and this process only copies text to stdout
        written = functools.partial(formats.written_jsonl, view=view, with_statements=with_statements)
    for part, document in _documents(run, lexicon, parts=True, render=written):
        if isinstance(document, formats.WrittenDocument):
            tally.add_written(document)
            with _whole_writes():
                stdout.write(document.text)
                stdout.flush()
            advance()
            continue
        tally.add(document)
        if run.selection.active and not (document.statements if view == "statements" else document.meetings):
            advance()
            continue  # a filter is like grep: documents with nothing left are not shown
        with _whole_writes():
            if fmt == "table" or run.svg_console is not None:
                shown_rows = len(document.statements) + len(document.meetings)
                if explain:
                    run.show(lambda console, ascii_only, document=document: explained(document, with_heading=run.several, ascii_only=ascii_only), shown_rows)
                else:
                    run.show(lambda console, ascii_only, document=document: render.document_view(console, document, view, colours, ascii_only, run.several, with_statements),
                             shown_rows)
            if fmt == "jsonl":
                records = formats.meeting_records(document, with_statements) if view == "meetings" else formats.statement_records(document)
                formats.write_jsonl(records, stdout)
            elif json_writer is not None:
                if view == "meetings" and with_statements:  # each meeting with its statements' records nested in it
                    json_writer.write(formats.document_record(document, nested=True))
                else:
                    json_writer.write_document(document, continues=part > 0)
            elif delimited is not None:
                if view == "meetings":
                    delimited.write(formats.flat_meeting(r) for r in formats.meeting_records(document))
                else:
                    delimited.write(formats.flat_statement(r) for r in formats.statement_records(document))
            stdout.flush()
        advance()


@cli.command("config", epilog=EPILOG_EXIT)
@click.option("--rules", "rule_packs", multiple=True, metavar="FILE.toml", help="A rule pack, as the other commands take it (repeatable).")
@click.option("--gazetteer", "gazetteers", multiple=True, metavar="FILE", help="A gazetteer, as the other commands take it (repeatable).")
@click.option("--year", type=int, default=None, help="A year, as the other commands take it.")
@click.option("-f", "--format", "output_format", default=None, help="An output format, as the other commands take it.")
@click.option("--json", "as_json", is_flag=True, help="Print the settings as JSON.")
@_guard
def config_command(rule_packs, gazetteers, year, output_format, as_json):
    """The effective settings and where each came from: command line, configuration file or default.

    \b
    The configuration is the nearest diplo.toml, or pyproject.toml with a [tool.diplo] table,
    from the working directory upward; see README. Options given here show how they override it.

    \b
    Examples:
      diplo config
      diplo config --year 2020 --json
    """
    from diplo_cli.config import effective_settings, load_config

    if output_format is not None and output_format not in OUTPUT_FORMATS:
        raise click.BadParameter(f"{output_format!r} is no output format ({', '.join(OUTPUT_FORMATS)})", param_hint="'-f' / '--format'")
    context = click.get_current_context()
    env: Environment = context.find_object(Environment) or Environment()
    config = load_config()
    given = {key: value for key, value in (("rules", tuple(rule_packs)), ("gazetteers", tuple(gazetteers)), ("year", year),
                                           ("format", output_format)) if value not in (None, ())}
    rows = effective_settings(config, given)
    if as_json:
        env.stdout.write(json.dumps({"config_file": str(config.path) if config.path else None,
                                     "settings": [{**row, "value": list(row["value"]) if isinstance(row["value"], tuple) else row["value"]}
                                                  for row in rows]}, ensure_ascii=False) + "\n")
        return
    env.stdout.write(f"# configuration file: {safe(str(config.path)) if config.path else 'none found'}\n")
    for row in rows:
        value = row["value"]
        shown = json.dumps(list(value) if isinstance(value, tuple) else value, ensure_ascii=False)
        env.stdout.write(f"{row['setting']} = {safe(shown)}  # {safe(row['source'])}\n")


@cli.command("explain", epilog=EPILOG_EXIT)
@click.argument("text", nargs=-1)
@click.option("--file", "path", type=click.Path(dir_okay=False, allow_dash=True), default=None, metavar="FILE",
              help="Explain the text of FILE ('-': standard input) instead of TEXT.")
@click.option("-f", "--format", "output_format", type=Choice(["auto", "table", "json"]), default="auto", show_default=True,
              help="Candidates for people, or JSON (the document's rows plus its candidates); auto is a table on a terminal.")
@click.option("--year", type=int, default=None, help="The document's year, as the other commands take it.")
@click.option("--date", default=None, callback=_check_date, metavar="YYYY-MM-DD", help="The article's date, as the other commands take it.")
@click.option("--gazetteer", "gazetteers", multiple=True, type=click.Path(exists=True, dir_okay=False), help="Extra gazetteer (repeatable).")
@click.option("--rules", "rule_packs", multiple=True, type=click.Path(exists=True, dir_okay=False), metavar="FILE.toml",
              help="A rule pack (repeatable).")
@click.option("--lang", "language", default="en", show_default=True, callback=_check_language, metavar="CODE",
              help="The language of the text: en, or de (the rule table of data/de/).")
@_guard
def explain_command(text, path, output_format, year, date, gazetteers, rule_packs, language):
    """Why each row is there and why a row is missing: every candidate and the rules that decided it.

    \b
    A candidate is a cue (said, according to, a reporting noun ...), a speaker mention or a meeting
    word. For each one this prints its context, what became of it (kept as a row, dropped, or no row
    of its own) and each decision by rule id: built, set, trimmed, relaxed, vetoed, merged, split,
    linked. The ids are those of
    diplo_cli/data/en/rules/*.toml, where each has its reason and examples; a rule pack can switch
    a rule off by its id (README "Rule packs").

    \b
    Examples:
      diplo explain "Can you confirm that the envoy will travel to Oslo?"
      diplo explain --file samples/peskov-erdogan-meeting.txt
      diplo explain --lang de "„Wir warten ab“, sagte die Ministerin."
      diplo explain -f json "The minister said the talks were useful." | jq '.candidates[].dropped_by'
    """
    from diplo_cli.explain import explain_text
    from diplo_cli.render import candidates_view

    context = click.get_current_context()
    env: Environment = context.find_object(Environment) or Environment()
    if path is not None and text:
        raise click.UsageError("give TEXT or --file FILE, not both")
    if path is None and not text:
        if env.stdin is None or env.stdin_isatty:
            raise click.UsageError("nothing to explain: give TEXT, --file FILE, or pipe text on standard input")
        path = "-"
    source = _explained_text(path, env, language) if path is not None else " ".join(text)
    if unused := _english_only(language, gazetteers, rule_packs):
        click.echo(f"diplo: warning: {unused}", err=True)
    lexicon = _build_lexicon(gazetteers, rule_packs)
    explanation = explain_text(source, path or "-", lexicon=lexicon, year=year, date=date, language=language)
    if output_format == "auto":
        output_format = "table" if env.stdout_isatty else "json"
    if output_format == "json":
        env.stdout.write(json.dumps(explanation.to_dict(), ensure_ascii=False) + "\n")
        return
    width = (_terminal_width(env.stdout) or None) if env.stdout_isatty else None
    console = _pipe_console(file=env.stdout, width=width, highlight=False, markup=False, emoji=False,
                            force_terminal=env.stdout_isatty, no_color=not env.stdout_isatty)
    console.print(candidates_view(explanation))


def _explained_text(path: str, env: Environment, language: str) -> str:
    """The one text of ``path`` as the other commands read it (HTML reduced to its article, a JSON
    Lines file's single record); its warnings on stderr. Several records are a usage error."""
    from diplo_cli.batch.inputs import iter_documents

    stdin = getattr(env.stdin, "buffer", env.stdin) if env.stdin is not None else None
    documents = list(itertools.islice(iter_documents([path], stdin=stdin, language=language), 2))
    if len(documents) > 1:
        raise click.UsageError(f"{path} holds several documents; diplo explain takes one text "
                               "(pipe one record's text, e.g. jq -r .text)")
    [document] = documents
    for warning in document.warnings:
        click.echo(f"diplo: warning: {safe(warning)}", err=True)
    if document.error is not None:
        click.echo(f"diplo: {safe(document.doc)}: {safe(document.error)}", err=True)
        sys.exit(ExitStatus.INPUT_FAILED)
    return document.text


@cli.command("eval", epilog=EPILOG_EXIT)
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("-f", "--format", "output_format", type=Choice(["auto", "table", "json"]), default="auto", show_default=True,
              help="A table of figures, or JSON for scripts and floors; auto is a table on a terminal and JSON otherwise.")
@click.option("--show-errors", is_flag=True, help="List misses, false alarms and mismatches with their sentence (one JSON object a line under a table).")
@click.option("--gazetteer", "gazetteers", multiple=True, type=click.Path(exists=True, dir_okay=False), help="Extra gazetteer (repeatable).")
@click.option("--rules", "rule_packs", multiple=True, type=click.Path(exists=True, dir_okay=False), metavar="FILE.toml",
              help="A rule pack to measure (repeatable).")
@click.option("--lang", "language", default="en", show_default=True, callback=_check_language, metavar="CODE",
              help="The language of the gold texts: en, or de (German: the rule table of data/de/).")
@_guard
def eval_command(gold, output_format, show_errors, gazetteers, rule_packs, language):
    """Score diplo against annotated JSON Lines (GOLD: one record a line).

    \b
    A gold record (samples/gold.jsonl is a small example; README has the other shapes):
      {"id": "my-1", "text": "The envoy said the talks would resume.",
       "statements": [{"speaker": "The envoy", "speaker_span": [0, 9],
                       "speaker_resolved": "Anna Kovacs", "cue": "said", "cue_span": [10, 14],
                       "content_span": [15, 37], "kind": "indirect", "about_meeting": true}],
       "meetings": [{"participants": ["Anna Kovacs", "Norway"], "type": "talks",
                     "status": "planned", "time": null, "place": null}]}
    Spans are [start, end] character offsets into "text"; only "text" and each
    statement's "content_span" are required; "kind" is direct, indirect, mixed
    or according_to; without "meetings" no meeting figure is scored. A figure
    over nothing (0/0) is shown as n/a in the table.

    \b
    Examples:
      diplo eval samples/gold.jsonl
      diplo eval --format json samples/gold.jsonl | jq .statements.f1
      diplo eval --show-errors --format json samples/gold.jsonl > errors.json
      diplo eval --rules my-rules.toml samples/gold.jsonl
    """
    from diplo_cli.evaluate import evaluate_file
    from diplo_cli.render import fit

    context = click.get_current_context(silent=True)
    env: Environment = (context.find_object(Environment) if context else None) or Environment()
    if output_format == "auto":
        output_format = "table" if env.stdout_isatty else "json"
    if unused := _english_only(language, gazetteers, rule_packs):
        click.echo(f"diplo: warning: {unused}", err=True)
    lexicon = _build_lexicon(gazetteers, rule_packs)
    results = {}
    reports = {}
    failed = False
    for path in gold:
        try:
            report = evaluate_file(Path(path), lexicon, show_errors, language)
        except (ValueError, OSError) as exc:  # a bad gold file is reported; the others are still scored
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            click.echo(f"diplo: {safe(reason if reason.startswith(str(path)) else f'{path}: {reason}')}", err=True)
            failed = True
            continue
        results[path] = report.to_dict()
        reports[path] = report
    stdout = env.stdout
    if output_format == "json" and results:
        payload = next(iter(results.values())) if len(gold) == 1 else results
        if show_errors:
            payload = {"figures": payload, "errors": {p: r.errors for p, r in reports.items()}}
        stdout.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")
    elif output_format == "table":
        width = (_terminal_width(stdout) or None) if env.stdout_isatty else None  # a terminal reporting 0 columns: rich's default
        console = _pipe_console(file=stdout, width=width, highlight=False, markup=False, emoji=False,
                                force_terminal=env.stdout_isatty, no_color=not env.stdout_isatty)
        for path, figures in results.items():
            console.print(fit(_figures_table(path, figures), console))
            stdout.flush()
            if show_errors:  # data for jq, never wrapped to the width
                for error in reports[path].errors:
                    stdout.write(json.dumps(error, ensure_ascii=False) + "\n")
    stdout.flush()
    if failed:
        sys.exit(ExitStatus.INPUT_FAILED)


def _figures_table(path: str, figures: dict):
    """The ``diplo eval`` table of one gold file's figures."""
    from rich.table import Table

    table = Table(title=f"{path} ({figures['records']} records)")
    table.add_column("figure")
    table.add_column("precision", justify="right")
    table.add_column("recall", justify="right")
    table.add_column("F1 / accuracy", justify="right")
    table.add_column("counts", justify="right", style="dim")
    for name, value in figures.items():
        if name == "records":
            continue
        if "f1" in value:
            tp, fp, fn = value["tp"], value["fp"], value["fn"]
            precision, recall = _figure(value["precision"], tp + fp), _figure(value["recall"], tp + fn)
            f1 = _figure(value["f1"], (tp + fp) * (tp + fn))  # F1 needs both a precision and a recall
            table.add_row(name, precision, recall, f1, f"tp {tp} fp {fp} fn {fn}")
        else:
            table.add_row(name, "", "", _figure(value["accuracy"], value["total"]), f"{value['right']}/{value['total']}")
    return table


def _figure(value: float, denominator: int) -> str:
    """A ratio for the table: ``n/a`` when it is over nothing (0/0), which is not a score of 0."""
    return f"{value:.3f}" if denominator else "n/a"


@cli.command("help", epilog=EPILOG_EXIT)
@click.argument("command", required=False)
@click.pass_context
def help_command(ctx, command):
    """Show diplo's help, or one COMMAND's (the same as COMMAND --help).

    \b
    Examples:
      diplo help
      diplo help meetings
    """
    group = ctx.parent
    if command is None:
        click.echo(group.get_help())
        return
    found = group.command.get_command(group, command)
    if found is None:
        group.command.refuse_misspelt_command(command)
        raise click.UsageError(f"no such command: {command!r}")
    with click.Context(found, info_name=command, parent=group) as command_ctx:
        click.echo(found.get_help(command_ctx))


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="diplo: %(message)s")
    try:
        cli.main(prog_name="diplo", standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("diplo: interrupted", err=True)
        sys.exit(ExitStatus.INTERRUPTED)
