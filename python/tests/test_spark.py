"""A PySpark job in local mode cleans a small dataset with the UDFs; the
result matches `dejunk.clean` / `dejunk.clean_html` called directly."""

import json
import os
import pathlib
import sys

import pytest

import dejunk

# Skipped without PySpark, unless DEJUNK_TEST_ALL is set (CI sets it, so
# there a missing package fails instead).
if not os.environ.get("DEJUNK_TEST_ALL"):
    pytest.importorskip("pyspark", reason="PySpark is not installed (pip install pyspark)")

SEEDS = pathlib.Path(__file__).resolve().parents[2] / "tests" / "seeds"


@pytest.fixture(scope="module")
def spark():
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    session = (SparkSession.builder.master("local[2]").appName("dejunk-test")
               .config("spark.ui.enabled", "false")
               .config("spark.sql.shuffle.partitions", "2")
               .getOrCreate())
    yield session
    session.stop()


def test_spark_job_matches_the_direct_call(spark, tmp_path):
    from dejunk.spark import clean_html_udf, clean_udf

    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    rows = []
    for i in range(40):
        text = texts[i % len(texts)]
        html = "".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())
        rows.append({"id": i, "text": text, "html": html if i % 7 else None})
    path = tmp_path / "pages.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")

    df = spark.read.json(str(path)).repartition(4)
    out = (df.withColumn("clean", clean_udf()("text"))
             .withColumn("clean_html", clean_html_udf()("html"))
             .withColumn("strict", clean_udf(threshold=0.9)("text"))
             .orderBy("id").collect())
    assert len(out) == 40
    strict = dejunk.Cleaner(threshold=0.9)
    for row, src in zip(out, rows):
        assert row["id"] == src["id"]
        assert row["clean"] == dejunk.clean(src["text"])
        assert row["strict"] == strict.clean(src["text"])
        if src["html"] is None:
            assert row["clean_html"] is None
        else:
            assert row["clean_html"] == dejunk.clean_html(src["html"])
