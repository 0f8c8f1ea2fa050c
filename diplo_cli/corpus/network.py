"""Who met whom: meeting participants as nodes, meetings as edges, for Gephi and networkx.

A node is a participant (person or country), keyed by its :func:`name_key`, with its country and
country codes. An edge joins two participants of a meeting; meetings of the same pair with the same
type, status and date are one edge whose ``meetings`` counts them and ``documents`` counts the
documents reporting them. A meeting of three joins each pair. Documents are added one at a time
and only nodes and edges are kept.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import IO
from xml.sax.saxutils import escape, quoteattr

import regex

from diplo_cli.corpus.events import meeting_date
from diplo_cli.language.codes import CODE_FIELDS, country_codes
from diplo_cli.language.lexicons import name_key

NODE_FIELDS = ("label", "country", *CODE_FIELDS, "meetings")
EDGE_FIELDS = ("type", "status", "date", "meetings", "documents")
# Gephi reads these headers: Source/Target/Type(= Undirected)/Weight, Id/Label for nodes.
EDGE_CSV_COLUMNS = ("Source", "Target", "Type", "Weight", "meeting_type", "status", "date", "meetings", "documents")
NODE_CSV_COLUMNS = ("Id", "Label", "country", *CODE_FIELDS, "meetings")
# Characters XML 1.0 does not allow at all (not even escaped): C0 controls but tab, LF and CR, and noncharacters.
_NOT_XML = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class Network:
    def __init__(self) -> None:
        self.nodes: dict[str, dict] = {}
        self.edges: dict[tuple[str, str, str, str, str], dict] = {}

    def add(self, doc: str, meetings: Iterable[dict]) -> None:
        for meeting in meetings:
            ids = []
            for participant in meeting.get("participants") or ():
                node_id = name_key(participant["name"])
                if node_id in ids:
                    continue
                node = self.nodes.get(node_id)
                if node is None:
                    codes = participant.get("country_codes") or country_codes(participant.get("country")) or {}
                    node = self.nodes[node_id] = {"label": participant["name"], "country": participant.get("country") or "",
                                                  **{code: codes.get(code) or "" for code in CODE_FIELDS}, "meetings": 0}
                node["meetings"] += 1
                ids.append(node_id)
            for source, target in itertools.combinations(sorted(ids), 2):
                key = (source, target, meeting["type"], meeting["status"], meeting_date(meeting))
                edge = self.edges.get(key)
                if edge is None:
                    edge = self.edges[key] = {"meetings": 0, "documents": 0, "last_doc": None}
                edge["meetings"] += 1
                if edge["last_doc"] != doc:  # documents arrive one after another: a new one is counted once
                    edge["documents"] += 1
                    edge["last_doc"] = doc

    def node_rows(self) -> list[dict]:
        return [{"Id": node_id, "Label": node["label"], "country": node["country"], **{c: node[c] for c in CODE_FIELDS},
                 "meetings": node["meetings"]} for node_id, node in sorted(self.nodes.items())]

    def edge_rows(self) -> list[dict]:
        return [{"Source": source, "Target": target, "Type": "Undirected", "Weight": edge["meetings"], "meeting_type": mtype,
                 "status": status, "date": date, "meetings": edge["meetings"], "documents": edge["documents"]}
                for (source, target, mtype, status, date), edge in sorted(self.edges.items())]

    def write_graphml(self, stream: IO[str]) -> None:
        """GraphML 1.0, undirected, one ``key`` per attribute (all strings but the counts)."""
        stream.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                     '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
                     'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                     'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
        for field in NODE_FIELDS:
            kind = "int" if field == "meetings" else "string"
            stream.write(f'  <key id="n_{field}" for="node" attr.name="{field}" attr.type="{kind}"/>\n')
        for field in EDGE_FIELDS:
            kind = "int" if field in ("meetings", "documents") else "string"
            stream.write(f'  <key id="e_{field}" for="edge" attr.name="{field}" attr.type="{kind}"/>\n')
        stream.write('  <graph id="meetings" edgedefault="undirected">\n')
        for row in self.node_rows():
            stream.write(f"    <node id={_attr(row['Id'])}>\n")
            for field, value in (("label", row["Label"]), ("country", row["country"]), *((c, row[c]) for c in CODE_FIELDS),
                                 ("meetings", row["meetings"])):
                stream.write(f'      <data key="n_{field}">{_text(value)}</data>\n')
            stream.write("    </node>\n")
        for number, row in enumerate(self.edge_rows(), 1):
            stream.write(f'    <edge id="e{number}" source={_attr(row["Source"])} target={_attr(row["Target"])}>\n')
            for field, value in (("type", row["meeting_type"]), ("status", row["status"]), ("date", row["date"]),
                                 ("meetings", row["meetings"]), ("documents", row["documents"])):
                stream.write(f'      <data key="e_{field}">{_text(value)}</data>\n')
            stream.write("    </edge>\n")
        stream.write("  </graph>\n</graphml>\n")


def _text(value) -> str:
    return escape(_NOT_XML.sub("\ufffd", str(value)))


def _attr(value) -> str:
    return quoteattr(_NOT_XML.sub("\ufffd", str(value)))
