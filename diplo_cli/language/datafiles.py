"""Reading the data files of ``diplo_cli/data/<language>/``: one folder per language.

The formats are small on purpose: tab-separated tables and one-entry-a-line lists, ``#`` comments and
blank lines skipped. A malformed line raises :class:`RuleError` naming the file and the line.
"""

from __future__ import annotations

from importlib import resources

from diplo_cli.errors import RuleError

DATA_PACKAGE = "diplo_cli.data"


def data_text(name: str, language: str = "en") -> str:
    """A data file of ``language``'s folder (``data/<language>/``): each language is one folder."""
    return resources.files(DATA_PACKAGE).joinpath(language).joinpath(name).read_text(encoding="utf-8")


STATEMENT_TABLE = "statements.toml"  # data/<lang>/rules/statements.toml: a pattern language's rules


def known_languages() -> list[str]:
    """The languages diplo has data for: the folders of ``data/``."""
    return sorted(entry.name for entry in resources.files(DATA_PACKAGE).iterdir()
                  if entry.is_dir() and not entry.name.startswith(("_", ".")))


def has_statement_rules(language: str) -> bool:
    """Is ``language`` a pattern language (its folder holds ``rules/statements.toml``)?"""
    return resources.files(DATA_PACKAGE).joinpath(language).joinpath("rules").joinpath(STATEMENT_TABLE).is_file()


def languages() -> tuple[str, ...]:
    """The language codes ``extract(language=...)``, ``load_language`` and ``--lang`` take: ``en`` (the
    English stages) and every folder of ``data/`` with a statement rule table."""
    return tuple(code for code in known_languages() if code == "en" or has_statement_rules(code))


def check_language(language: str) -> str:
    """``language`` when diplo reads it, else a ValueError naming the languages it reads."""
    if language not in languages():
        raise ValueError(f"unknown language {language!r} (available: {', '.join(languages())})")
    return language


def read_table(text: str, source: str, columns: int, min_columns: int | None = None,
               problems: list[str] | None = None) -> list[tuple[int, list[str]]]:
    """Rows of a tab-separated file as (line number, cells); ``#`` lines and blank lines skipped.

    A malformed row raises :class:`RuleError`; with a ``problems`` list it is recorded there
    (``FILE:LINE: problem``) and skipped, so that every problem of a file can be reported at once."""
    rows: list[tuple[int, list[str]]] = []
    minimum = columns if min_columns is None else min_columns
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in line.rstrip("\r\n").split("\t")]
        problem = None
        if not minimum <= len(cells) <= columns:
            problem = f"{source}:{number}: expected {columns} tab-separated columns, found {len(cells)}"
        elif not cells[0]:
            problem = f"{source}:{number}: the first column is empty"
        if problem is not None:
            if problems is None:
                raise RuleError(problem)
            problems.append(problem)
            continue
        cells += [""] * (columns - len(cells))
        rows.append((number, cells))
    return rows


def read_list(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def split_bar(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]
