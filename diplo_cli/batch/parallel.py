"""Many documents on every core, in input order; large files streamed in bounded windows.

:func:`extract_inputs` turns the input documents of a run into :class:`Outcome` records in the
order the inputs came, whatever the number of worker processes (``-j N``). Work is sent to the
workers in small batches (a few dozen documents, or one window of a large file) and at most a
few batches per worker are in flight, so memory stays bounded and the first rows appear at once.
Workers get the caller's lexicon once (inherited on fork, pickled once on other platforms), never
per document. A run whose whole input fits in one batch is processed in this process: starting
workers would cost more than it saves.

Large text files (over :data:`LARGE_FILE_BYTES`) are not read into memory: they are checked for
their encoding in one pass, then decoded piece by piece and cut into windows
(:func:`diplo_cli.pipeline.stream_windows`), each window one task; the document comes out as
several parts whose ids run on and whose offsets index the whole decoded text. Deliberate limit:
standard input is always read whole.

A worker that dies (the out-of-memory killer, ``kill -9``) breaks the pool: the tasks it took down
come back as :class:`WorkerDied`, the run goes on with a new pool, and each document of those tasks
is run again alone in a fresh process; one that kills that process too is reported as
:data:`WORKER_DIED`, never dropped.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import signal
import stat
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from diplo_cli.batch.inputs import (
    InputDocument,
    RecordFields,
    display_name,
    expand_paths,
    input_kind,
    iter_documents,
    read_text_input,
)
from diplo_cli.batch.walk import WalkRules
from diplo_cli.errors import InputError, failure_message
from diplo_cli.language.loader import language_of
from diplo_cli.models import Document
from diplo_cli.pipeline import Renumbering, extract, extract_window, stream_windows
from diplo_cli.text.decode import _BOMS, decode_bytes
from diplo_cli.text.html_text import looks_like_html

LARGE_FILE_BYTES = 2 * 1024 * 1024  # text files larger than this are streamed in windows (read whole, 4 MB took 99 MB with -f json)
READ_BYTES = 1024 * 1024  # bytes read at a time from a large file
BATCH_DOCUMENTS = 16  # documents per task
BATCH_CHARS = 128 * 1024  # or fewer, when they are long
IN_FLIGHT_PER_WORKER = 4  # tasks queued per worker: enough to keep it busy, few enough to bound memory


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True, slots=True)
class LargeFile:
    """A text file to stream: its path, encoding, and the length of its byte-order mark."""

    path: str
    encoding: str
    skip: int = 0


@dataclass(frozen=True, slots=True)
class LocalFile:
    """A regular local file read whole (a text or a page) by the process that extracts it, a worker
    under ``-j N``: reading, decoding and the language check of many small files are then spread
    over the workers, and the parent sends a path instead of a text. ``size`` (from the walk's
    ``stat``) fills the batches; ``kind`` is :func:`~diplo_cli.batch.inputs.input_kind`'s."""

    path: str
    kind: str
    size: int = 0
    fields: RecordFields | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one input (or one part of a large one), in input order.

    ``document`` is None when the input was not extracted (a read error, a warning under
    ``--strict``) or when extraction failed (then ``failure`` says why and ``trace`` holds the
    traceback). ``part`` counts the parts of a streamed large file from 0.
    """

    item: InputDocument
    document: Document | None = None
    failure: str | None = None
    trace: str | None = None
    part: int = 0
    written: object = None  # what ``render`` made of the document, in its place (see extract_inputs)


# ------------------------------------------------------------------------------ inputs

def iter_inputs(paths: list[str], *, input_format: str = "auto", fields: RecordFields | None = None,
                rules: WalkRules | None = None, stdin=None, stream_large: bool = True,
                language: str = "en") -> Iterator[tuple[InputDocument, LargeFile | LocalFile | None]]:
    """The run's input documents, as :func:`diplo_cli.batch.inputs.iter_documents` gives them, except that
    a regular local text or HTML file comes as a :class:`LocalFile` to read where it is extracted, and
    (with ``stream_large``) a large plain-text file as a :class:`LargeFile` to stream, each with an
    item carrying no text. Standard input, URLs, JSON Lines and special files are read here."""
    streaming = stream_large and input_format in ("auto", "text")
    for path in expand_paths(paths, rules):
        if isinstance(path, InputError):  # an expansion error (e.g. an empty directory): reported as iter_documents would
            yield InputDocument(path.source, None, path.reason), None
            continue
        kind = input_kind(path, input_format)
        size = _regular_file_size(path) if path != "-" and kind in ("auto", "text", "html") else None
        if size is None:
            for item in iter_documents([path], input_format=input_format, fields=fields, stdin=stdin, language=language):
                yield item, None
        elif streaming and size > LARGE_FILE_BYTES:
            yield _large_file(path, input_format)
        else:
            yield InputDocument(display_name(path), None), LocalFile(path, kind, size, fields)


def _regular_file_size(path: str) -> int | None:
    """The size of a regular file; None for anything else (a FIFO, a device, a missing file)."""
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return None
    return status.st_size if stat.S_ISREG(status.st_mode) else None


def _large_file(path: str, input_format: str = "auto") -> tuple[InputDocument, LargeFile | None]:
    """A large file to stream when it is plain UTF-8 (or has a byte-order mark), checked in one pass.

    Anything :mod:`diplo_cli.text.decode` would have to guess about (a legacy code page, repaired bytes,
    UTF-16 without a mark, binary data), and under ``--input auto`` a page that opens as HTML, is
    read whole by ``iter_documents`` instead, so that it is decoded, warned about, refused or
    extracted from its HTML exactly as a small file would be.
    """
    name = display_name(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(READ_BYTES)
            for bom, encoding in _BOMS:
                if head.startswith(bom):
                    handle.seek(len(bom))
                    page = input_format == "auto" and looks_like_html(head[len(bom):].decode(encoding, "ignore"))
                    if not page and _first_decode_error(handle, encoding) is None:
                        return InputDocument(name, None), LargeFile(path, encoding, len(bom))
                    return _read_whole(path, input_format)
            line_end = head.rfind(b"\n") + 1  # a line feed byte never sits inside a UTF-8 sequence
            try:
                judged = decode_bytes(head[:line_end] if line_end else head, name)
            except InputError:
                return _read_whole(path, input_format)
            if judged.encoding != "utf-8" or judged.warnings or (input_format == "auto" and looks_like_html(judged.text)):
                return _read_whole(path, input_format)
            handle.seek(0)
            if _first_decode_error(handle, "utf-8") is not None:
                return _read_whole(path, input_format)
            return InputDocument(name, None), LargeFile(path, "utf-8")
    except OSError:
        return _read_whole(path, input_format)


def _read_whole(path: str, input_format: str) -> tuple[InputDocument, None]:
    items = list(iter_documents([path], input_format=input_format))
    return (items[0] if items else InputDocument(path, None, "no document")), None


def _first_decode_error(handle, encoding: str) -> int | None:
    """Byte offset (from the handle's position) of the first undecodable byte, or None."""
    decoder = codecs.getincrementaldecoder(encoding)()
    consumed = 0
    while True:
        block = handle.read(READ_BYTES)
        pending = len(decoder.getstate()[0])
        try:
            decoder.decode(block, final=not block)
        except UnicodeDecodeError as exc:
            return consumed - pending + exc.start
        if not block:
            return None
        consumed += len(block)


def read_text_pieces(large: LargeFile) -> Iterator[str]:
    """The decoded text of a large file, piece by piece (newlines kept exactly as read)."""
    decoder = codecs.getincrementaldecoder(large.encoding)()
    with open(large.path, "rb") as handle:
        handle.seek(large.skip)
        while True:
            block = handle.read(READ_BYTES)
            piece = decoder.decode(block, final=not block)
            if piece:
                yield piece
            if not block:
                return


# ------------------------------------------------------------------------------ extraction

@dataclass(frozen=True, slots=True)
class _Failure:
    message: str
    trace: str


@dataclass(frozen=True, slots=True)
class WorkerDied:
    """The result of a task whose worker process died (killed, out of memory) while it ran."""

    task: object


WORKER_DIED = "worker process died (killed or out of memory) in its batch and again when run alone; not extracted"


@dataclass(frozen=True, slots=True)
class _Settings:
    """What every extraction of a run is given: set in each worker by :func:`_start_worker`, and in this
    process by :func:`_use_in_this_process` when the tasks run here."""

    lexicon: object = None
    year: int | None = None
    unwrap: bool = True
    date: str | None = None
    language: str = "en"
    render: Callable | None = None


_worker = _Settings()
# A file's text above this many characters is not rendered where it is extracted: its records would
# be held in memory as one string (7 MB of JSON Lines for 4 MB of news, +22 MB peak RSS), and one
# large file gains nothing from it; it comes back as a document, written record by record.
RENDER_LIMIT = 1_000_000


def _start_worker(lexicon, year: int | None, unwrap: bool = True, date: str | None = None, language: str = "en",
                  render: Callable | None = None) -> None:
    global _worker
    # Ctrl-C is the parent's to handle: it stops the pool and exits with 130. SIGTERM and SIGHUP
    # end a worker at once (a forked worker would otherwise inherit the parent's unwinding handler).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    _worker = _Settings(lexicon, year, unwrap, date, language, render)


def _extract_or_fail(function: Callable[..., Document], *args, **kwargs) -> Document | _Failure:
    try:
        return function(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 -- one bad document must not stop the batch
        return _Failure(failure_message(exc), traceback.format_exc())


@dataclass(frozen=True, slots=True)
class _ReadThere:
    """A task's entry for a :class:`LocalFile`: read it, then extract it unless it is not wanted."""

    file: LocalFile
    strict: bool


@dataclass(frozen=True, slots=True)
class _Read:
    """The result of a :class:`_ReadThere` entry: the input as read, and its extraction (or None)."""

    item: InputDocument
    found: object


def _run_task(task):
    """In a worker: a batch of (doc, text, date) entries or local files to read, or one window of a large file."""
    kind, payload = task
    if kind == "window":
        doc, window = payload
        return _extract_or_fail(extract_window, window, doc, lexicon=_worker.lexicon, year=_worker.year, unwrap=_worker.unwrap,
                                date=_worker.date)
    results = []
    for entry in payload:
        if isinstance(entry, _ReadThere):
            item = read_text_input(entry.file.path, entry.file.kind, entry.file.fields, _worker.language)
            found = _extract_text(item.doc, item.text, None) if _wanted(item, entry.strict) else None
            if _worker.render is not None and isinstance(found, Document) and len(item.text) <= RENDER_LIMIT:
                found = _extract_or_fail(_worker.render, replace(found, text=item.text, metadata=item.metadata, source_map=item.source_map))
                item = replace(item, text=None, source_map=None)  # what the caller needs: the name, the warnings
            results.append(_Read(item, found))
            continue
        doc, text, document_date = entry
        results.append(None if text is None else _extract_text(doc, text, document_date))
    return results


def _extract_text(doc: str, text: str, document_date: str | None) -> Document | _Failure:
    result = _extract_or_fail(extract, text, doc, lexicon=_worker.lexicon, year=_worker.year, unwrap=_worker.unwrap,
                              date=_worker.date, document_date=document_date, language=_worker.language)
    # the text goes back once, with the input (or is kept by the caller), not a second time in the document
    return replace(result, text="") if isinstance(result, Document) else result


def _tasks(sources: Iterable[tuple[InputDocument, LargeFile | LocalFile | None]], strict: bool) -> Iterator[tuple[tuple, tuple]]:
    """(task for a worker, what the caller needs to turn its result into outcomes), in input order."""
    batch: list[tuple[InputDocument, LocalFile | None]] = []
    size = 0

    def flush():
        nonlocal batch, size
        task = ("docs", [_ReadThere(local, strict) if local is not None else (i.doc, i.text if _wanted(i, strict) else None, i.document_date)
                         for i, local in batch])
        meta = ("docs", [i for i, _ in batch])
        batch, size = [], 0
        return task, meta

    for item, source in sources:
        if isinstance(source, LargeFile) and _wanted(item, strict):
            if batch:
                yield flush()
            for part, window in enumerate(stream_windows(read_text_pieces(source))):
                yield ("window", (item.doc, window)), ("window", (item, part))
            continue
        local = source if isinstance(source, LocalFile) else None
        batch.append((item, local))
        size += local.size if local is not None else len(item.text or "")
        if len(batch) >= BATCH_DOCUMENTS or size >= BATCH_CHARS:
            yield flush()
    if batch:
        yield flush()


def _wanted(item: InputDocument, strict: bool) -> bool:
    return item.error is None and not (strict and item.warnings)


def extract_inputs(sources: Iterable[tuple[InputDocument, LargeFile | LocalFile | None]], *, lexicon, year: int | None = None,
                   jobs: int | None = None, strict: bool = False, unwrap: bool = True, date: str | None = None,
                   language: str = "en", render: Callable | None = None) -> Iterator[Outcome]:
    """Extract every input in ``jobs`` processes (default: all cores); outcomes in input order.

    Inputs with a read error, or with warnings under ``strict``, are passed through unextracted.
    ``language`` is :func:`~diplo_cli.pipeline.extract`'s; large files are streamed in windows only
    for English (the sources decide: see :func:`iter_inputs`' ``stream_large``).

    ``render`` (a picklable function of a whole :class:`Document`), when given, is applied where a
    :class:`LocalFile` is extracted: its outcome then holds ``written``, what ``render`` returned, in
    place of the document (and its item no text), so that the document does not cross the pipe.
    """
    jobs = default_jobs() if jobs is None or jobs < 1 else jobs
    if jobs > 1 and lexicon is not None and language == "en":
        # The stage objects built (or read from the language cache) once, here: forked workers
        # inherit them, spawned ones receive them built, instead of each worker building its own
        # (and, on a miss of the cache, each storing it).
        language_of(lexicon)
    numbering = Renumbering()
    worker_args = (lexicon, year, unwrap, date, language, render)
    results = ordered_map(_run_task, _tasks(sources, strict), jobs, _start_worker, worker_args, inline=_use_in_this_process,
                          warm_up=_warm_up)
    for (kind, meta), result in results:
        if isinstance(result, WorkerDied):
            result = _run_again_alone(result.task, worker_args)
        if kind == "docs":
            for item, found in zip(meta, result):
                if isinstance(found, _Read):  # a local file read where it was extracted
                    item, found = found.item, found.found
                yield _outcome(item, found, 0)
            continue
        item, part = meta
        if part == 0:
            numbering = Renumbering()  # ids start again with each large file
        if isinstance(result, Document):
            result = numbering.next(result)
        yield _outcome(item, result, part)


def _run_again_alone(task, worker_args: tuple):
    """The result of a task whose worker died, each document run again in a fresh process of its
    own: a document that was only a bystander in the dead worker's batch comes out as usual, the one
    that kills its worker again is reported as lost."""
    kind, payload = task
    if kind == "window":
        result = run_in_fresh_process(_run_task, task, _start_worker, worker_args)
        return _Failure(WORKER_DIED, "") if isinstance(result, WorkerDied) else result
    results = []
    for entry in payload:
        unwanted = not isinstance(entry, _ReadThere) and entry[1] is None
        result = None if unwanted else run_in_fresh_process(_run_task, ("docs", [entry]), _start_worker, worker_args)
        results.append(_Failure(WORKER_DIED, "") if isinstance(result, WorkerDied) else result and result[0])
    return results


def _start_method() -> str:
    import multiprocessing

    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


def run_in_fresh_process(function, task, initializer, initargs):
    """``function(task)`` in a new process; :class:`WorkerDied` when that process dies first."""
    import multiprocessing

    context = multiprocessing.get_context(_start_method())
    receiving, sending = context.Pipe(duplex=False)
    process = context.Process(target=_run_and_send, args=(sending, function, task, initializer, initargs), daemon=True)
    process.start()
    sending.close()
    try:
        result = receiving.recv()
    except EOFError:
        result = WorkerDied(task)
    except BaseException:  # Ctrl-C or a stop signal: do not wait for the document
        process.terminate()
        raise
    finally:
        receiving.close()
        process.join()
    return result


def _run_and_send(sending, function, task, initializer, initargs) -> None:
    initializer(*initargs)
    sending.send(function(task))
    sending.close()


def _outcome(item: InputDocument, found, part: int) -> Outcome:
    if isinstance(found, _Failure):
        return Outcome(item, None, found.message, found.trace, part)
    if found is not None and not isinstance(found, Document):  # written by render
        return Outcome(item, None, part=part, written=found)
    if isinstance(found, Document) and part == 0 and item.text is not None:
        found = replace(found, text=item.text, metadata=item.metadata, source_map=item.source_map)
    return Outcome(item, found, part=part)


def ordered_map(function, tasks: Iterable[tuple[object, object]], jobs: int, initializer=None, initargs=(),
                inline: Callable | None = None, warm_up: Callable | None = None) -> Iterator[tuple[object, object]]:
    """``(meta, function(task))`` for each ``(task, meta)``, in order, on ``jobs`` worker processes.

    With one job, or when all tasks fit in the first one, everything runs in this process, inside
    the context manager ``inline(*initargs)`` when given (the workers' initializer is not run here).
    Before workers are forked, ``warm_up(*initargs)`` runs here when given: what it compiles, each
    worker inherits instead of compiling it again.
    """
    tasks = iter(tasks)
    first = next(tasks, None)
    if first is None:
        return
    second = next(tasks, None)
    if jobs <= 1 or second is None:
        with inline(*initargs) if inline is not None else contextlib.nullcontext():
            for task, meta in _chain(first, second, tasks):
                yield meta, function(task)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    def new_pool():
        return ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context(_start_method()), initializer=initializer, initargs=initargs)

    def result_of(meta, task, future):
        try:
            return meta, future.result()
        except BrokenProcessPool:  # a worker died: this task's result is lost, the caller decides
            return meta, WorkerDied(task)

    if warm_up is not None and _start_method() == "fork":
        warm_up(*initargs)
    pool = new_pool()
    pending: deque = deque()
    try:
        for task, meta in _chain(first, second, tasks):
            try:
                future = pool.submit(function, task)
            except BrokenProcessPool:  # the pool broke since the last submit: go on with a new one
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool()
                future = pool.submit(function, task)
            pending.append((meta, task, future))
            while len(pending) >= jobs * IN_FLIGHT_PER_WORKER:
                yield result_of(*pending.popleft())
        while pending:
            yield result_of(*pending.popleft())
    finally:
        # on an early exit (Ctrl-C, a closed pipe) queued work is dropped, not waited for
        pool.shutdown(wait=not pending, cancel_futures=True)


WARM_UP_TEXT = "The ministers met in Paris on Monday, he said."


def _warm_up(lexicon, year, unwrap=True, date=None, language="en", render=None) -> None:
    """Compile the English stages' rules (on first use, some tenths of a second) in the parent, before the
    workers are forked: they share the compiled rules instead of each compiling them again."""
    if language == "en":
        with contextlib.suppress(Exception):  # a warm-up only: a failure here is the first document's to report
            extract(WARM_UP_TEXT, lexicon=lexicon, year=year, unwrap=unwrap)


@contextlib.contextmanager
def _use_in_this_process(lexicon, year, unwrap=True, date=None, language="en", render=None):
    global _worker
    saved, _worker = _worker, _Settings(lexicon, year, unwrap, date, language, render)
    try:
        yield
    finally:
        _worker = saved


def _chain(first, second, rest):
    yield first
    if second is not None:
        yield second
        yield from rest
