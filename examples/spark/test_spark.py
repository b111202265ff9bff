#!/usr/bin/env python3
"""End-to-end test of chronicle_spark.py (run by test.sh, which makes the venv).

1. Writes a synthetic corpus (make_corpus.py: $DOCS documents, 12,000 by default, deterministic
   seed, a few lines Chronicle must reject) as JSONL, and its first $PARQUET_DOCS (3,000) valid
   documents as Parquet.
2. Runs `chronicle tag --jsonl --events` directly on the JSONL and flattens its output into the
   rows the job should write.
3. Runs the Spark job in local[2] mode on the JSONL (repartitioned into 4), then on the Parquet
   copy (partitions as read).
4. Checks that every input line has exactly one `documents` row, that each table equals the
   direct run's rows (sorted), and that every rejected line has its error record.
5. Runs the job through spark-submit on the first 400 lines, the binary shipped with --files
   (found with SparkFiles.get, not $CHRONICLE), and compares the same way.
6. Checks without Spark that a chronicle that fails gives every document an error record.

Exits with status 1 on any mismatch; prints "N passed, N failed".
"""

from __future__ import annotations

import collections
import json
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import chronicle_spark as job  # noqa: E402

passed = failed = 0


def check(name: str, ok: bool, detail: str = "") -> None:
    global passed, failed
    if ok:
        passed += 1
        print(f"ok    {name}")
    else:
        failed += 1
        print(f"FAIL  {name}{': ' + detail if detail else ''}")


def sort_key(row):
    return tuple((v is None, "" if v is None else v) for v in row)


def read_table(directory: str, fields) -> list[tuple]:
    import pyarrow.parquet as pq
    names = [name for name, _ in fields]
    table = pq.read_table(directory)
    check(f"{os.path.basename(directory)}: columns", table.column_names == names,
          f"{table.column_names} != {names}")
    return sorted((tuple(row[n] for n in names) for row in table.to_pylist()), key=sort_key)


def expected_tables(corpus: str, binary: str) -> tuple[dict[str, list[tuple]], int]:
    """The rows of a direct `chronicle tag --jsonl --events` run, flattened like the job."""
    with open(corpus, encoding="utf-8") as f:
        lines = f.read().splitlines()
    result = subprocess.run([binary, "tag", "--jsonl", "--events", corpus], capture_output=True)
    tables: dict[str, list[tuple]] = collections.defaultdict(list)
    rejections = []  # (line number, reason)
    for raw in result.stdout.decode("utf-8").splitlines():
        record = json.loads(raw)
        if "error" in record:  # an error record in the line's place (newer builds)
            rejections.append((record["line"], job.strip_byte_offset(record["error"])))
            continue
        for table, row in job.flatten_record(record["id"], record):
            tables[table].append(row)
    if not rejections:  # older builds: the rejected lines only on standard error
        pattern = re.compile(r"^error: " + re.escape(corpus) + r":(\d+): (?:byte \d+: )?(.*)$")
        for raw in result.stderr.decode("utf-8").splitlines():
            match = pattern.match(raw)
            if match:
                rejections.append((int(match.group(1)), match.group(2)))
    rejected = 0
    for number, message in rejections:
        rejected += 1
        line = lines[number - 1]
        try:
            doc_id = json.loads(line).get("id")
            reason = message  # the job reports chronicle's own message
        except json.JSONDecodeError:
            doc_id, reason = None, None  # the JSON reader of Spark rejects it first: any reason
        for table, row in job.error_rows(doc_id, reason):
            tables[table].append(row)
    return {t: sorted(rows, key=sort_key) for t, rows in tables.items()}, rejected


def compare_run(label: str, output: str, expected: dict[str, list[tuple]], input_ids: list) -> None:
    got = {table: read_table(os.path.join(output, table), fields) for table, fields in job.TABLES.items()}
    documents = got["documents"]
    ids = [row[0] for row in documents]
    check(f"{label}: one documents row per input line", len(documents) == len(input_ids),
          f"{len(documents)} rows for {len(input_ids)} lines")
    check(f"{label}: every input id exactly once",
          collections.Counter(ids) == collections.Counter(input_ids),
          f"missing {sorted(set(map(str, input_ids)) - set(map(str, ids)))[:5]}, "
          f"duplicated {[i for i, n in collections.Counter(ids).items() if n > 1][:5]}")
    no_timex = sum(1 for row in documents if row[1] == "ok" and row[4] == 0)
    check(f"{label}: documents without a time expression are kept", no_timex > 0, f"{no_timex}")
    for table in ("documents", "timexes", "events", "relations"):
        want, have = expected.get(table, []), got[table]
        detail = ""
        if want != have:
            extra = [r for r in have if r not in set(want)][:2]
            missing = [r for r in want if r not in set(have)][:2]
            detail = f"{len(have)} rows, expected {len(want)}; unexpected {extra}; missing {missing}"
        check(f"{label}: {table} equal the direct run ({len(want)} rows)", want == have and len(want) > 0, detail)
    want_errors = expected.get("errors", [])
    have_errors = got["errors"]
    same_ids = sorted((r[0] or "") for r in want_errors) == sorted((r[0] or "") for r in have_errors)
    same_reasons = all(any(h[0] == w[0] and (w[1] is None or h[1] == w[1]) for h in have_errors)
                       for w in want_errors)
    check(f"{label}: errors equal the direct run ({len(want_errors)} rows)",
          same_ids and same_reasons and len(have_errors) == len(want_errors),
          f"got {have_errors[:4]}, expected {want_errors[:4]}")


