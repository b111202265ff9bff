#!/usr/bin/env python3
"""Write a synthetic JSONL corpus for the Spark example (and its Parquet copy with --parquet).

Every sentence comes from the templates below, filled from small word lists with a seeded
random generator, so the corpus is the same on every run (same --seed, same --docs). A few
documents have no time expression at all, a few have no dct, and --bad N adds N lines that
Chronicle must reject (an impossible dct, a line that is not JSON), so that the error records
are exercised too.

    python make_corpus.py --docs 12000 --seed 13 --bad 5 corpus.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random

PEOPLE = ["the mayor", "Ms. Okafor", "the committee", "Dr. Lindqvist", "the union", "Mr. Tanaka",
          "the ministry", "the council", "a spokeswoman", "the coach", "the company", "the court"]
VERBS_PAST = ["announced", "approved", "rejected", "postponed", "signed", "opened", "closed",
              "reviewed", "confirmed", "cancelled"]
THINGS = ["the budget", "the new bridge", "a trade agreement", "the stadium plan", "the audit",
          "the school reform", "a water project", "the merger", "the inquiry", "the festival"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
RELATIVE = ["yesterday", "today", "tomorrow", "last week", "next month", "this year",
            "two days ago", "last Friday", "next Tuesday", "earlier this month", "last year",
            "three weeks from now", "this morning", "tonight", "the day before"]
DURATIONS = ["two hours", "three days", "a week", "six months", "ten years", "45 minutes",
             "several weeks", "a fortnight", "four years", "90 days"]
SETS = ["every Monday", "each year", "twice a week", "every morning", "daily", "monthly"]
TIMES = ["9 a.m.", "noon", "3:30 p.m.", "midnight", "10:15", "7 in the evening"]
PLAIN = ["The report runs to forty pages and lists every supplier.",
         "Residents said they were pleased with the outcome.",
         "Nobody answered the phone at the office.",
         "The vote was close, and the debate was heated.",
         "Critics called the proposal vague and expensive."]


def date_phrase(rng: random.Random, year: int) -> str:
    month = rng.randrange(12)
    day = rng.randint(1, 28)
    style = rng.randrange(5)
    if style == 0:
        return f"{MONTHS[month]} {day}, {year}"
    if style == 1:
        return f"{day} {MONTHS[month]} {year}"
    if style == 2:
        return f"{year}-{month + 1:02d}-{day:02d}"
    if style == 3:
        return f"{MONTHS[month]} {day}"
    return f"{MONTHS[month]} {year}"


def sentence(rng: random.Random, year: int) -> str:
    who, verb, what = rng.choice(PEOPLE), rng.choice(VERBS_PAST), rng.choice(THINGS)
    kind = rng.randrange(9)
    if kind == 0:
        return f"{who.capitalize()} {verb} {what} on {date_phrase(rng, year)}."
    if kind == 1:
        return f"On {rng.choice(WEEKDAYS)}, {who} {verb} {what}."
    if kind == 2:
        return f"{who.capitalize()} {verb} {what} {rng.choice(RELATIVE)}."
    if kind == 3:
        return f"The talks lasted {rng.choice(DURATIONS)} before {who} {verb} {what}."
    if kind == 4:
        return f"{who.capitalize()} meets {rng.choice(SETS)} to discuss {what}."
    if kind == 5:
        return f"{who.capitalize()} will present {what} at {rng.choice(TIMES)} on {rng.choice(WEEKDAYS)}."
    if kind == 6:
        return f"In {year - rng.randint(1, 30)}, {who} {verb} {what} for the first time."
    if kind == 7:
        return f"Within {rng.choice(DURATIONS)} of {date_phrase(rng, year)}, {who} had {verb} {what}."
    return rng.choice(PLAIN)


def documents(count: int, seed: int, bad: int):
    rng = random.Random(seed)
    first = dt.date(1995, 1, 1)
    bad_every = count // bad if bad else 0
    for n in range(count):
        dct = first + dt.timedelta(days=rng.randrange(30 * 365))
        doc_id = f"doc-{n:06d}"
        if bad_every and n % bad_every == bad_every - 1:
            if (n // bad_every) % 2 == 0:
                yield json.dumps({"id": doc_id, "text": "It rained on Monday.", "dct": f"{dct.year}-02-30"})
            else:
                yield "{this line is not JSON " + doc_id
            continue
        if n % 97 == 0:
            text = " ".join(rng.choice(PLAIN) for _ in range(rng.randint(1, 3)))  # no time expression
        else:
            text = " ".join(sentence(rng, dct.year) for _ in range(rng.randint(2, 8)))
        record = {"id": doc_id, "text": text}
        if n % 211 != 0:
            record["dct"] = dct.isoformat()
        yield json.dumps(record, ensure_ascii=False)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("output")
    parser.add_argument("--docs", type=int, default=12000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--bad", type=int, default=6, help="lines Chronicle must reject")
    parser.add_argument("--parquet", default=None, help="also write the valid documents as Parquet here")
    parser.add_argument("--parquet-docs", type=int, default=0, help="only the first N valid documents (0: all)")
    args = parser.parse_args()
    lines = list(documents(args.docs, args.seed, args.bad))
    with open(args.output, "w", encoding="utf-8") as out:
        for line in lines:
            out.write(line + "\n")
    if args.parquet:
        import pyarrow as pa
        import pyarrow.parquet as pq
        rows = []
        for line in lines:
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue
            rows.append({"id": record["id"], "text": record["text"], "dct": record.get("dct")})
        if args.parquet_docs:
            rows = rows[:args.parquet_docs]
        table = pa.Table.from_pylist(rows, schema=pa.schema([("id", pa.string()), ("text", pa.string()),
                                                             ("dct", pa.string())]))
        pq.write_table(table, args.parquet, row_group_size=2000)


if __name__ == "__main__":
    main()
