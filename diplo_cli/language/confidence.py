"""A confidence (0-1) for each statement: the base of its rule family, lowered for every check
that was relaxed to find it and for a speaker left as an unresolved pronoun.

The numbers live in data/en/confidence.toml; README "Confidence" documents them. Deliberate limit:
the bases are per rule family, measured on the dev sets, not a trained model.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass

from diplo_cli.errors import RuleError
from diplo_cli.language.datafiles import data_text
from diplo_cli.language.lexicons import Lexicon
from diplo_cli.models import Attribution, Speaker


@dataclass(frozen=True)
class ConfidenceTable:
    base: dict[str, float]
    relaxed: dict[str, float]
    speaker: dict[str, float]

    @classmethod
    def build(cls, lexicon: Lexicon | None = None) -> ConfidenceTable:
        data = tomllib.loads(data_text("confidence.toml"))
        for section in ("base", "relaxed", "speaker"):
            values = data.get(section, {})
            if not all(isinstance(v, (int, float)) and 0 <= v <= 1 for v in values.values()):
                raise RuleError(f"confidence.toml: every value of [{section}] must be a number from 0 to 1")
        return cls(dict(data["base"]), dict(data["relaxed"]), dict(data["speaker"]))

    def rule_base(self, rule: str) -> float:
        parts = rule.split(".")
        for length in range(len(parts), 0, -1):
            value = self.base.get(".".join(parts[:length]))
            if value is not None:
                return value
        return self.base.get("attribution", 0.8)

    def score(self, attribution: Attribution, speaker: Speaker) -> float:
        value = self.rule_base(attribution.rule)
        for check in attribution.relaxed:
            value *= self.relaxed.get(check, 0.8)
        if speaker.mention_kind == "pronoun" and speaker.name == speaker.mention.text:
            value *= self.speaker["unresolved_pronoun"]
        return round(value, 2)
