"""Creates a story of N documents through the API and prints its id: seed.py BASE ARTICLE TITLE N.

The documents are distinct news articles, or copies of ARTICLE with STORY_DOCUMENTS=copies (see documents.py).
"""
import http.client
import json
import sys
import urllib.parse

from documents import story_documents

base, article, title, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
url = urllib.parse.urlparse(base)
connection = http.client.HTTPConnection(url.hostname, url.port, timeout=120)


def post(path, body):
    connection.request("POST", path, json.dumps(body), {"Content-Type": "application/json"})
    response = connection.getresponse()
    data = response.read()
    if response.status != 201:
        sys.exit(f"POST {path}: {response.status} {data[:300]!r}")
    return json.loads(data)


story = post("/v1/stories", {"title": title})["id"]
for document in story_documents(article, count):
    post(f"/v1/stories/{story}/documents", document)
print(story)
