"""The documents of the benchmark stories.

story_documents(article, n): by default n distinct news articles of 2-4 KB (the size of the seed article) from
the TE3 silver corpus (../shared/data/te3-silver, TimeML: the text and the creation time of each file, in file-name
order); with STORY_DOCUMENTS=copies, n copies of ARTICLE dated 2015-10-29. Copies of one article are a poor story
for timing the assembly: a document that repeats another word for word adds sources to its entries, not entries.
"""
import html
import os
import re

here = os.path.dirname(os.path.abspath(__file__))
silver = os.environ.get("SILVER", os.path.join(here, "..", "..", "..", "shared", "data", "te3-silver"))


def _timeml(path):
    raw = open(path, encoding="utf-8").read()
    tag = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', raw)
    dct = tag and re.search(r'value="([^"]+)"', tag.group(0))
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    if not dct or not body:
        return None
    text = html.unescape(re.sub(r"<[^>]+>", "", body.group(1))).strip()
    return {"title": os.path.basename(path), "published": dct.group(1)[:10], "text": text}


def story_documents(article, n):
    if os.environ.get("STORY_DOCUMENTS") == "copies":
        text = open(article, encoding="utf-8").read()
        return [{"title": f"copy {k + 1}", "published": "2015-10-29", "text": text} for k in range(n)]
    if not os.path.isdir(silver):
        raise SystemExit(f"{silver}: the TE3 silver corpus is needed for distinct documents (or set STORY_DOCUMENTS=copies)")
    documents = []
    for name in sorted(os.listdir(silver)):
        document = _timeml(os.path.join(silver, name)) if name.endswith(".tml") else None
        if document and 2000 <= len(document["text"].encode()) <= 4000 and re.match(r"\d{4}-\d\d-\d\d$", document["published"]):
            documents.append(document)
            if len(documents) == n:
                return documents
    raise SystemExit(f"{silver}: fewer than {n} documents of 2-4 KB")
