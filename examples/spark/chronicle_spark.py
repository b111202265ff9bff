#!/usr/bin/env python3
"""Tag a corpus with Chronicle on Apache Spark.

Reads a JSONL or Parquet corpus with the fields/columns ``id``, ``text`` and ``dct``
(``YYYY-MM-DD``, optional), runs ``chronicle tag --jsonl --events`` once per partition as a
child process (input streamed to its standard input by a thread, output read line by line),
and writes Parquet tables under OUTPUT:

* ``documents/``  one row per input document (or malformed input line): doc_id, status
                  (``ok`` or ``error``), dct, dct_source, counts, warnings as JSON;
* ``timexes/``    one row per TIMEX3: doc_id, timex_id, start, end, text, type, value, mod,
                  freq, quant, anchor_kind, anchor_id, anchor_value, year_inference (JSON);
* ``events/``     one row per event: doc_id, event_id, instance, start, end, text, lemma,
                  class, tense, aspect, polarity, modality, pos;
* ``relations/``  one row per temporal relation: doc_id, relation_id, source, target, type,
                  signal_start, signal_end;
* ``errors/``     one row per document Chronicle (or the JSON reader) rejected: doc_id, reason.

Offsets are Unicode scalar offsets into the text, as Chronicle reports them. Every input row
gets exactly one ``documents`` row, so no document is lost silently.

Usage (local mode, 2 cores)::

    python chronicle_spark.py --input corpus.jsonl --output out/
    spark-submit --files /path/to/chronicle chronicle_spark.py --input ... --output ...

The binary is, in this order: ``--chronicle PATH``; ``$CHRONICLE``; a file named ``chronicle``
shipped with ``spark-submit --files`` (found on each worker with ``SparkFiles.get``);
``chronicle`` on the workers' PATH with ``--chronicle-on-path``; otherwise the release build of
this repository (``swift build -c release --show-bin-path``), built if it is missing.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from typing import Any, Iterable, Iterator

# ----------------------------------------------------------------------------------------------
# Row layouts (shared with the test, which flattens a direct `chronicle tag --jsonl` run the same way)

DOCUMENT_FIELDS = [
    ("doc_id", "string"), ("status", "string"), ("dct", "string"), ("dct_source", "string"),
    ("n_timexes", "int"), ("n_events", "int"), ("n_relations", "int"), ("n_warnings", "int"),
    ("warnings", "string"),
]
TIMEX_FIELDS = [
    ("doc_id", "string"), ("timex_id", "string"), ("start", "int"), ("end", "int"),
    ("text", "string"), ("type", "string"), ("value", "string"), ("mod", "string"),
    ("freq", "string"), ("quant", "string"), ("anchor_kind", "string"), ("anchor_id", "string"),
    ("anchor_value", "string"), ("year_inference", "string"),
]
EVENT_FIELDS = [
    ("doc_id", "string"), ("event_id", "string"), ("instance", "string"), ("start", "int"),
    ("end", "int"), ("text", "string"), ("lemma", "string"), ("class", "string"),
    ("tense", "string"), ("aspect", "string"), ("polarity", "string"), ("modality", "string"),
    ("pos", "string"),
]
RELATION_FIELDS = [
    ("doc_id", "string"), ("relation_id", "string"), ("source", "string"), ("target", "string"),
    ("type", "string"), ("signal_start", "int"), ("signal_end", "int"),
]
ERROR_FIELDS = [("doc_id", "string"), ("reason", "string")]

TABLES = {
    "documents": DOCUMENT_FIELDS,
    "timexes": TIMEX_FIELDS,
    "events": EVENT_FIELDS,
    "relations": RELATION_FIELDS,
    "errors": ERROR_FIELDS,
}


def _json_or_none(value: Any) -> str | None:
    return None if value is None else json.dumps(value, sort_keys=True, ensure_ascii=False)


def flatten_record(doc_id: str | None, record: dict) -> Iterator[tuple[str, tuple]]:
    """The rows of one output line of `chronicle tag --jsonl --events`, as (table, row) pairs."""
    timexes = record.get("timexes") or []
    events = record.get("events") or []
    relations = record.get("relations") or []
    warnings = record.get("warnings") or []
    yield "documents", (doc_id, "ok", record.get("dct"), record.get("dctSource"), len(timexes),
                        len(events), len(relations), len(warnings), _json_or_none(warnings))
    for t in timexes:
        anchor = t.get("anchor") or {}
        yield "timexes", (doc_id, t.get("id"), t.get("start"), t.get("end"), t.get("text"),
                          t.get("type"), t.get("value"), t.get("mod"), t.get("freq"),
                          t.get("quant"), anchor.get("kind"), anchor.get("id"),
                          anchor.get("value"), _json_or_none(t.get("yearInference")))
    for e in events:
        yield "events", (doc_id, e.get("id"), e.get("instance"), e.get("start"), e.get("end"),
                         e.get("text"), e.get("lemma"), e.get("class"), e.get("tense"),
                         e.get("aspect"), e.get("polarity"), e.get("modality"), e.get("pos"))
    for r in relations:
        signal = r.get("signal") or {}
        yield "relations", (doc_id, r.get("id"), r.get("source"), r.get("target"), r.get("type"),
                            signal.get("start"), signal.get("end"))


def error_rows(doc_id: str | None, reason: str) -> Iterator[tuple[str, tuple]]:
    yield "documents", (doc_id, "error", None, None, None, None, None, None, None)
    yield "errors", (doc_id, reason)


def strip_byte_offset(reason: str) -> str:
    """Chronicle's message without its "byte N: " prefix (an offset into the line the job wrote)."""
    return re.sub(r"^byte \d+: ", "", reason)


