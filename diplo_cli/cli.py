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
import json
import logging
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import IO

import click

from . import __version__


def safe(text: str) -> str:
    """Text from inputs made harmless for a terminal (see :func:`render.safe`); imported late to keep --help fast."""
    from .render import safe as render_safe

    return render_safe(text)


class ExitStatus(enum.IntEnum):
    SUCCESS = 0
    INPUT_FAILED = 1
    USAGE = 2
    INTERRUPTED = 130


EXIT_MEANINGS = {
    ExitStatus.SUCCESS: "success (also when no statement was found)",
    ExitStatus.INPUT_FAILED: "some input failed (missing, unreadable, binary, undecodable); the others were still processed",
    ExitStatus.USAGE: "usage error (bad option, bad gazetteer or rule pack)",
    ExitStatus.INTERRUPTED: "interrupted (Ctrl-C)",
}
EPILOG_EXIT = "\b\nExit codes:\n" + "\n".join(f"  {int(code):<4}{meaning}" for code, meaning in EXIT_MEANINGS.items())
PROGRESS_MIN_FILES = 4  # a progress bar for fewer files would only flicker
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


class DefaultGroup(click.Group):
    """``diplo FILE...`` runs the default command; ``diplo meetings FILE...`` a named one."""

    default_command = "statements"

    def parse_args(self, ctx, args):
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = [self.default_command, *args]
        elif not args:
            args = [self.default_command]
        return super().parse_args(ctx, args)


