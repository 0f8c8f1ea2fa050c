"""The rule machinery shared by every stage: rule tables read from data, and the trace of decisions.

A rule is a record in a language's data folder (``data/<lang>/rules/<stage>.toml``): an id, what
it does (``kind``), a one-line why, and examples that run as tests. A stage names the rule of each
decision it takes when a :class:`Trace` is given, so ``diplo explain`` can show why a candidate was
built, trimmed, relaxed or vetoed.
"""

from diplo_cli.rules.table import RULE_KINDS, Example, RuleRecord, can_switch_off, load_rule_tables, parse_rule_table
from diplo_cli.rules.trace import Trace, TraceEvent

__all__ = ["RULE_KINDS", "Example", "RuleRecord", "Trace", "TraceEvent", "can_switch_off", "load_rule_tables", "parse_rule_table"]
