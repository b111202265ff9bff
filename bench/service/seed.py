"""Creates a story of N copies of an article through the API and prints its id: seed.py BASE ARTICLE TITLE N."""
import http.client
import json
import sys
import urllib.parse

base, article, title, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
text = open(article, encoding="utf-8").read()
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
for index in range(count):
    post(f"/v1/stories/{story}/documents", {"title": f"copy {index + 1}", "published": "2015-10-29", "text": text})
print(story)