# `chronicle tag --jsonl` writes a line it cannot tag as an error record in its place,
# {"id", "error", "input", "line"} (older builds skip it), and reports it on standard error as
# "error: <stdin>:LINE: byte N: message"; the byte offset is into the line the job wrote, not
# the user's, so the reason keeps the message only.
_ERROR_LINE = re.compile(r"^error: <stdin>:(\d+): (?:byte \d+: )?(.*)$")


def tag_partition(rows: Iterable[Any], binary: str | tuple[str, str], threads: int,
                  max_bytes: int | None = None) -> Iterator[tuple[str, tuple]]:
    """Run one `chronicle tag --jsonl --events` over the rows (objects with id, text, dct and
    _corrupt_record, e.g. pyspark Rows) and yield (table, row) pairs. The rows are streamed: a
    thread writes them to the child's standard input while this generator reads its output, so
    only the lines in flight are held in memory."""
    rows = iter(rows)
    try:
        first = next(rows)
    except StopIteration:
        return  # an empty partition: nothing to tag (chronicle rejects an empty input)
    if isinstance(binary, tuple):  # ("sparkfiles", name): resolved on the worker
        from pyspark import SparkFiles
        binary = SparkFiles.get(binary[1])
        if not os.access(binary, os.X_OK):
            os.chmod(binary, 0o755)

    command = [binary, "tag", "--jsonl", "--events", "--threads", str(threads)]
    if max_bytes:
        command += ["--max-bytes", str(max_bytes)]
    proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, bufsize=1 << 16)

    # Lines written but not answered yet, in order: (sequence number, doc id).
    pending: collections.deque[tuple[int, str | None]] = collections.deque()
    lock = threading.Lock()
    local_errors: list[tuple[str | None, str]] = []  # rejected before reaching chronicle
    stderr_errors: dict[int, str] = {}
    stderr_other: collections.deque[str] = collections.deque(maxlen=20)  # its last other messages
    failures: list[BaseException] = []

    def write_input() -> None:
        sequence = 0  # the n-th line sent is line n + 1 of chronicle's input
        broken = False
        try:
            for row in _chain(first, rows):
                corrupt = _field(row, "_corrupt_record")
                doc_id = _field(row, "id")
                if corrupt is not None:
                    local_errors.append((doc_id, "malformed input line: " + str(corrupt)[:200]))
                    continue
                line = {"id": str(sequence)}
                text = _field(row, "text")
                if text is not None:
                    line["text"] = text
                dct = _field(row, "dct")
                if dct is not None:
                    line["dct"] = str(dct)
                # A lone surrogate (possible in a JVM string) goes through as it is and chronicle
                # rejects the line ("invalid UTF-8"): an error record, not a crash.
                data = (json.dumps(line, ensure_ascii=False) + "\n").encode("utf-8", "surrogatepass")
                with lock:
                    pending.append((sequence, None if doc_id is None else str(doc_id)))
                sequence += 1
                if broken:
                    continue  # keep reading so that every row still gets its error record
                try:
                    proc.stdin.write(data)
                except (BrokenPipeError, OSError):
                    broken = True
        except BaseException as error:  # surfaced in the task, never swallowed
            failures.append(error)
        finally:
            try:
                proc.stdin.close()
            except (BrokenPipeError, OSError):
                pass

    def read_errors() -> None:
        for raw in proc.stderr:
            text = raw.decode("utf-8", "replace").rstrip("\n")
            match = _ERROR_LINE.match(text)
            if match:
                stderr_errors[int(match.group(1))] = match.group(2)
            elif text:
                stderr_other.append(text)

    writer = threading.Thread(target=write_input, daemon=True)
    errors_reader = threading.Thread(target=read_errors, daemon=True)
    writer.start()
    errors_reader.start()

    skipped: list[tuple[int, str | None]] = []
    try:
        for raw in proc.stdout:
            if not raw.strip():
                continue
            record = json.loads(raw)
            is_error = "error" in record
            if is_error and isinstance(record.get("line"), int):
                sequence = record["line"] - 1
            else:
                sequence = int(record["id"])
            while True:
                with lock:
                    next_sequence, doc_id = pending.popleft()
                if next_sequence == sequence:
                    break
                skipped.append((next_sequence, doc_id))  # chronicle wrote nothing for that line
            if is_error:  # an error record in the line's place (chronicle since ce2bb66)
                yield from error_rows(doc_id, strip_byte_offset(str(record["error"])))
            else:
                yield from flatten_record(doc_id, record)
    except BaseException:
        proc.kill()
        raise

    writer.join()
    status = proc.wait()
    errors_reader.join()
    if failures:
        raise failures[0]
    skipped.extend(pending)
    for sequence, doc_id in skipped:
        reason = stderr_errors.get(sequence + 1)
        if reason is None:
            tail = "; ".join(list(stderr_other)[-3:])
            reason = f"no output from chronicle (exit status {status}){': ' + tail if tail else ''}"
        yield from error_rows(doc_id, reason)
    for doc_id, reason in local_errors:
        yield from error_rows(doc_id, reason)