def _common_options(function):
    """Every option shared by statements, meetings and speakers: add new ones here, read them in Run."""
    options = [
        click.argument("files", nargs=-1, type=click.Path(dir_okay=True, allow_dash=True)),
        click.option("-f", "--format", "output_format", type=click.Choice(["auto", "table", "json", "jsonl", "csv", "tsv"]), default="auto",
                     show_default=True, help="Output format; auto is a table on a terminal and JSON Lines otherwise."),
        click.option("--input", "input_format", type=click.Choice(["text", "jsonl"]), default="text", show_default=True,
                     help="text: each file is one document; jsonl: each line is a JSON document."),
        click.option("--text-field", default="text", show_default=True, help="With --input jsonl: the field holding the text."),
        click.option("--id-field", default="id", show_default=True, help="With --input jsonl: the field carried through as `doc`."),
        click.option("--glob", default=None, help="With directories: only files whose name matches, e.g. '*.txt'."),
        click.option("--gazetteer", "gazetteers", multiple=True, type=click.Path(exists=True, dir_okay=False),
                     help="Extra people: diplo TSV or a PETRARCH/Phoenix actor or agent dictionary (repeatable)."),
        click.option("--rules", "rule_packs", multiple=True, type=click.Path(exists=True, dir_okay=False), metavar="FILE.toml",
                     help="A rule pack: extra cue verbs, titles, meeting words, gazetteer entries (repeatable; see README)."),
        click.option("--year", type=int, default=None, help="The documents' year, to pick office holders for role nouns."),
        click.option("--speaker", default=None, metavar="NAME", help="Only statements by this speaker (name, alias or surname)."),
        click.option("--country", default=None, help="Only statements by speakers of this country (name, demonym, or ISO/CAMEO code such as RU, RUS)."),
        click.option("--kind", "kinds", multiple=True, type=click.Choice(["direct", "indirect", "mixed", "according_to"]),
                     help="Only statements of this kind (repeatable)."),
        click.option("--about-meeting", is_flag=True, help="Only statements about a meeting."),
        click.option("--meeting-with", default=None, metavar="NAME", help="Only statements about, or meetings with, this participant (person or country)."),
        click.option("--status", "statuses", multiple=True, type=click.Choice(["held", "planned", "proposed", "denied", "cancelled", "unknown"]),
                     help="Only meetings with this status, and statements about them (repeatable)."),
        click.option("--statement-status", "statement_statuses", multiple=True,
                     type=click.Choice(["held", "planned", "proposed", "denied", "cancelled", "unknown"]),
                     help="Only statements asserting this status of their meeting, whatever the meeting's own (repeatable)."),
        click.option("--color/--no-color", "color", default=None, help="Force colours on or off (NO_COLOR and FORCE_COLOR are honoured)."),
        click.option("--width", type=click.IntRange(min=20), default=None, help="Table width in columns (default: the terminal's, else $COLUMNS or 80)."),
        click.option("--svg", type=click.Path(dir_okay=False, writable=True), default=None, metavar="FILE.svg",
                     help="Also save the table view as an SVG picture (used for the README)."),
        click.option("--raw-cells", is_flag=True,
                     help="CSV/TSV: write cells verbatim; by default a cell starting with = + - @ gets a leading ' so spreadsheets do not run it."),
        click.option("--strict", is_flag=True, help="Treat warnings (e.g. a legacy encoding) as failures."),
        click.option("--debug", is_flag=True, help="Show the traceback of an internal error."),
        click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
                     help="Worker processes for many files or JSON Lines documents; output keeps the input order. [default: all cores]"),
        click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
                     help="dask: run on a Dask cluster (pip install 'diplo[dask]'); needs --output-dir."),
        click.option("--scheduler", default=None, metavar="ADDRESS",
                     help="With --engine dask: the scheduler, e.g. tcp://host:8786 [default: a local cluster of -j workers]."),
        click.option("--output-dir", type=click.Path(file_okay=False), default=None, metavar="DIR",
                     help="With --engine dask: write DIR/statements/, DIR/meetings/, DIR/errors/ as partitioned JSON Lines."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


@click.group(cls=DefaultGroup, epilog=EPILOG_EXIT, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110})
@click.version_option(version=__version__, message="diplo %(version)s")  # not read from package metadata: that import alone costs a third of the start-up
def cli():
    """diplo: who said what, about which meeting.

    Reads news articles, briefing transcripts and readouts, and prints the attributed
    statements (speaker, cue, content), the diplomatic meetings they are about, and who
    spoke. Plain `diplo FILE...` runs the `statements` command.

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
        from rich.console import Console

        from .filters import Selection

        context = click.get_current_context(silent=True)
        self.env: Environment = (context.find_object(Environment) if context else None) or Environment()
        if context is not None:
            _apply_config(options, context)
        self.options = options
        self.files: tuple[str, ...] = tuple(options.get("files") or ())
        requested = options.get("output_format", "auto")
        self.output_format = requested if requested != "auto" else ("table" if self.env.stdout_isatty else "jsonl")
        self.colour = wants_colour(options.get("color"), self.env.environ, self.env.stdout_isatty)
        width = options.get("width")
        if width is None and self.env.stdout_isatty:
            width = _terminal_width(self.env.stdout)
        self.console = _pipe_console(
            file=self.env.stdout, width=width, force_terminal=self.colour, color_system="auto" if self.colour else None,
            no_color=not self.colour, highlight=False, emoji=False, markup=False, soft_wrap=False, legacy_windows=False,
        )
        encoding = (getattr(self.env.stdout, "encoding", None) or "utf-8").lower().replace("-", "")
        self.ascii = not self.env.stdout_isatty or encoding not in ("utf8", "utf8sig")
        self.svg_path: str | None = options.get("svg")
        self.svg_console = None
        self.svg_rows = 0
        self.svg_left_out = 0  # tables not recorded in the SVG: past MAX_SVG_ROWS
        if self.svg_path:
            self.svg_console = Console(file=io.StringIO(), width=options.get("width") or 100, record=True, force_terminal=True,
                                       color_system="truecolor", highlight=False, emoji=False, markup=False, legacy_windows=False)
        self.selection = Selection(options.get("speaker"), options.get("country"), tuple(options.get("kinds") or ()),
                                   bool(options.get("about_meeting")), options.get("meeting_with"), tuple(options.get("statuses") or ()),
                                   statement_statuses=tuple(options.get("statement_statuses") or ()))
        self.strict = bool(options.get("strict"))
        self.debug = bool(options.get("debug"))
        self.read = 0
        self.with_statements = 0  # documents read in which at least one statement was found
        self.done = 0
        self.failed: dict[str, int] = {}
        self.warned = 0
        self.progress = None

    @property
    def several(self) -> bool:
        """Whether the run may see more than one document (then each gets a heading)."""
        return len(self.files) > 1 or self.options.get("input_format") == "jsonl" or any(os.path.isdir(f) for f in self.files if f != "-")

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
        self.message(f"diplo: warning: {safe(message)}")
        self.warned += 1

    def summary(self) -> None:
        if self.read + sum(self.failed.values()) > 1 or self.failed:
            skipped = sum(self.failed.values())
            reasons = ", ".join(f"{n} {r}" for r, n in sorted(self.failed.items()))
            documents = "1 document" if self.read == 1 else f"{self.read} documents"
            line = f"diplo: {documents} read, {skipped} skipped" + (f" ({reasons})" if reasons else "")
            without = self.read - self.with_statements
            if without:  # such documents have no record in JSON Lines or CSV output: say so here
                line += f"; {without} with no statements"
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
            if self.progress is not None and self.env.stdout_isatty:
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
        if self.svg_console is not None and self.svg_path:
            if self.svg_left_out:
                limit = f"the picture holds at most {MAX_SVG_ROWS:,} table rows; it is for a screen, not a corpus"
                if not self.svg_rows:
                    self.error(self.svg_path, f"SVG not written: {limit}")
                    self.summary()
                    return
                self.warning(f"{self.svg_path}: {self.svg_left_out} table(s) left out of the SVG picture: {limit}")
            title = "diplo " + " ".join(self.files)
            try:
                self.svg_console.save_svg(self.svg_path, title=title)
            except OSError as exc:
                self.error(self.svg_path, f"cannot write SVG: {exc.strerror or exc}")
        self.summary()


def _apply_config(options: dict, context: click.Context) -> None:
    """Fill the options not given on the command line from the project's configuration (in place)."""
    from .config import SETTINGS, load_config

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


