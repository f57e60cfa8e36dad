"""PySpark helpers: a column expression that cleans a string column.

    from pyspark.sql import SparkSession
    from dejunk.spark import clean_html_udf

    spark = SparkSession.builder.getOrCreate()
    df = spark.read.json("pages.jsonl")
    df.withColumn("clean", clean_html_udf()("html")).write.parquet("clean/")

The UDFs call the module-level `dejunk.clean` / `dejunk.clean_html` (one
shared default cleaner a worker process), or a `Cleaner` with the options
given. Null values stay null.
"""

from pyspark.sql.functions import udf
from pyspark.sql.types import StringType


def _make(html: bool, options: dict):
    def run(value):
        if value is None:
            return None
        import dejunk

        if options:
            cleaner = _cleaners.get(repr(sorted(options.items())))
            if cleaner is None:
                cleaner = dejunk.Cleaner(**options)
                _cleaners[repr(sorted(options.items()))] = cleaner
            return cleaner.clean_html(value) if html else cleaner.clean(value)
        return dejunk.clean_html(value) if html else dejunk.clean(value)

    return udf(run, StringType())


_cleaners: dict = {}


def clean_udf(**options):
    """A UDF cleaning a column of raw page text."""
    return _make(False, options)


def clean_html_udf(**options):
    """A UDF cleaning a column of HTML."""
    return _make(True, options)
