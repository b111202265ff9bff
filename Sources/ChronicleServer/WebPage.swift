// The web page served at `/`: one self-contained document (no external scripts, fonts or styles) that uses
// the /v1 API. Its script is in WebPageScript.swift.
enum WebPage {
    static let html = head + body + "<script>" + WebPageScript.source + "</script></body></html>"

    private static let head = #"""
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Chronicle</title>
<link rel="icon" href="data:,">
<style>
:root { --ink: #1d232a; --muted: #5b6570; --line: #d5dbe1; --accent: #0b5cad; --mark: #fff0a8; --bg: #f7f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: var(--bg); }
header { background: #12324f; color: #fff; padding: .6rem 1rem; display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; }
header h1 { font-size: 1.25rem; margin: 0; }
header label { font-size: .85rem; }
main { display: grid; grid-template-columns: minmax(15rem, 22rem) 1fr; gap: 1rem; padding: 1rem; max-width: 90rem; margin: 0 auto; }
@media (max-width: 48rem) { main { grid-template-columns: 1fr; padding: .5rem; } }
section, aside { background: #fff; border: 1px solid var(--line); border-radius: .4rem; padding: .75rem; min-width: 0; }
h2 { font-size: 1.05rem; margin: .2rem 0 .6rem; }
label { display: block; font-size: .9rem; margin-top: .5rem; }
input, textarea, select, button { font: inherit; }
input[type=text], input[type=date], input[type=password], textarea, select { width: 100%; padding: .35rem .45rem; border: 1px solid #9aa5b1; border-radius: .3rem; }
textarea { min-height: 7rem; resize: vertical; }
button { cursor: pointer; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: .3rem; padding: .35rem .8rem; margin-top: .5rem; }
button.plain { background: #fff; color: var(--accent); }
:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
#story-list { list-style: none; padding: 0; margin: 0; }
#story-list li { margin: .2rem 0; }
#story-list button { width: 100%; text-align: left; background: #fff; color: var(--ink); border-color: var(--line); margin: 0; }
#story-list button[aria-current=true] { border-color: var(--accent); background: #e8f1fb; font-weight: 600; }
.row { display: flex; gap: .5rem; flex-wrap: wrap; align-items: end; }
.row > * { flex: 1 1 9rem; }
#status { min-height: 1.4rem; font-size: .9rem; color: var(--muted); }
#status.error { color: #a40000; font-weight: 600; }
#axis { position: relative; height: 3.2rem; margin: 1rem .5rem 1.5rem; border-bottom: 2px solid var(--ink); }
#axis .tick { position: absolute; bottom: -1.4rem; font-size: .75rem; color: var(--muted); transform: translateX(-50%); white-space: nowrap; }
#axis .marker { position: absolute; bottom: -.45rem; width: .8rem; height: .8rem; padding: 0; margin: 0; border-radius: 50%; border: 2px solid #fff; background: var(--accent); transform: translateX(-50%); }
#axis .marker.range { border-radius: .2rem; height: .5rem; bottom: -.3rem; opacity: .55; transform: none; min-width: .5rem; }
#axis .marker[aria-pressed=true] { background: #f5a623; }
#timeline { list-style: none; padding: 0; margin: 0; border-left: 3px solid var(--line); }
#timeline li { margin: 0 0 .35rem .6rem; }
.entry { display: block; width: 100%; text-align: left; background: #fff; color: var(--ink); border: 1px solid var(--line); margin: 0; }
.entry[aria-pressed=true] { border-color: var(--accent); background: #e8f1fb; }
.entry .when { display: inline-block; min-width: 7.5rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.entry .what { font-weight: 600; }
.entry .who, .entry .how { color: var(--muted); font-size: .85rem; }
.entry.denied .what { text-decoration: line-through; }
#document-view { white-space: pre-wrap; max-height: 28rem; overflow: auto; border: 1px solid var(--line); padding: .5rem; font-size: .95rem; }
#document-view mark { background: var(--mark); }
#document-view mark strong { text-decoration: underline; }
#warnings li { font-size: .9rem; }
.muted { color: var(--muted); font-size: .9rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
</style>
</head>
"""#

    private static let body = #"""
<body>
<header>
  <h1>Chronicle</h1>
  <span class="muted" style="color:#cfe0f0">the timeline of a news story</span>
  <label style="margin-left:auto">API token (if the server needs one)
    <input type="password" id="token" autocomplete="off" style="width:12rem"></label>
</header>
<main>
  <aside aria-labelledby="stories-heading">
    <h2 id="stories-heading">Stories</h2>
    <ul id="story-list"></ul>
    <form id="new-story">
      <label for="new-story-title">New story</label>
      <input type="text" id="new-story-title" required maxlength="1000" placeholder="Title">
      <button type="submit" id="create-story">Create story</button>
    </form>
    <form id="new-document" hidden>
      <h2>Add a document</h2>
      <label for="doc-title">Title</label>
      <input type="text" id="doc-title" maxlength="1000">
      <label for="doc-published">Published</label>
      <input type="date" id="doc-published">
      <label for="doc-format">Format</label>
      <select id="doc-format"><option value="">detect</option><option value="text">plain text</option><option value="html">HTML</option></select>
      <label for="doc-text">Text (paste plain text or HTML)</label>
      <textarea id="doc-text"></textarea>
      <label for="doc-file">…or upload a file</label>
      <input type="file" id="doc-file" accept=".txt,.html,.htm,text/plain,text/html">
      <button type="submit" id="add-document">Add document</button>
    </form>
    <p id="status" role="status" aria-live="polite"></p>
  </aside>
  <div>
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <p id="timeline-empty" class="muted">Choose or create a story, then add documents to it.</p>
      <form id="filters" class="row" hidden>
        <div><label for="filter-person">Person</label><select id="filter-person"><option value="">everyone</option></select></div>
        <div><label for="filter-role">Role</label><select id="filter-role"><option value="about">takes part</option><option value="speaker">speaks</option></select></div>
        <div><label for="filter-from">From</label><input type="date" id="filter-from"></div>
        <div><label for="filter-to">To</label><input type="date" id="filter-to"></div>
        <div><label><input type="checkbox" id="filter-all"> every entry, not only the key ones</label></div>
        <div><button type="submit" id="apply-filters">Apply</button> <button type="button" class="plain" id="clear-filters">Clear</button></div>
      </form>
      <div id="axis" aria-label="Time axis" hidden></div>
      <ol id="timeline" aria-label="Entries in time order"></ol>
    </section>
    <section aria-labelledby="source-heading" style="margin-top:1rem">
      <h2 id="source-heading">Source</h2>
      <p id="source-caption" class="muted">Select an entry to see its sentence in its document.</p>
      <div id="document-view" tabindex="0" aria-label="Document text" hidden></div>
    </section>
    <section aria-labelledby="warnings-heading" style="margin-top:1rem">
      <h2 id="warnings-heading">Warnings</h2>
      <ul id="warnings"></ul>
    </section>
  </div>
</main>
"""#
}