def _build_lexicon(gazetteers: tuple[str, ...], rule_packs: tuple[str, ...] = (), warn=None):
    """The built-in lexicon, or a new one with the user's gazetteers and rule packs added; a
    suspicious gazetteer is reported through ``warn`` (by default a warning line on stderr)."""
    from .lexicons import user_lexicon

    if warn is None:
        def warn(message: str) -> None:
            click.echo(f"diplo: warning: {safe(message)}", err=True)
    return user_lexicon(tuple(gazetteers), tuple(rule_packs), warn)


def _input_count(run: Run) -> int:
    """How many files the run will read (for the progress bar); 0 when not worth counting."""
    if not run.env.stderr_isatty or run.options.get("input_format") == "jsonl":
        return 0
    from .inputs import expand_paths

    return sum(1 for _ in expand_paths(list(run.files), run.options.get("glob")))


@contextlib.contextmanager
def _progress(run: Run):
    """A transient progress bar on stderr, for more than a few files and only on a terminal."""
    total = _input_count(run)
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


def _documents(run: Run, lexicon):
    """Yield extracted documents (filtered as asked); report unreadable inputs and carry on."""
    from .filters import Selector
    from .parallel import extract_inputs, iter_inputs

    paths = list(run.files)
    if not paths:
        if run.env.stdin is None or run.env.stdin_isatty:
            raise click.UsageError("no input: give FILE... or '-', or pipe text on standard input")
        paths = ["-"]
    stdin = getattr(run.env.stdin, "buffer", run.env.stdin) if run.env.stdin is not None else None
    selector = Selector(run.selection, lexicon)
    options = run.options
    # Large text files are streamed in windows when the output is record by record anyway.
    sources = iter_inputs(paths, input_format=options.get("input_format", "text"), text_field=options.get("text_field", "text"),
                          id_field=options.get("id_field", "id"), glob=options.get("glob"), stdin=stdin,
                          stream_large=run.output_format in ("jsonl", "csv", "tsv"))
    found_statements = False
    for outcome in extract_inputs(sources, lexicon=lexicon, year=options.get("year"), jobs=options.get("jobs"), strict=run.strict):
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
        if outcome.document.statements and not found_statements:
            run.with_statements += 1  # counted once per input, whichever window found them
            found_statements = True
        yield selector.apply(outcome.document)


