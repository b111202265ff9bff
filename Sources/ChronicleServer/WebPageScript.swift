// The script of the web page (WebPage.swift): stories, documents and the timeline through the /v1 API.
// Everything from the server is inserted as text (textContent), never as markup.
enum WebPageScript {
    static let source = #"""
"use strict";
const $ = (id) => document.getElementById(id);
const state = { story: null, timeline: null, selected: null, texts: new Map() };
const tokenField = $("token");
tokenField.value = sessionStorage.getItem("chronicle-token") || "";
tokenField.addEventListener("change", () => sessionStorage.setItem("chronicle-token", tokenField.value));

function status(message, isError) {
  $("status").textContent = message;
  $("status").className = isError ? "error" : "";
}

async function api(path, options = {}) {
  const headers = Object.assign({}, options.headers || {});
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (tokenField.value) headers["Authorization"] = "Bearer " + tokenField.value;
  const response = await fetch(path, Object.assign({}, options, { headers }));
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = (await response.json()).detail || detail; } catch (_) {}
    throw new Error(detail + " (" + response.status + ")");
  }
  return response.status === 204 ? null : response.json();
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "text") node.textContent = value;
    else if (key === "class") node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

async function loadStories(selectID) {
  const stories = await api("/v1/stories");
  const list = $("story-list");
  list.replaceChildren();
  for (const story of stories) {
    const button = element("button", { type: "button", "data-story": story.id,
      text: story.title + " (" + story.documentCount + " document" + (story.documentCount === 1 ? "" : "s") + ")" });
    if (state.story && state.story.id === story.id) button.setAttribute("aria-current", "true");
    button.addEventListener("click", () => selectStory(story));
    list.append(element("li", {}, button));
  }
  if (stories.length === 0) list.append(element("li", { class: "muted", text: "No stories yet." }));
  if (selectID !== undefined) {
    const story = stories.find((s) => s.id === selectID);
    if (story) await selectStory(story);
  }
}

async function selectStory(story) {
  state.story = story;
  state.selected = null;
  for (const button of $("story-list").querySelectorAll("button")) {
    button.setAttribute("aria-current", String(Number(button.dataset.story) === story.id));
  }
  $("new-document").hidden = false;
  $("filters").hidden = false;
  $("timeline-heading").textContent = "Timeline: " + story.title;
  await loadTimeline();
}

function filterQuery() {
  const query = new URLSearchParams();
  const person = $("filter-person").value;
  if (person) query.set($("filter-role").value, person);
  if ($("filter-from").value) query.set("from", $("filter-from").value);
  if ($("filter-to").value) query.set("to", $("filter-to").value);
  return query;
}

async function loadTimeline() {
  if (!state.story) return;
  const query = filterQuery();
  const filtered = [...query.keys()].length > 0;
  status("Loading the timeline…");
  try {
    const timeline = await api("/v1/stories/" + state.story.id + "/timeline" + (filtered ? "?" + query : ""));
    state.timeline = timeline;
    if (!filtered) updatePeople(timeline);
    const showAll = filtered || $("filter-all").checked;
    render(timeline.entries.filter((entry) => showAll || entry.key), timeline);
    status(timeline.entries.length + " entries from " + timeline.documents.length + " document" + (timeline.documents.length === 1 ? "" : "s") + ".");
  } catch (error) {
    status("Could not load the timeline: " + error.message, true);
  }
}

function updatePeople(timeline) {
  const select = $("filter-person");
  const current = select.value;
  const people = new Set();
  for (const entry of timeline.entries) {
    for (const name of entry.participants) people.add(name);
    if (entry.statement && entry.statement.speaker) people.add(entry.statement.speaker);
  }
  select.replaceChildren(element("option", { value: "", text: "everyone" }));
  for (const name of [...people].sort()) select.append(element("option", { value: name, text: name }));
  select.value = people.has(current) ? current : "";
}

function when(entry) {
  const time = entry.time;
  const span = time.start && time.end && time.start !== time.end ? time.start + " – " + time.end : (time.start || time.end);
  const value = time.value || span;
  if (!value) return "undated";
  if (time.relation === "BEFORE" && !time.value) return "before " + time.end;
  if (time.relation === "AFTER" && !time.value) return "after " + time.start;
  return value;
}

const day = (iso) => Date.parse(iso.slice(0, 10) + "T00:00:00Z") / 86400000;

function render(entries, timeline) {
  const list = $("timeline");
  list.replaceChildren();
  $("timeline-empty").hidden = entries.length > 0;
  $("timeline-empty").textContent = timeline.documents.length === 0 ? "This story has no documents yet: add one." : "No entry matches.";
  for (const entry of entries) {
    const button = element("button", { type: "button", class: "entry" + (entry.denied ? " denied" : ""), "data-entry": entry.id, "aria-pressed": "false" },
      element("span", { class: "when", text: when(entry) }), " ",
      element("span", { class: "what", text: entry.event.text }), " ",
      entry.participants.length ? element("span", { class: "who", text: "· " + entry.participants.join(", ") }) : null, " ",
      entry.statement ? element("span", { class: "how", text: "· said by " + (entry.statement.speaker || entry.statement.speakerMention || "someone") }) : null);
    button.addEventListener("click", () => selectEntry(entry));
    list.append(element("li", {}, button));
  }
  drawAxis(entries);
  const warnings = $("warnings");
  warnings.replaceChildren();
  for (const warning of timeline.warnings) warnings.append(element("li", { text: warning.severity + " · " + warning.code + ": " + warning.message }));
  if (timeline.warnings.length === 0) warnings.append(element("li", { class: "muted", text: "No warnings." }));
}

