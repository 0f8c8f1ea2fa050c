"""The closed sets of values diplo writes and reads: each defined here once, imported wherever listed.

This module imports nothing, so that the command line can offer them in ``--help`` without loading
the extraction stages.
"""

STATEMENT_KINDS = ("direct", "indirect", "mixed", "according_to", "turn")  # "turn" only with --turns
MEETING_TYPES = ("meeting", "visit", "summit", "talks", "call", "other")
MEETING_STATUSES = ("held", "planned", "proposed", "denied", "cancelled", "unknown")
RECORD_FORMATS = ("auto", "table", "json", "jsonl", "csv", "tsv")  # statements, meetings, speakers
OUTPUT_FORMATS = (*RECORD_FORMATS, "graphml")  # every command's formats together (a configuration's `format`)