def _guard(function):
    """Turn interrupts, broken pipes and library errors into exit codes without tracebacks."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        from .errors import DiploError

        try:
            return function(*args, **kwargs)
        except KeyboardInterrupt:
            stopped = _stop_workers()
            click.echo("diplo: interrupted", err=True)
            _exit(ExitStatus.INTERRUPTED, stopped)
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


@cli.command("statements", epilog=EPILOG_EXIT)
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
      diplo --speaker Lavrov --about-meeting corpus/ --glob '*.txt'
      diplo --explain samples/peskov-erdogan-meeting.txt
    """
    if explain and options.get("output_format") not in ("auto", "table"):
        raise click.UsageError("--explain prints an explanation for people; it cannot be combined with --format " + options["output_format"])
    run = Run(options)
    if explain:
        run.output_format = "table"
    _run_view(run, "statements", explain=explain)


@cli.command("meetings", epilog=EPILOG_EXIT)
@_common_options
@click.option("--statements", "with_statements", is_flag=True,
              help="List the statements under each meeting; in JSON and JSON Lines nest their records as statement_records.")
@_guard
def meetings_command(with_statements, **options):
    """Meetings: participants, type, status, time, place, statements about them.

    \b
    Examples:
      diplo meetings samples/peskov-erdogan-meeting.txt
      diplo meetings --statements article.txt
      diplo meetings --status held --meeting-with Turkey corpus/
      diplo meetings --format jsonl *.txt | jq .status
      diplo meetings --statements --format jsonl *.txt | jq '.statement_records[].content.text'
    """
    if with_statements and options.get("output_format") in ("csv", "tsv"):
        raise click.UsageError("--statements nests statement records in JSON; a CSV row already has the meeting's statement ids")
    _run_view(Run(options), "meetings", with_statements=with_statements)


@cli.command("speakers", epilog=EPILOG_EXIT)
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
    from . import render

    run = Run(options)
    lexicon = _build_lexicon(options.get("gazetteers", ()), options.get("rule_packs", ()), run.warning)
    with _progress(run) as advance:
        documents = []
        for document in _documents(run, lexicon):
            documents.append(document)
            advance()
    rows = render.speaker_rows(documents)
    fmt = run.output_format
    stdout = run.env.stdout
    if fmt == "table" or run.svg_console is not None:
        if rows:
            colours = render.SpeakerColours()
            run.show(lambda console, ascii_only: render.fit(render.speakers_table(rows, ascii_only, colours, documents), console), len(rows))
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


def _corpus_options(formats: tuple[str, ...], help_text: str = ""):
    """The common input, lexicon and filter options of a corpus command, with its own -f/--format (none without ``formats``)."""
    own = {"output_format", "svg", "raw_cells", "engine", "scheduler", "output_dir"}

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
    lexicon = _build_lexicon(run.options.get("gazetteers", ()), run.options.get("rule_packs", ()), run.warning)
    with _progress(run) as advance:
        for document in _documents(run, lexicon):
            yield document
            advance()


