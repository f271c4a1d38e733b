// crisisdesk's page: plain script over the API. Article text is untrusted: it is only ever
// written with textContent (never innerHTML), so markup in an article shows as text.
"use strict";

const $ = (selector) => document.querySelector(selector);

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "text") node.textContent = value;
    else if (key === "class") node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) {
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
  }
  return node;
}

async function api(path, options = {}) {
  const response = await fetch(path, options);
  const body = response.headers.get("content-type")?.includes("json")
    ? await response.json() : await response.text();
  if (!response.ok) {
    const detail = typeof body === "object" && body ? body.detail : body;
    throw new Error(`${response.status}: ${typeof detail === "string" ? detail : JSON.stringify(detail)}`);
  }
  return body;
}

function query(form) {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(form)) if (value) params.set(key, value);
  return params;
}

// -- citations and the document view ------------------------------------------------------

function citeLink(c) {
  const when = c.published || "undated";
  const href = `#doc=${encodeURIComponent(c.doc)}&start=${c.start}&end=${c.end}`;
  return el("a", { href, class: "cite", title: c.title || c.doc, text: `${c.outlet || "unknown outlet"}, ${when}` });
}

function citations(list) {
  const span = el("span", { class: "citations" });
  for (const c of list || []) span.append(" ", citeLink(c));
  return span;
}

async function openDocument(hash) {
  const params = new URLSearchParams(hash);
  const id = params.get("doc");
  const start = Number(params.get("start")), end = Number(params.get("end"));
  const panel = $("#document");
  panel.hidden = false;
  $("#doc-title").textContent = "Loading…";
  $("#doc-meta").textContent = "";
  $("#doc-text").replaceChildren();
  try {
    const doc = await api(`/api/documents/${encodeURIComponent(id)}?start=${start}&end=${end}`);
    $("#doc-title").textContent = doc.title || doc.id;
    $("#doc-meta").textContent = [doc.outlet, doc.published, doc.url].filter(Boolean).join(" · ");
    const text = doc.text, mark = el("mark", { id: "cited", text: text.slice(start, end) });
    $("#doc-text").replaceChildren(text.slice(0, start), mark, text.slice(end));
    mark.scrollIntoView({ block: "center" });
  } catch (error) {
    $("#doc-title").textContent = "The document cannot be shown";
    $("#doc-meta").textContent = error.message;
  }
}

function route() {
  const hash = location.hash.slice(1);
  if (hash.startsWith("doc=")) openDocument(hash);
}

// -- brief: every list of the JSON is a section of cited items --------------------------------

const SHOWN = new Set(["text", "actor", "citations"]);

function title(name) {
  return name.replaceAll("_", " ").replace(/^./, (c) => c.toUpperCase());
}

function details(item) {
  const parts = [];
  for (const [key, value] of Object.entries(item)) {
    if (SHOWN.has(key) || value === null || value === "" || typeof value === "object" && !Array.isArray(value)) continue;
    if (Array.isArray(value) && (!value.length || typeof value[0] === "object")) continue;
    parts.push(`${key.replaceAll("_", " ")}: ${Array.isArray(value) ? value.join(", ") : value}`);
  }
  return parts.length ? el("span", { class: "muted", text: ` (${parts.join("; ")})` }) : null;
}

function briefItem(item) {
  return el("li", {}, item.actor ? el("strong", { text: `${item.actor}: ` }) : null,
    el("span", { text: item.text }), details(item), citations(item.citations));
}

async function loadBrief(event) {
  event?.preventDefault();
  const body = $("#brief-body");
  try {
    const brief = await api(`/api/brief?${query($("#brief-form"))}`);
    const parts = [el("p", { class: "muted", text: `${brief.documents} documents${brief.since ? ` since ${brief.since}` : ""}.` })];
    for (const [name, items] of Object.entries(brief)) {
      if (!Array.isArray(items)) continue;
      const list = el("ul", {}, ...items.map(briefItem));
      if (!items.length) list.append(el("li", { class: "muted", text: "Nothing stored yet for this section." }));
      parts.push(el("h3", { text: title(name) }), list);
    }
    body.replaceChildren(...parts);
  } catch (error) {
    body.replaceChildren(el("p", { class: "error", text: error.message }));
  }
}

