"""Country codes: ISO 3166-1 alpha-2 and alpha-3 and the CAMEO actor country code of each country.

They come from diplo_cli/data/countries.tsv (the one place countries are described) and let diplo's
speakers and participants join event data (ICEWS, Phoenix, GDELT) on the country. Read once, on
first use, independently of any lexicon: a country value is always one of that file's names.
"""

from __future__ import annotations

import functools

CODE_FIELDS = ("iso2", "iso3", "cameo")


@functools.cache
def _codes_by_country() -> dict[str, dict[str, str | None]]:
    from .lexicons import _data_text, read_table

    table = {}
    for _, (country, _adjectives, _places, *codes) in read_table(_data_text("countries.tsv"), "countries.tsv", 6):
        table[country] = {name: (code or None) for name, code in zip(CODE_FIELDS, codes)}
    return table


def country_codes(country: str | None) -> dict[str, str | None] | None:
    """``{"iso2", "iso3", "cameo"}`` of a country name, or None when the country is unknown or none."""
    if not country:
        return None
    codes = _codes_by_country().get(country)
    return dict(codes) if codes is not None else None
