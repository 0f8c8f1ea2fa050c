"""The README's Spark recipe on a local Spark session gives the CLI's records (skipped without pyspark)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("pyspark")

from pyspark.sql import SparkSession

from diplo_cli.batch.records import extract_records, is_statement
from diplo_cli.cli import cli

ROOT = Path(__file__).resolve().parent.parent


def test_map_partitions_over_a_dataframe_of_articles_gives_the_cli_records(tmp_path):
    documents = [{"id": p.name, "text": p.read_text(encoding="utf-8")} for p in sorted((ROOT / "samples").glob("*.txt"))]
    spark = SparkSession.builder.master("local[2]").appName("diplo-test").getOrCreate()
    try:
        articles = spark.createDataFrame(documents).repartition(1)
        # the recipe of README "Distributed (Dask, Spark)"
        records = articles.rdd.mapPartitions(lambda rows: extract_records(row.asDict() for row in rows))
        statements = [r for r in records.collect() if is_statement(r)]
    finally:
        spark.stop()
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents), encoding="utf-8")
    result = CliRunner().invoke(cli, ["--format", "jsonl", "--input", "jsonl", "-j", "1", str(path)])
    assert result.exit_code == 0
    assert statements == [json.loads(line) for line in result.stdout.splitlines()]