// -- ask --------------------------------------------------------------------------------------

let thread = null;

function answerView(a) {
  const box = el("article", { class: "answer" }, el("p", { class: "asked", text: `Q: ${a.asked}` }));
  if (a.answer === null) {
    box.append(el("p", { class: "abstain", text: `No answer: ${a.reason}` }));
    return box;
  }
  box.append(el("p", { class: "said" }, el("strong", { text: a.summary || a.answer }),
    el("span", { class: "muted", text: ` confidence ${a.confidence.toFixed(2)}` })));
  for (const c of a.citations) box.append(el("blockquote", {}, el("span", { text: c.text }), " ", citeLink(c)));
  if (a.agree.length) box.append(el("p", {}, "Also: ", citations(a.agree)));
  for (const d of a.disagree) box.append(el("p", {}, "But ", el("strong", { text: d.answer }), " ", citeLink(d.citation)));
  return box;
}

async function ask(question) {
  const answers = $("#answers");
  try {
    const a = await api("/api/ask", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(thread ? { question, thread } : { question }),
    });
    thread = a.thread;
    answers.prepend(answerView(a));
  } catch (error) {
    if (error.message.startsWith("404") && thread) { thread = null; return ask(question); }
    answers.prepend(el("p", { class: "error", text: error.message }));
  }
}

async function loadSuggestions() {
  const list = $("#suggestions");
  try {
    const offered = await api("/api/ask/suggestions");
    list.replaceChildren(...offered.map((s) => el("li", {},
      el("button", { type: "button", class: "link", text: s.question }))));
    if (!offered.length) list.replaceChildren(el("li", { class: "muted", text: "None yet: ingest some coverage." }));
  } catch (error) {
    list.replaceChildren(el("li", { class: "error", text: error.message }));
  }
}

// -- tables with filters and pages ------------------------------------------------------------

const offsets = { claims: 0, numbers: 0, events: 0 };

function source(row) {
  return citeLink({ doc: row.doc, start: row.sentence_start, end: row.sentence_end, outlet: row.outlet, published: row.published, title: row.sentence });
}

const ROWS = {
  claims: (r) => [r.actor || r.source || "", r.cue, r.stance, r.content, source(r)],
  numbers: (r) => [r.text, r.base_value === null ? "" : `${r.base_value} ${r.base_unit || ""}`, r.counted || "", r.qualifier || "", r.claimed_by || "", source(r)],
  events: (e) => {
    const first = e.reports[0];
    const sides = (list) => list.map((s) => s.actor || s.text).join("; ");
    return [e.first_day || "", e.type, e.mode, sides(e.source), sides(e.target), String(e.reports.length),
      el("span", {}, el("span", { text: first.sentence }), " ", source(first))];
  },
};

function row(cells) {
  return el("tr", {}, ...cells.map((c) => el("td", {}, typeof c === "string" ? el("span", { text: c }) : c)));
}

async function loadTable(name) {
  const params = query($(`#${name}-form`));
  params.set("offset", offsets[name]);
  params.set("limit", "20");
  const body = $(`#${name}-table tbody`), pager = $(`.pager[data-for="${name}"]`);
  try {
    const page = await api(`/api/${name}?${params}`);
    body.replaceChildren(...page.items.map((item) => row(ROWS[name](item))));
    if (!page.items.length) body.replaceChildren(el("tr", {}, el("td", { colspan: "7", class: "muted", text: "Nothing found." })));
    const previous = el("button", { type: "button", text: "← newer" }), next = el("button", { type: "button", text: "older →" });
    previous.disabled = page.offset === 0;
    next.disabled = page.next_offset === null;
    previous.onclick = () => { offsets[name] = Math.max(0, page.offset - page.limit); loadTable(name); };
    next.onclick = () => { offsets[name] = page.next_offset; loadTable(name); };
    pager.replaceChildren(previous, ` rows ${page.offset + 1}–${page.offset + page.items.length} `, next);
  } catch (error) {
    body.replaceChildren(el("tr", {}, el("td", { colspan: "7", class: "error", text: error.message })));
  }
}

// -- trend --------------------------------------------------------------------------------------

