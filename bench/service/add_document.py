"""The cost of adding a document to a 20-document story, against analysing it alone, in the same run.

add_document.py BASE ARTICLE [ROUNDS]: seeds a story of 20 distinct news articles (or of 20 copies of ARTICLE with
STORY_DOCUMENTS=copies; see documents.py), then for each round, interleaved:
  - analyse:  POST /v1/tag {"text", "dct", "events": true} (the whole pipeline on the 21st article, its JSON out);
  - add:      POST /v1/stories/{id}/documents (the 21st document: analysis, archive, one store transaction);
  - timeline: the next GET /v1/stories/{id}/timeline (the story assembled with the new document, rendered);
  - DELETE of the added document (not timed), so that every round adds the 21st;
  - fsync: writing 64 KB to a file in DIRECTORY (the store's file system) and fsync, the floor of a durable commit.
Prints the medians and the ratios add/analyse and (add + timeline)/analyse.
"""
import http.client
import json
import os
import statistics
import sys
import time
import urllib.parse

from documents import story_documents

base, article = sys.argv[1], sys.argv[2]
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 21
directory = sys.argv[4] if len(sys.argv) > 4 else "."
documents = story_documents(article, 21)
url = urllib.parse.urlparse(base)
connection = http.client.HTTPConnection(url.hostname, url.port, timeout=120)


def call(method, path, body=None, expect=200):
    headers = {"Content-Type": "application/json"} if body is not None else {}
    start = time.perf_counter()
    connection.request(method, path, None if body is None else json.dumps(body), headers)
    response = connection.getresponse()
    data = response.read()
    elapsed = (time.perf_counter() - start) * 1000
    if response.status != expect:
        sys.exit(f"{method} {path}: {response.status} {data[:300]!r}")
    return elapsed, data


_, story = call("POST", "/v1/stories", {"title": f"add-document {time.time()}"}, 201)
story = json.loads(story)["id"]
document = documents[20]
for seeded in documents[:20]:
    call("POST", f"/v1/stories/{story}/documents", seeded, 201)
call("GET", f"/v1/stories/{story}/timeline")

def fsync_ms():
    path = os.path.join(directory, "fsync-probe")
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    try:
        os.write(descriptor, b"x" * 65536)
        start = time.perf_counter()
        os.fsync(descriptor)
        return (time.perf_counter() - start) * 1000
    finally:
        os.close(descriptor)
        os.unlink(path)


analyse, add, timeline, sync = [], [], [], []
for round in range(rounds + 2):
    a, _ = call("POST", "/v1/tag", {"text": document["text"], "dct": document["published"], "events": True})
    b, created = call("POST", f"/v1/stories/{story}/documents", document, 201)
    c, _ = call("GET", f"/v1/stories/{story}/timeline")
    call("DELETE", f"/v1/stories/{story}/documents/{json.loads(created)['id']}", expect=204)
    d = fsync_ms()
    if round >= 2:  # the first two rounds warm up
        analyse.append(a), add.append(b), timeline.append(c), sync.append(d)

m = statistics.median
print(f"{rounds} rounds, medians: analyse alone {m(analyse):.2f} ms; add the 21st document {m(add):.2f} ms; "
      f"the next timeline GET {m(timeline):.2f} ms; fsync of 64 KB {m(sync):.2f} ms")
print(f"add / analyse = {m(add) / m(analyse):.2f}; (add + timeline) / analyse = {(m(add) + m(timeline)) / m(analyse):.2f}; "
      f"per-round (add / analyse) median {m([b / a for a, b in zip(analyse, add)]):.2f}")