def run_job(label: str, args: list[str]) -> float:
    started = time.monotonic()
    result = subprocess.run([sys.executable, os.path.join(HERE, "chronicle_spark.py"), *args],
                            capture_output=True, text=True)
    seconds = time.monotonic() - started
    summary = [l for l in result.stderr.splitlines() if l.startswith("chronicle_spark:")]
    print(f"      {label}: {seconds:.1f} s; {summary[0] if summary else '(no summary)'}")
    if result.returncode != 0:
        print(result.stderr[-4000:])
    check(f"{label}: the job exits 0", result.returncode == 0, f"status {result.returncode}")
    return seconds


def main() -> int:
    binary = os.environ.get("CHRONICLE")
    if not binary:
        binary = job.repository_binary()
    os.environ["CHRONICLE"] = os.path.abspath(binary)
    docs = int(os.environ.get("DOCS", "12000"))
    work = os.environ.get("WORK", os.path.join(HERE, ".work"))
    os.makedirs(work, exist_ok=True)
    corpus = os.path.join(work, "corpus.jsonl")
    parquet = os.path.join(work, "corpus.parquet")
    parquet_docs = int(os.environ.get("PARQUET_DOCS", "3000"))  # the Parquet run checks the format
    subprocess.run([sys.executable, os.path.join(HERE, "make_corpus.py"), "--docs", str(docs),
                    "--bad", "6", "--parquet", parquet, "--parquet-docs", str(parquet_docs), corpus], check=True)
    with open(corpus, encoding="utf-8") as f:
        lines = f.read().splitlines()
    input_ids = []
    for line in lines:
        try:
            input_ids.append(json.loads(line).get("id"))
        except json.JSONDecodeError:
            input_ids.append(None)
    print(f"      corpus: {len(lines)} lines, {os.path.getsize(corpus) / 1e6:.1f} MB")
    check("corpus: at least 10,000 documents", len(lines) >= 10000 or "DOCS" in os.environ, f"{len(lines)}")

    expected, rejected = expected_tables(corpus, binary)
    check("direct run: rejects the 6 bad lines", rejected == 6, f"{rejected}")

    run_job("spark on JSONL (local[2], repartitioned into 4)",
            ["--input", corpus, "--output", os.path.join(work, "out-jsonl"), "--master", "local[2]",
             "--partitions", "4"])
    compare_run("JSONL", os.path.join(work, "out-jsonl"), expected, input_ids)

    run_job("spark on Parquet (local[2], partitions as read)",
            ["--input", parquet, "--output", os.path.join(work, "out-parquet"), "--master", "local[2]"])
    import pyarrow.parquet as pq
    parquet_ids = pq.read_table(parquet).column("id").to_pylist()
    keep = set(parquet_ids)
    subset = {t: [r for r in rows if r[0] in keep] for t, rows in expected.items()}
    compare_run("Parquet", os.path.join(work, "out-parquet"), subset, parquet_ids)

    # The cluster path: spark-submit with the binary shipped by --files and found by SparkFiles
    # (no $CHRONICLE in the job's environment), on the first 400 lines.
    import shutil
    ship = os.path.join(work, "ship")
    os.makedirs(ship, exist_ok=True)
    shipped = os.path.join(ship, "chronicle")
    shutil.copyfile(binary, shipped)  # not executable: the job must make it so
    small = os.path.join(work, "small.jsonl")
    with open(small, "w", encoding="utf-8") as f:
        f.write("\n".join(lines[:400]) + "\n")
    venv_bin = os.path.dirname(sys.executable)
    environment = {k: v for k, v in os.environ.items() if k != "CHRONICLE"}
    environment["PATH"] = venv_bin + os.pathsep + environment.get("PATH", "")
    environment["PYSPARK_PYTHON"] = sys.executable
    started = time.monotonic()
    result = subprocess.run([os.path.join(venv_bin, "spark-submit"), "--master", "local[2]", "--files", shipped,
                             os.path.join(HERE, "chronicle_spark.py"), "--input", small,
                             "--output", os.path.join(work, "out-submit")],
                            capture_output=True, text=True, env=environment)
    print(f"      spark-submit --files (400 lines): {time.monotonic() - started:.1f} s")
    if result.returncode != 0:
        print(result.stderr[-4000:])
    check("spark-submit --files: the job exits 0", result.returncode == 0, f"status {result.returncode}")
    if result.returncode == 0:
        small_ids = input_ids[:400]
        keep = set(small_ids)
        subset = {t: [r for r in rows if r[0] in keep or (r[0] is None and None in keep)]
                  for t, rows in expected.items()}
        compare_run("spark-submit", os.path.join(work, "out-submit"), subset, small_ids)

    # A chronicle that fails: every document still gets its error record.
    rows = [{"id": f"x{n}", "text": "It rained on Monday.", "dct": "2020-01-01"} for n in range(500)]
    out = list(job.tag_partition(rows, "/bin/false", 1))
    errors = [r for t, r in out if t == "errors"]
    check("failing binary: one error record per document",
          sorted(r[0] for r in errors) == sorted(r["id"] for r in rows)
          and all("exit status 1" in r[1] for r in errors), f"{len(errors)} errors: {errors[:2]}")
    rows = [{"id": "s1", "text": "Monday \ud800 and Tuesday", "dct": "2020-01-01"},
            {"id": "s2", "text": "on Friday", "dct": "2020-01-01"}]
    out = list(job.tag_partition(rows, binary, 1))
    check("a lone surrogate: an error record for that document only, the next one tagged",
          sorted((t, r[0]) for t, r in out if t in ("errors", "timexes")) == [("errors", "s1"), ("timexes", "s2")]
          and any(t == "errors" and "UTF-8" in r[1] for t, r in out), f"{out}")
    out = list(job.tag_partition(iter([]), "/bin/false", 1))
    check("empty partition: no rows, no process", out == [])

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