def _chain(first: Any, rest: Iterator[Any]) -> Iterator[Any]:
    yield first
    yield from rest


def _field(row: Any, name: str) -> Any:
    if isinstance(row, dict):
        return row.get(name)
    try:
        return row[name]
    except (KeyError, ValueError, IndexError):
        return None


# ----------------------------------------------------------------------------------------------
# The binary

def repository_binary() -> str:
    """The release build of this repository, built if it is missing."""
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    bin_dir = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=root,
                             check=True, capture_output=True, text=True).stdout.strip()
    path = os.path.join(bin_dir, "chronicle")
    if not os.access(path, os.X_OK):
        print("building chronicle (swift build -c release --product chronicle) ...", file=sys.stderr)
        subprocess.run(["swift", "build", "-c", "release", "--product", "chronicle"], cwd=root,
                       check=True)
    return path


def resolve_binary(args: argparse.Namespace, spark_files: list[str]) -> str | tuple[str, str]:
    if args.chronicle:
        return os.path.abspath(args.chronicle)
    if os.environ.get("CHRONICLE"):
        return os.path.abspath(os.environ["CHRONICLE"])
    if any(os.path.basename(f.split("#")[0]) == "chronicle" for f in spark_files):
        return ("sparkfiles", "chronicle")
    if args.chronicle_on_path:
        found = shutil.which("chronicle")
        return found or "chronicle"
    return repository_binary()


# ----------------------------------------------------------------------------------------------
# The job

def spark_schema(fields):
    from pyspark.sql import types as T
    kinds = {"string": T.StringType(), "int": T.IntegerType()}
    return T.StructType([T.StructField(name, kinds[kind], True) for name, kind in fields])