@cli.command("summary", epilog=EPILOG_EXIT)
@_corpus_options(("auto", "table", "json"), "auto: tables on a terminal, JSON otherwise.")
@_guard
def summary_command(**options):
    """Corpus summary: meetings by participants, type and status; speakers by country; a timeline.

    \b
    Examples:
      diplo summary samples/*.txt
      diplo summary --format json corpus/ | jq '.timeline'
    """
    from . import render
    from .corpus import Summary, summary_tables

    run = Run(options)
    summary = Summary()
    for document in _corpus_documents(run):
        summary.add(document.doc, render.statement_records(document), render.meeting_records(document))
    data = summary.to_dict()
    if run.output_format == "table":
        for table in summary_tables(data, run.ascii, render._table):
            run.show(lambda console, ascii_only, table=table: render.fit(table, console))
    else:
        run.env.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    run.env.stdout.flush()
    run.finish()
    sys.exit(run.exit_status())


@cli.command("events", epilog=EPILOG_EXIT)
@_corpus_options(("auto", "table", "json", "jsonl"), "auto: a table on a terminal, JSON Lines (one event a line) otherwise.")
@click.option("--records", "from_records", is_flag=True,
              help="FILES hold saved meeting records (diplo meetings --statements --format jsonl), not articles.")
@_guard
def events_command(from_records, **options):
    """Cross-document events: the meetings of many documents that are the same real event.

    \b
    Same participants (names compared without case and accents) or one set within the other (a
    report naming one side), compatible type (talks, summit and meeting are one family; a visit
    and a call are each their own), the same place or none, and overlapping normalised dates when
    both are known; two meetings of one document are never one event. Each event has a stable id
    (a hash of its key), the documents and statements that mention it, first reported / last
    updated (the documents' dates, when known) and its status history in document order.

    \b
    Examples:
      diplo events corpus/*.txt
      diplo events --input jsonl scraped.jsonl | jq -c '[.id, .status_history]'
      diplo meetings --statements --format jsonl corpus/ > meetings.jsonl; diplo events --records meetings.jsonl
    """
    from rich.text import Text

    from . import render
    from .corpus import EventGrouper, documents_from_records, status_line

    run = Run(options)
    grouper = EventGrouper()
    if from_records:
        for path in run.files or ("-",):
            try:
                stream = run.env.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115 -- closed below
            except OSError as exc:
                run.error(path, "no such file" if isinstance(exc, FileNotFoundError) else exc.strerror or str(exc))
                continue
            try:
                for doc, meetings, statements, document_date in documents_from_records(stream, lambda reason, path=path: run.error(path, reason)):
                    grouper.add(doc, meetings, statements, document_date)
                    run.read += 1
                    run.with_statements += bool(statements)
            except UnicodeDecodeError:
                run.error(path, "not UTF-8 text")
            finally:
                if stream is not run.env.stdin:
                    stream.close()
    else:
        for document in _corpus_documents(run):
            grouper.add(document.doc, render.meeting_records(document), render.statement_records(document),
                        getattr(document, "document_date", None))
    events = grouper.to_dicts()
    stdout = run.env.stdout
    if run.output_format == "table":
        def make(console, ascii_only):
            table = render._table(ascii_only, "1 event" if len(events) == 1 else f"{len(events)} events")
            for column in ("id", "participants", "type", "place", "date", "documents", "status history"):
                table.add_column(column, justify="right" if column == "documents" else "left")
            for event in events:
                table.add_row(event["id"], Text(render.safe(" – ".join(p["name"] for p in event["participants"]))), event["type"],
                              Text(render.safe(event["place"] or "")), Text(render.safe(event["date"] or "")), str(len(event["documents"])),
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


@cli.command("report", epilog=EPILOG_EXIT)
@_corpus_options(())
@click.option("-o", "--output", "output_path", type=click.Path(dir_okay=False, writable=True, allow_dash=True), default="-",
              show_default=True, metavar="FILE.html", help="Where to write the report ('-': standard output).")
@click.option("--title", default="diplo report", show_default=True, help="The report's title.")
@_guard
def report_command(output_path, title, **options):
    """A self-contained HTML report: each article with speakers, cues and contents highlighted, its
    statements and meetings tables, and links from each row to its span.

    \b
    Examples:
      diplo report samples/*.txt -o report.html
      diplo report --input jsonl scraped.jsonl -o report.html
    """
    from .report import HtmlReport

    run = Run(options)
    run.output_format = "html"
    if output_path == "-":
        stream, close = run.env.stdout, False
    else:
        stream, close = open(output_path, "w", encoding="utf-8"), True  # noqa: SIM115 -- closed below, after the documents streamed
    try:
        report = HtmlReport(stream, title)
        report.start()
        for document in _corpus_documents(run):
            report.add(document)
        report.close()
    finally:
        if close:
            stream.close()
    run.finish()
    sys.exit(run.exit_status())


@cli.command("network", epilog=EPILOG_EXIT)
@_corpus_options(("csv", "graphml"), "csv: the edge list (Gephi's Source,Target,...); graphml: nodes and edges in one file.")
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
    from . import render
    from .network import EDGE_CSV_COLUMNS, NODE_CSV_COLUMNS, Network

    if nodes_path and options["output_format"] != "csv":
        raise click.UsageError("--nodes writes the node table of --format csv; GraphML holds the nodes already")
    run = Run(options)
    network = Network()
    for document in _corpus_documents(run):
        network.add(document.doc, render.meeting_records(document))
    stdout = run.env.stdout
    if options["output_format"] == "graphml":
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


def _run_dask(run: Run) -> None:
    """--engine dask: files on shared storage extracted on a Dask cluster, written as partitioned JSON Lines."""
    options = run.options
    if not options.get("output_dir"):
        raise click.UsageError("--engine dask writes files: give --output-dir DIR")
    if not run.files:
        raise click.UsageError("--engine dask reads files the workers can see: give FILE or 'corpus/*.jsonl'")
    try:
        from distributed import Client, LocalCluster

        from .dask import run_files
    except ImportError:
        raise click.UsageError("--engine dask needs Dask: pip install 'diplo[dask]'") from None
    from .parallel import default_jobs

    input_format = "jsonl" if options.get("input_format") == "jsonl" or all(f.endswith(".jsonl") for f in run.files) else "text"
    logging.getLogger("distributed").setLevel(logging.ERROR)  # the cluster's own chatter is not diplo's to show
    cluster = None
    if options.get("scheduler"):
        client = Client(options["scheduler"])
    else:
        cluster = LocalCluster(n_workers=options.get("jobs") or default_jobs(), threads_per_worker=1, dashboard_address=":0",
                               silence_logs=logging.ERROR)
        client = Client(cluster)
    try:
        run.message(f"diplo: dask: {len(client.scheduler_info().get('workers', {}))} workers at {client.scheduler.address}")
        result = run_files(client, list(run.files), options["output_dir"], input_format=input_format,
                           text_field=options.get("text_field", "text"), id_field=options.get("id_field", "id"), year=options.get("year"),
                           gazetteers=tuple(str(Path(g).resolve()) for g in options.get("gazetteers", ())), stream=run.env.stderr)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    for error in result["errors"]:
        run.error(error["doc"], error["error"])
    run.message(f"diplo: {result['statements']} statements and {result['meetings']} meetings written to {options['output_dir']} "
                f"({result['partitions']} partitions)")
    sys.exit(run.exit_status())


def _run_view(run: Run, view: str, explain: bool = False, with_statements: bool = False) -> None:
    """Read, extract, filter and write document by document: the statements and meetings views."""
    from . import render

    if run.options.get("engine") == "dask":
        return _run_dask(run)
    lexicon = _build_lexicon(run.options.get("gazetteers", ()), run.options.get("rule_packs", ()), run.warning)
    fmt = run.output_format
    stdout = run.env.stdout
    colours = render.SpeakerColours()
    tally = render.Tally()
    json_writer = render.JsonDocumentsWriter(stdout) if fmt == "json" else None
    delimited = None
    if fmt in ("csv", "tsv"):
        columns = render.MEETING_CSV_COLUMNS if view == "meetings" else render.CSV_COLUMNS
        delimited = render.DelimitedWriter(stdout, columns, "," if fmt == "csv" else "\t", raw_cells=bool(run.options.get("raw_cells")))
    with _progress(run) as advance:
        for document in _documents(run, lexicon):
            tally.add(document)
            if run.selection.active and not (document.statements if view == "statements" else document.meetings):
                advance()
                continue  # a filter is like grep: documents with nothing left are not shown
            if fmt == "table" or run.svg_console is not None:
                shown_rows = len(document.statements) + len(document.meetings)
                if explain:
                    run.show(lambda console, ascii_only, document=document: render.explain_view(document, colours, run.several, ascii_only), shown_rows)
                else:
                    run.show(lambda console, ascii_only, document=document: render.document_view(console, document, view, colours, ascii_only, run.several, with_statements),
                             shown_rows)
            if fmt == "jsonl":
                records = render.meeting_records(document, with_statements) if view == "meetings" else render.statement_records(document)
                render.write_jsonl(records, stdout)
            elif json_writer is not None:
                record = document.to_dict()
                if view == "meetings" and with_statements:
                    record["meetings"] = list(render.meeting_records(document, nested=True))
                json_writer.write(record)
            elif delimited is not None:
                if view == "meetings":
                    delimited.write(render.flat_meeting(r) for r in render.meeting_records(document))
                else:
                    delimited.write(render.flat_statement(r) for r in render.statement_records(document))
            stdout.flush()
            advance()
    if json_writer is not None:
        json_writer.close()
    elif delimited is not None and not delimited.header_written:
        delimited.write([])
    if tally.documents > 1 and not explain:
        run.show(lambda console, ascii_only: tally.line(total=True))
    stdout.flush()
    run.finish()
    sys.exit(run.exit_status())


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
    from .config import effective_settings, load_config

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


@cli.command("eval", epilog=EPILOG_EXIT)
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("-f", "--format", "output_format", type=click.Choice(["auto", "table", "json"]), default="auto", show_default=True,
              help="A table of figures, or JSON for scripts and floors; auto is a table on a terminal and JSON otherwise.")
@click.option("--show-errors", is_flag=True, help="List misses, false alarms and mismatches with their sentence (one JSON object a line under a table).")
@click.option("--gazetteer", "gazetteers", multiple=True, type=click.Path(exists=True, dir_okay=False), help="Extra gazetteer (repeatable).")
@click.option("--rules", "rule_packs", multiple=True, type=click.Path(exists=True, dir_okay=False), metavar="FILE.toml",
              help="A rule pack to measure (repeatable).")
@_guard
def eval_command(gold, output_format, show_errors, gazetteers, rule_packs):
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
    from rich.table import Table

    from .evaluate import evaluate_file
    from .render import fit

    context = click.get_current_context(silent=True)
    env: Environment = (context.find_object(Environment) if context else None) or Environment()
    if output_format == "auto":
        output_format = "table" if env.stdout_isatty else "json"
    lexicon = _build_lexicon(gazetteers, rule_packs)
    results = {}
    reports = {}
    failed = False
    for path in gold:
        try:
            report = evaluate_file(Path(path), lexicon, show_errors)
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
            console.print(fit(table, console))
            stdout.flush()
            if show_errors:  # data for jq, never wrapped to the width
                for error in reports[path].errors:
                    stdout.write(json.dumps(error, ensure_ascii=False) + "\n")
    stdout.flush()
    if failed:
        sys.exit(ExitStatus.INPUT_FAILED)


def _figure(value: float, denominator: int) -> str:
    """A ratio for the table: ``n/a`` when it is over nothing (0/0), which is not a score of 0."""
    return f"{value:.3f}" if denominator else "n/a"


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="diplo: %(message)s")
    try:
        cli.main(prog_name="diplo", standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("diplo: interrupted", err=True)
        sys.exit(ExitStatus.INTERRUPTED)
