"""Country codes: ISO 3166-1 alpha-2 and alpha-3 and the CAMEO actor country code of each country.

They come from diplo_cli/data/en/countries.tsv (the one place countries are described) and let diplo's
speakers and participants join event data (ICEWS, Phoenix, GDELT) on the country. Read once, on
first use, independently of any lexicon: a country value is always one of that file's names.
"""

from __future__ import annotations

import functools

from diplo_cli.language.datafiles import data_text, read_table

CODE_FIELDS = ("iso2", "iso3", "cameo")


@functools.cache
def _codes_by_country() -> dict[str, dict[str, str | None]]:
    table = {}
    for _, (country, _adjectives, _places, *codes) in read_table(data_text("countries.tsv"), "countries.tsv", 6):
        table[country] = {name: (code or None) for name, code in zip(CODE_FIELDS, codes)}
    return table


def country_codes(country: str | None) -> dict[str, str | None] | None:
    """``{"iso2", "iso3", "cameo"}`` of a country name, or None when the country is unknown or none."""
    if not country:
        return None
    codes = _codes_by_country().get(country)
    return dict(codes) if codes is not None else None


@functools.cache
def _countries_by_code() -> dict[str, str]:
    table: dict[str, str] = {}
    for country, codes in _codes_by_country().items():
        for code in codes.values():
            if code:
                table.setdefault(code, country)
    return table


def countries_by_code() -> dict[str, str]:
    """Every code of countries.tsv (upper case) and the country it stands for: a new dict to extend."""
    return dict(_countries_by_code())


def country_of_code(code: str) -> str | None:
    """The country an ISO alpha-2 or alpha-3 or a CAMEO country code (any case) stands for, or None."""
    code = code.strip().upper()
    return _countries_by_code().get(code) if 2 <= len(code) <= 3 else None
