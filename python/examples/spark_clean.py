#!/usr/bin/env python3
"""Clean a JSONL or Parquet dataset of pages with PySpark.

    python examples/spark_clean.py INPUT OUTPUT [--column html|text] [--master local[*]]

INPUT is a JSONL file/directory (*.json, *.jsonl, *.gz) or a Parquet
directory; OUTPUT is written as Parquet with a `clean` column added.
"""
import argparse
import os
import sys

from pyspark.sql import SparkSession

from dejunk.spark import clean_html_udf, clean_udf


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--column", default="html", choices=["html", "text"])
    ap.add_argument("--master", default="local[*]")
    a = ap.parse_args()
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = SparkSession.builder.master(a.master).appName("dejunk").getOrCreate()
    reader = spark.read.parquet if a.input.rstrip("/").endswith("parquet") else spark.read.json
    df = reader(a.input)
    udf = clean_html_udf() if a.column == "html" else clean_udf()
    df.withColumn("clean", udf(a.column)).write.mode("overwrite").parquet(a.output)
    spark.stop()


if __name__ == "__main__":
    main()