function drawAxis(entries) {
  const axis = $("axis");
  axis.replaceChildren();
  const dated = entries.filter((entry) => entry.time.start || entry.time.end);
  axis.hidden = dated.length === 0;
  if (dated.length === 0) return;
  let low = Infinity, high = -Infinity;
  for (const entry of dated) {
    for (const iso of [entry.time.start, entry.time.end]) if (iso) { low = Math.min(low, day(iso)); high = Math.max(high, day(iso)); }
  }
  if (high === low) { low -= 1; high += 1; }
  const at = (iso) => 2 + 96 * (day(iso) - low) / (high - low);
  for (const fraction of [0, 0.5, 1]) {
    const date = new Date((low + fraction * (high - low)) * 86400000).toISOString().slice(0, 10);
    axis.append(element("span", { class: "tick", style: "left:" + (2 + 96 * fraction) + "%", text: date }));
  }
  for (const entry of dated) {
    const start = entry.time.start || entry.time.end, end = entry.time.end || entry.time.start;
    const marker = element("button", { type: "button", class: "marker", "data-entry": entry.id, "aria-pressed": "false",
      "aria-label": entry.event.text + ", " + when(entry), title: entry.event.text + " · " + when(entry), tabindex: "-1" });
    if (entry.time.start && entry.time.end && start !== end) {
      marker.classList.add("range");
      marker.style.left = at(start) + "%";
      marker.style.width = Math.max(0.8, at(end) - at(start)) + "%";
    } else {
      marker.style.left = at(start) + "%";
    }
    marker.addEventListener("click", () => selectEntry(entry));
    axis.append(marker);
  }
}

async function selectEntry(entry) {
  state.selected = entry.id;
  for (const node of document.querySelectorAll("[data-entry]")) node.setAttribute("aria-pressed", String(node.dataset.entry === entry.id));
  const source = entry.event;
  const info = state.timeline.documents.find((d) => d.id === source.document);
  try {
    let text = state.texts.get(source.document);
    if (text === undefined) {
      text = (await api("/v1/stories/" + state.story.id + "/documents/" + source.document)).text;
      state.texts.set(source.document, text);
    }
    showSource(text, source.start, source.end);
    $("source-caption").textContent = "“" + source.text + "” in " + ((info && info.title) || "document " + source.document) + (info && info.dct ? " (" + info.dct + ")" : "");
  } catch (error) {
    status("Could not load the document: " + error.message, true);
  }
}

// Offsets are Unicode scalar offsets: index the text by code points.
function showSource(text, start, end) {
  const points = Array.from(text);
  const isEnd = (c) => c === "." || c === "!" || c === "?";
  let from = start;
  while (from > 0 && points[from - 1] !== "\n" && !(isEnd(points[from - 1]) && /\s/.test(points[from] || " "))) from--;
  while (from < start && /\s/.test(points[from])) from++;
  let to = end;
  while (to < points.length && points[to] !== "\n" && !(isEnd(points[to - 1]) && /\s/.test(points[to]))) to++;
  const view = $("document-view");
  const mark = element("mark", { class: "sentence" }, points.slice(from, start).join(""),
    element("strong", { text: points.slice(start, end).join("") }), points.slice(end, to).join(""));
  view.replaceChildren(points.slice(0, from).join(""), mark, points.slice(to).join(""));
  view.hidden = false;
  mark.scrollIntoView({ block: "center" });
}

$("new-story").addEventListener("submit", async (event) => {
  event.preventDefault();
  try {
    const story = await api("/v1/stories", { method: "POST", body: JSON.stringify({ title: $("new-story-title").value }) });
    $("new-story-title").value = "";
    status("Story “" + story.title + "” created.");
    await loadStories(story.id);
  } catch (error) {
    status("Could not create the story: " + error.message, true);
  }
});

$("doc-file").addEventListener("change", async () => {
  const file = $("doc-file").files[0];
  if (!file) return;
  $("doc-text").value = await file.text();
  if (!$("doc-title").value) $("doc-title").value = file.name.replace(/\.[^.]*$/, "");
  if (/\.html?$/i.test(file.name)) $("doc-format").value = "html";
});

$("new-document").addEventListener("submit", async (event) => {
  event.preventDefault();
  if (!state.story) return;
  const body = { title: $("doc-title").value || null, published: $("doc-published").value || null, text: $("doc-text").value };
  if ($("doc-format").value) body.format = $("doc-format").value;
  status("Analysing the document…");
  $("add-document").disabled = true;
  try {
    await api("/v1/stories/" + state.story.id + "/documents", { method: "POST", body: JSON.stringify(body) });
    for (const id of ["doc-title", "doc-published", "doc-text", "doc-file"]) $(id).value = "";
    await loadStories(state.story.id);
  } catch (error) {
    status("Could not add the document: " + error.message, true);
  } finally {
    $("add-document").disabled = false;
  }
});

$("filters").addEventListener("submit", (event) => { event.preventDefault(); loadTimeline(); });
$("filter-all").addEventListener("change", loadTimeline);
$("clear-filters").addEventListener("click", () => {
  for (const id of ["filter-person", "filter-from", "filter-to"]) $(id).value = "";
  loadTimeline();
});

loadStories().catch((error) => status("Could not list the stories: " + error.message, true));
"""#
}