def read_corpus(spark, path: str, fmt: str):
    from pyspark.sql import functions as F
    from pyspark.sql import types as T
    if fmt == "auto":
        fmt = "parquet" if path.rstrip("/").endswith(".parquet") or (
            os.path.isdir(path) and any(n.endswith(".parquet") for n in os.listdir(path))) else "jsonl"
    if fmt == "parquet":
        frame = spark.read.parquet(path)
        columns = set(frame.columns)
        for needed in ("id", "text"):
            if needed not in columns:
                raise SystemExit(f"error: {path} has no '{needed}' column")
        dct = F.col("dct").cast("string") if "dct" in columns else F.lit(None).cast("string")
        return frame.select(F.col("id").cast("string").alias("id"), F.col("text").cast("string").alias("text"),
                            dct.alias("dct"), F.lit(None).cast("string").alias("_corrupt_record"))
    schema = T.StructType([
        T.StructField("id", T.StringType()), T.StructField("text", T.StringType()),
        T.StructField("dct", T.StringType()), T.StructField("_corrupt_record", T.StringType()),
    ])
    return spark.read.schema(schema).option("mode", "PERMISSIVE") \
        .option("columnNameOfCorruptRecord", "_corrupt_record").json(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", required=True, help="JSONL file/directory or Parquet path")
    parser.add_argument("--format", choices=["auto", "jsonl", "parquet"], default="auto")
    parser.add_argument("--output", required=True, help="output directory (Parquet tables)")
    parser.add_argument("--master", default=None,
                        help="Spark master (default: local[2], or what spark-submit set)")
    parser.add_argument("--partitions", type=int, default=0,
                        help="repartition the corpus into N partitions (default: as read, or one per "
                             "core when it is read as fewer)")
    parser.add_argument("--threads", type=int, default=1,
                        help="threads of each chronicle process (default 1: Spark runs one task per core)")
    parser.add_argument("--chronicle", default=None, help="path of the chronicle binary")
    parser.add_argument("--chronicle-on-path", action="store_true",
                        help="use 'chronicle' from the workers' PATH")
    parser.add_argument("--max-bytes", type=int, default=None,
                        help="passed to chronicle: longer documents become error records")
    args = parser.parse_args(argv)

    from pyspark import StorageLevel
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("chronicle-tag")
    if args.master:
        builder = builder.master(args.master)
    elif not os.environ.get("PYSPARK_GATEWAY_PORT"):
        # Started with python, not spark-submit (which starts the JVM first and sets its master):
        # local mode on 2 cores.
        builder = builder.master("local[2]")
    spark = builder.config("spark.ui.enabled", "false").getOrCreate()
    sc = spark.sparkContext
    spark_files = [f for f in (sc.getConf().get("spark.files", "") or "").split(",") if f]
    binary = resolve_binary(args, spark_files)
    threads, max_bytes = args.threads, args.max_bytes

    corpus = read_corpus(spark, args.input, args.format)
    if args.partitions > 0:
        corpus = corpus.repartition(args.partitions)
    elif corpus.rdd.getNumPartitions() < sc.defaultParallelism:
        corpus = corpus.repartition(sc.defaultParallelism)  # a small file is read as one partition

    # One pass through Python: each (table, row) pair becomes a row of one wide DataFrame with a
    # struct column per table (only that table's is set); it is cached in the JVM and each table
    # is then selected and written without going back to Python.
    names = list(TABLES)

    def wide(pairs):
        for table, row in pairs:
            cells = [None] * len(names)
            cells[names.index(table)] = row
            yield (table, *cells)

    tagged = corpus.rdd.mapPartitions(lambda rows: wide(tag_partition(rows, binary, threads, max_bytes)))
    from pyspark.sql import types as T
    schema = T.StructType([T.StructField("table", T.StringType(), False)] +
                          [T.StructField(name, spark_schema(TABLES[name]), True) for name in names])
    frame = spark.createDataFrame(tagged, schema).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        for table in names:
            frame.where(frame["table"] == table).select(f"{table}.*").write.mode("overwrite") \
                .parquet(os.path.join(args.output, table))
        counts = {row["table"]: row["count"] for row in frame.groupBy("table").count().collect()}
    finally:
        frame.unpersist()
    summary = {table: counts.get(table, 0) for table in TABLES}
    print("chronicle_spark: " + ", ".join(f"{n} {t}" for t, n in summary.items()), file=sys.stderr)
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