async function loadTrend(event) {
  event?.preventDefault();
  const params = query($("#trend-form")), message = $("#trend-message"), chart = $("#trend-chart");
  message.textContent = "";
  try {
    const periods = await api(`/api/trend?${params}`);
    $("#trend-table tbody").replaceChildren(...periods.map((p) => row([p.period, String(p.index), String(p.conflict), String(p.cooperation), p.events])));
    if (!periods.length) { chart.hidden = true; message.textContent = "No events between this pair."; return; }
    params.set("format", "svg");
    const svg = await fetch(`/api/trend?${params}`);
    if (!svg.ok) { chart.hidden = true; message.textContent = (await svg.json()).detail; return; }
    if (chart.src) URL.revokeObjectURL(chart.src);
    chart.src = URL.createObjectURL(await svg.blob());
    chart.hidden = false;
  } catch (error) {
    chart.hidden = true;
    message.textContent = error.message;
  }
}

// -- ingest with progress -----------------------------------------------------------------------

async function ingest(event) {
  event.preventDefault();
  const form = event.target, data = new FormData(form), token = data.get("token");
  data.delete("token");
  for (const key of ["published", "outlet"]) if (!data.get(key)) data.delete(key);
  const message = $("#ingest-message"), bar = $("#ingest-progress");
  $("#ingest-skipped").replaceChildren();
  try {
    const headers = token ? { authorization: `Bearer ${token}` } : {};
    let job = await api("/api/ingest", { method: "POST", body: data, headers });
    bar.hidden = false;
    while (job.state === "queued" || job.state === "running") {
      showJob(job);
      await new Promise((resolve) => setTimeout(resolve, 500));
      job = await api(`/api/jobs/${encodeURIComponent(job.id)}`);
    }
    showJob(job);
    form.reset();
    refresh();
  } catch (error) {
    message.textContent = error.message;
  } finally {
    bar.hidden = true;
  }
}

function showJob(job) {
  const bar = $("#ingest-progress");
  if (job.total) { bar.max = job.total; bar.value = job.done; } else bar.removeAttribute("value");
  const done = job.state === "done"
    ? `Done: added ${job.added} documents (${job.words} words), ${job.unchanged} already stored, ${job.joined_story} joined a story.`
    : job.state === "failed" ? `Failed: ${job.error}` : `${job.state}: ${job.done} documents analysed…`;
  $("#ingest-message").textContent = done;
  $("#ingest-skipped").replaceChildren(...[...job.skipped.map((s) => `skipped ${s}`), ...job.notes]
    .map((text) => el("li", { text })));
}

// -- the whole page ---------------------------------------------------------------------------------

async function loadStatus() {
  try {
    const s = await api("/api/status");
    const span = s.first_published ? `, published ${s.first_published} … ${s.last_published}` : "";
    $("#status").textContent = `${s.documents} documents, ${s.attributions ?? 0} claims, ${s.quantities ?? 0} numbers, ${s.events ?? 0} events${span}`;
  } catch (error) {
    $("#status").textContent = error.message;
  }
}

function refresh() {
  loadStatus(); loadBrief(); loadSuggestions(); loadTrend();
  for (const name of Object.keys(offsets)) { offsets[name] = 0; loadTable(name); }
}

document.addEventListener("DOMContentLoaded", () => {
  $("#ask-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const question = $("#question").value.trim();
    if (question) ask(question);
  });
  $("#new-thread").addEventListener("click", () => { thread = null; $("#answers").replaceChildren(); });
  $("#suggestions").addEventListener("click", (event) => {
    if (event.target.matches("button")) { $("#question").value = event.target.textContent; ask(event.target.textContent); }
  });
  $("#brief-form").addEventListener("submit", loadBrief);
  for (const name of Object.keys(offsets)) {
    $(`#${name}-form`).addEventListener("submit", (event) => { event.preventDefault(); offsets[name] = 0; loadTable(name); });
  }
  $("#trend-form").addEventListener("submit", loadTrend);
  $("#ingest-form").addEventListener("submit", ingest);
  $("#close-document").addEventListener("click", () => { $("#document").hidden = true; history.replaceState(null, "", location.pathname); });
  window.addEventListener("hashchange", route);
  refresh();
  route();
});
