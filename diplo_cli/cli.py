"""The ``diplo`` command: the only module that knows argv, exit codes, colours and streams.

Exit codes (also in ``--help`` and README):
  0  success (also when no statement was found)
  1  some input failed (missing, unreadable, binary, undecodable), or a warning under --strict
  2  usage error (bad option, bad rule pack or gazetteer)
  130 interrupted (Ctrl-C)
"""

from __future__ import annotations

import enum
import json
import logging
import os
import sys
from pathlib import Path

import click

EPILOG_EXIT = """\b
Exit codes: 0 success (also with no statements), 1 some input failed,
2 usage error, 130 interrupted."""


class ExitStatus(enum.IntEnum):
    SUCCESS = 0
    INPUT_FAILED = 1
    USAGE = 2
    INTERRUPTED = 130


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
    options = [
        click.argument("files", nargs=-1, type=click.Path(dir_okay=True, allow_dash=True)),
        click.option("-f", "--format", "output_format", type=click.Choice(["auto", "table", "json", "jsonl", "csv", "tsv"]), default="auto", show_default=True,
                     help="Output format; auto is a table on a terminal and JSON Lines otherwise."),
        click.option("--input", "input_format", type=click.Choice(["text", "jsonl"]), default="text", show_default=True,
                     help="text: each file is one document; jsonl: each line is a JSON document."),
        click.option("--text-field", default="text", show_default=True, help="With --input jsonl: the field holding the text."),
        click.option("--id-field", default="id", show_default=True, help="With --input jsonl: the field carried through as `doc`."),
        click.option("--glob", default=None, help="With directories: only files whose name matches, e.g. '*.txt'."),
        click.option("--gazetteer", "gazetteers", multiple=True, type=click.Path(exists=True, dir_okay=False),
                     help="Extra people: diplo TSV or a PETRARCH/Phoenix actor or agent dictionary (repeatable)."),
        click.option("--year", type=int, default=None, help="The documents' year, to pick office holders for role nouns."),
        click.option("--color/--no-color", "color", default=None, help="Force colours on or off (NO_COLOR and FORCE_COLOR are honoured)."),
        click.option("--strict", is_flag=True, help="Treat warnings (e.g. a legacy encoding) as failures."),
        click.option("--debug", is_flag=True, help="Show the traceback of an internal error."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


@click.group(cls=DefaultGroup, epilog=EPILOG_EXIT, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="diplo", message="diplo %(version)s")
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
      diplo eval ../shared/eval/news-dev.jsonl
    """


class Run:
    """Shared state of one invocation: console, writers, counters."""

    def __init__(self, output_format: str, color: bool | None, strict: bool, debug: bool):
        from rich.console import Console

        self.stdout_tty = sys.stdout.isatty()
        self.output_format = output_format if output_format != "auto" else ("table" if self.stdout_tty else "jsonl")
        no_color = os.environ.get("NO_COLOR") is not None and os.environ.get("NO_COLOR") != ""
        force = os.environ.get("FORCE_COLOR") not in (None, "")
        if color is None:
            color = False if no_color else (True if force else None)
        self.console = Console(
            file=sys.stdout, force_terminal=color if color else None, no_color=(color is False), highlight=False,
            emoji=False, markup=False, soft_wrap=False,
        )
        self.ascii = not self.stdout_tty and not color
        self.err = click.get_text_stream("stderr")
        self.strict = strict
        self.debug = debug
        self.read = 0
        self.failed: dict[str, int] = {}
        self.warned = 0

    def error(self, doc: str, reason: str) -> None:
        click.echo(f"diplo: {doc}: {reason}", err=True)
        key = reason.split(" (")[0].split(";")[0]
        self.failed[key] = self.failed.get(key, 0) + 1

    def warning(self, message: str) -> None:
        click.echo(f"diplo: warning: {message}", err=True)
        self.warned += 1

    def summary(self, total: int) -> None:
        if total > 1 or self.failed:
            skipped = sum(self.failed.values())
            reasons = ", ".join(f"{n} {r}" for r, n in sorted(self.failed.items()))
            line = f"diplo: {self.read} documents read, {skipped} skipped" + (f" ({reasons})" if reasons else "")
            click.echo(line, err=True)

    def exit_status(self) -> int:
        if self.failed or (self.strict and self.warned):
            return ExitStatus.INPUT_FAILED
        return ExitStatus.SUCCESS


def _build_lexicon(gazetteers: tuple[str, ...]):
    from .lexicons import build_lexicon, default_lexicon

    if not gazetteers:
        return default_lexicon()
    from .gazetteer import read_gazetteer_file

    persons = []
    for path in gazetteers:
        persons.extend(read_gazetteer_file(Path(path)))
    return build_lexicon(extra_persons=persons)


def _documents(run: Run, files, input_format, text_field, id_field, glob, year, lexicon):
    """Yield extracted documents; report unreadable inputs and carry on."""
    from .inputs import iter_documents
    from .pipeline import extract

    paths = list(files)
    if not paths:
        if sys.stdin is None or sys.stdin.isatty():
            raise click.UsageError("no input: give FILE... or '-', or pipe text on standard input")
        paths = ["-"]
    stdin = sys.stdin.buffer if sys.stdin is not None else None
    for item in iter_documents(paths, input_format=input_format, text_field=text_field, id_field=id_field, glob=glob, stdin=stdin):
        if item.error is not None:
            run.error(item.doc, item.error)
            continue
        for warning in item.warnings:
            run.warning(warning)
        if run.strict and item.warnings:
            run.error(item.doc, "warning under --strict")
            continue
        try:
            document = extract(item.text, item.doc, lexicon=lexicon, year=year)
        except Exception as exc:  # an internal error must not stop the batch
            if run.debug:
                import traceback

                traceback.print_exc()
            run.error(item.doc, f"internal error: {type(exc).__name__}: {exc}")
            continue
        run.read += 1
        yield document


def _guard(function):
    """Turn interrupts, broken pipes and library errors into exit codes without tracebacks."""
    import functools

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        from .errors import DiploError

        try:
            return function(*args, **kwargs)
        except KeyboardInterrupt:
            click.echo("diplo: interrupted", err=True)
            sys.exit(ExitStatus.INTERRUPTED)
        except BrokenPipeError:
            _quiet_broken_pipe()
            sys.exit(ExitStatus.SUCCESS)
        except DiploError as exc:
            click.echo(f"diplo: {exc}", err=True)
            sys.exit(ExitStatus.USAGE)
        except OSError as exc:
            click.echo(f"diplo: cannot write output: {exc.strerror or exc}", err=True)
            sys.exit(ExitStatus.INPUT_FAILED)

    return wrapper


def _quiet_broken_pipe() -> None:
    # Python flushes stdout at exit; point it at devnull so that flush cannot fail again.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


@cli.command("statements", epilog=EPILOG_EXIT)
@_common_options
@click.option("--explain", is_flag=True, help="Per statement: the rule that fired and its sentence, marked.")
@_guard
def statements_command(files, output_format, input_format, text_field, id_field, glob, gazetteers, year, color, strict, debug, explain):
    """Attributed statements: who said what (the default command).

    \b
    Examples:
      diplo statements article.txt
      diplo article.txt --format csv > statements.csv
      diplo --input jsonl --text-field body --id-field url scraped.jsonl
      diplo --explain samples/peskov-erdogan-meeting.txt
    """
    from . import render

    run = Run(output_format, color, strict, debug)
    lexicon = _build_lexicon(gazetteers)
    documents = _documents(run, files, input_format, text_field, id_field, glob, year, lexicon)
    _write(run, documents, "statements", len(files), explain=explain)
    run.summary(len(files))
    sys.exit(run.exit_status())


@cli.command("meetings", epilog=EPILOG_EXIT)
@_common_options
@click.option("--statements", "with_statements", is_flag=True, help="List the statements under each meeting.")
@_guard
def meetings_command(files, output_format, input_format, text_field, id_field, glob, gazetteers, year, color, strict, debug, with_statements):
    """Meetings: participants, type, status, time, place, statements about them.

    \b
    Examples:
      diplo meetings samples/peskov-erdogan-meeting.txt
      diplo meetings --statements article.txt
      diplo meetings --format jsonl *.txt | jq .status
    """
    run = Run(output_format, color, strict, debug)
    lexicon = _build_lexicon(gazetteers)
    documents = _documents(run, files, input_format, text_field, id_field, glob, year, lexicon)
    _write(run, documents, "meetings", len(files), with_statements=with_statements)
    run.summary(len(files))
    sys.exit(run.exit_status())


@cli.command("speakers", epilog=EPILOG_EXIT)
@_common_options
@_guard
def speakers_command(files, output_format, input_format, text_field, id_field, glob, gazetteers, year, color, strict, debug):
    """Speakers: one row per resolved speaker, with role, country, statements and meetings.

    \b
    Examples:
      diplo speakers samples/*.txt
      diplo speakers --format csv corpus/ > speakers.csv
    """
    from . import render

    run = Run(output_format, color, strict, debug)
    lexicon = _build_lexicon(gazetteers)
    documents = list(_documents(run, files, input_format, text_field, id_field, glob, year, lexicon))
    rows = render.speaker_rows(documents)
    fmt = run.output_format
    if fmt == "table":
        run.console.print(render.speakers_table(rows, run.ascii, render.SpeakerColours()))
    elif fmt == "jsonl":
        render.write_jsonl(rows, sys.stdout)
    elif fmt == "json":
        sys.stdout.write(json.dumps({"speakers": rows}, ensure_ascii=False) + "\n")
    else:
        writer = render.DelimitedWriter(sys.stdout, ("name", "role", "country", "anonymous", "statements", "meetings"), "," if fmt == "csv" else "\t")
        writer.write({**r, "role": r["role"] or "", "country": r["country"] or "", "meetings": "; ".join(r["meetings"])} for r in rows)
    run.summary(len(files))
    sys.exit(run.exit_status())


def _write(run: Run, documents, view: str, file_count: int, explain: bool = False, with_statements: bool = False) -> None:
    from . import render

    fmt = run.output_format
    colours = render.SpeakerColours()
    json_writer = render.JsonDocumentsWriter(sys.stdout) if fmt == "json" else None
    delimited = None
    if fmt in ("csv", "tsv"):
        columns = render.MEETING_CSV_COLUMNS if view == "meetings" else render.CSV_COLUMNS
        delimited = render.DelimitedWriter(sys.stdout, columns, "," if fmt == "csv" else "\t")
    for document in documents:
        if fmt == "table":
            if explain:
                render.print_explain(run.console, document)
            else:
                render.print_document(run.console, document, view, colours, run.ascii, heading=file_count > 1 or document.doc == "-" and False, with_statements=with_statements)
        elif fmt == "jsonl":
            records = render.meeting_records(document) if view == "meetings" else render.statement_records(document)
            render.write_jsonl(records, sys.stdout)
        elif json_writer is not None:
            json_writer.write(document.to_dict())
        elif delimited is not None:
            if view == "meetings":
                delimited.write(render.flat_meeting(r) for r in render.meeting_records(document))
            else:
                delimited.write(render.flat_statement(r) for r in render.statement_records(document))
        sys.stdout.flush()
    if json_writer is not None:
        json_writer.close()
    elif delimited is not None and not delimited.header_written:
        delimited.write([])


@cli.command("eval", epilog=EPILOG_EXIT)
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("-f", "--format", "output_format", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--show-errors", is_flag=True, help="List misses, false alarms and mismatches with their sentence.")
@click.option("--gazetteer", "gazetteers", multiple=True, type=click.Path(exists=True, dir_okay=False), help="Extra gazetteer (repeatable).")
@_guard
def eval_command(gold, output_format, show_errors, gazetteers):
    """Score diplo against annotated JSON Lines (format: see README).

    \b
    Examples:
      diplo eval ../shared/eval/news-dev.jsonl
      diplo eval --format json ../shared/eval/*.jsonl
      diplo eval --show-errors ../shared/eval/news-dev-briefings.jsonl
    """
    from rich.console import Console
    from rich.table import Table

    from .evaluate import evaluate_file

    lexicon = _build_lexicon(gazetteers)
    results = {}
    reports = {}
    for path in gold:
        try:
            report = evaluate_file(Path(path), lexicon, show_errors)
        except (ValueError, OSError) as exc:
            click.echo(f"diplo: {exc}", err=True)
            sys.exit(ExitStatus.INPUT_FAILED)
        results[path] = report.to_dict()
        reports[path] = report
    if output_format == "json":
        payload = results[gold[0]] if len(gold) == 1 else results
        if show_errors:
            payload = {"figures": payload, "errors": {p: r.errors for p, r in reports.items()}}
        click.echo(json.dumps(payload, ensure_ascii=False, indent=1))
        return
    console = Console(highlight=False, markup=False)
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
                table.add_row(name, f"{value['precision']:.3f}", f"{value['recall']:.3f}", f"{value['f1']:.3f}", f"tp {value['tp']} fp {value['fp']} fn {value['fn']}")
            else:
                table.add_row(name, "", "", f"{value['accuracy']:.3f}", f"{value['right']}/{value['total']}")
        console.print(table)
        if show_errors:
            for error in reports[path].errors:
                console.print(json.dumps(error, ensure_ascii=False))


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="diplo: %(message)s")
    try:
        cli.main(prog_name="diplo", standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("diplo: interrupted", err=True)
        sys.exit(ExitStatus.INTERRUPTED)
