"""Project defaults: ``[tool.diplo]`` in a ``pyproject.toml`` or a ``diplo.toml``, found upward.

From the working directory up to the root, the first directory holding a ``diplo.toml`` (whose
top level is the settings) or a ``pyproject.toml`` with a ``[tool.diplo]`` table (a
``diplo.toml`` wins in the same directory) gives the defaults::

    [tool.diplo]
    rules = ["rules/ministers.toml"]     # rule packs, relative to the file's directory
    gazetteers = ["people.tsv"]          # gazetteers, likewise
    year = 2023
    format = "csv"

An option on the command line overrides its setting. Library code: no click here; the command
line decides what counts as given.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from diplo_cli.constants import OUTPUT_FORMATS
from diplo_cli.errors import DiploError

SETTINGS = {  # setting -> (the command's option name, what it holds)
    "rules": ("rule_packs", "list of rule pack files"),
    "gazetteers": ("gazetteers", "list of gazetteer files"),
    "year": ("year", "integer year"),
    "format": ("output_format", "output format name"),
}


class ConfigError(DiploError):
    """A configuration file that cannot be used: named, with the reason."""


@dataclass
class Config:
    path: Path | None = None  # the file the settings came from, if any
    values: dict = field(default_factory=dict)  # setting -> value (paths resolved)


def find_config(start: Path | None = None) -> Path | None:
    """The nearest ``diplo.toml``, or ``pyproject.toml`` with ``[tool.diplo]``, from ``start`` upward."""
    directory = (start or Path.cwd()).resolve()
    for folder in (directory, *directory.parents):
        own = folder / "diplo.toml"
        if own.is_file():
            return own
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False  # a project's broken pyproject.toml is not diplo's to report unless it is diplo's file
    return isinstance(data.get("tool"), dict) and "diplo" in data["tool"]


def load_config(start: Path | None = None) -> Config:
    path = find_config(start)
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the configuration: {exc}") from None
    table = data if path.name == "diplo.toml" else data["tool"]["diplo"]
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.diplo] must be a table")
    return Config(path, _validated(path, table))


def _validated(path: Path, table: dict) -> dict:
    values = {}
    for key, value in table.items():
        if key not in SETTINGS:
            raise ConfigError(f"{path}: unknown setting {key!r} (known: {', '.join(SETTINGS)})")
        if key in ("rules", "gazetteers"):
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                raise ConfigError(f"{path}: {key} must be a {SETTINGS[key][1]}")
            files = []
            for item in value:
                resolved = (path.parent / item) if not Path(item).is_absolute() else Path(item)
                if not resolved.is_file():
                    raise ConfigError(f"{path}: {key}: no such file {item!r}")
                files.append(str(resolved))
            value = tuple(files)
        elif key == "year" and (isinstance(value, bool) or not isinstance(value, int)):
            raise ConfigError(f"{path}: year must be an integer year")
        elif key == "format" and value not in OUTPUT_FORMATS:
            raise ConfigError(f"{path}: format must be an output format name ({', '.join(OUTPUT_FORMATS)})")
        values[key] = value
    return values


def effective_settings(config: Config, given: dict) -> list[dict]:
    """Each setting's value and where it came from: ``command line``, the config file, or ``default``.
    ``given`` holds the settings given on the command line (absent when not given)."""
    rows = []
    for key in SETTINGS:
        if key in given:
            rows.append({"setting": key, "value": given[key], "source": "command line"})
        elif key in config.values:
            rows.append({"setting": key, "value": config.values[key], "source": str(config.path)})
        else:
            rows.append({"setting": key, "value": DEFAULTS[key], "source": "default"})
    return rows


DEFAULTS = {"rules": (), "gazetteers": (), "year": None, "format": "auto"}
