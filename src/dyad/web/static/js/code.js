// The Code page: POST the story to /api/code?explain=true, then show the text with its
// spans marked, the events table, and each event's explanation on demand.
import { api, append, cameo, el, fill, fmt, status } from "./common.js";

const form = document.getElementById("code-form");
const text = document.getElementById("text");
const button = document.getElementById("code-button");

document.getElementById("file").addEventListener("change", async (event) => {
  const file = event.target.files[0];
  if (!file) return;
  text.value = await file.text();
  status(`${file.name}: ${text.value.length.toLocaleString()} characters read; press "Code the story".`);
});

text.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    form.requestSubmit();
  }
});

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const story = text.value;
  if (!story.trim()) {
    status("Paste a story first.", "error");
    return;
  }
  const date = document.getElementById("date").value || null;
  button.disabled = true;
  status("Coding ...");
  try {
    const [answer, names] = await Promise.all([
      api("/api/code?explain=true", { method: "POST", body: { text: story, date } }),
      cameo(),
    ]);
    show(story, answer, names);
    const n = answer.events.length;
    status(`${n} event${n === 1 ? "" : "s"} found in ${answer.sentences.length} sentences.`);
  } catch (err) {
    status(err.message, "error");
  } finally {
    button.disabled = false;
  }
});

function show(story, answer, names) {
  document.getElementById("result").hidden = false;
  markStory(story, answer);
  const body = document.querySelector("#events tbody");
  fill(body);
  // explain() numbers sentences as the events do: sentence i explains events of sentence_id i.
  answer.events.forEach((e, i) => {
    const why = answer.sentences[e.sentence_id];
    const detailId = `why-${i}`;
    const toggle = el("button", { type: "button", class: "small secondary", "aria-expanded": "false",
                                  "aria-controls": detailId }, "Explain");
    const row = el("tr", { id: `event-${i}`, "data-event": i },
      el("td", {}, el("button", { type: "button", class: "small secondary", title: "Show in the story",
                                  onclick: () => focusEvent(i) }, String(i + 1))),
      el("td", {}, actorCell(e.source, e.source_text)),
      el("td", {}, el("span", { class: "code" }, e.cameo), " ", names[e.cameo] || ""),
      el("td", {}, actorCell(e.target, e.target_text)),
      el("td", {}, e.plover ? `${e.plover}${e.plover_mode ? " / " + e.plover_mode : ""}` : ""),
      el("td", { class: "num" }, fmt(e.goldstein)),
      el("td", {}, place(e.location)),
      el("td", {}, e.date || ""),
      el("td", {}, el("span", { class: "code" }, e.rule)),
      el("td", {}, toggle));
    const detail = el("tr", { class: "detail", id: detailId, hidden: true },
      el("td", { colspan: 10 }, explanation(e, why)));
    toggle.addEventListener("click", () => {
      const open = toggle.getAttribute("aria-expanded") === "true";
      toggle.setAttribute("aria-expanded", String(!open));
      toggle.textContent = open ? "Explain" : "Hide";
      detail.hidden = open;
    });
    append(body, [row, detail]);
  });
  if (!answer.events.length) {
    append(body, [el("tr", {}, el("td", { colspan: 10 }, "No events: see the sentences' explanations with dyad explain."))]);
  }
}

function actorCell(code, words) {
  if (!code) return "–";
  return [el("span", { class: "code" }, code), words ? el("div", { class: "meta" }, words) : null];
}

function place(loc) {
  if (!loc || !loc.name) return "";
  return loc.country ? `${loc.name} (${loc.country})` : loc.name;
}

/**
 * The story as text nodes and <mark>s. Spans may overlap (an actor inside a longer one,
 * a trigger inside a target), so the text is cut at every span boundary and each piece
 * is marked as the most telling span covering it: trigger, then source, then target.
 */
function markStory(story, answer) {
  const spans = [];
  answer.events.forEach((e, i) => {
    const ev = e.evidence || {};
    if (ev.source) spans.push({ start: ev.source[0], end: ev.source[1], kind: "src", event: i, label: `source ${e.source}` });
    if (ev.target) spans.push({ start: ev.target[0], end: ev.target[1], kind: "tgt", event: i, label: `target ${e.target}` });
    if (ev.trigger) spans.push({ start: ev.trigger[0], end: ev.trigger[1], kind: "trig", event: i, label: `trigger of ${e.cameo}` });
  });
  for (const s of answer.sentences) {
    for (const a of s.actors) {
      if (Number.isInteger(a.start)) spans.push({ start: a.start, end: a.end, kind: "actor", event: null, label: `actor ${a.code}` });
    }
  }
  const rank = { trig: 0, src: 1, tgt: 2, actor: 3 };
  const cuts = new Set([0, story.length]);
  for (const s of spans) {
    if (s.start >= 0 && s.end <= story.length && s.start < s.end) cuts.add(s.start).add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const box = document.getElementById("story");
  const parts = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const [a, b] = [points[k], points[k + 1]];
    const piece = story.slice(a, b);
    const over = spans.filter((s) => s.start <= a && s.end >= b);
    if (!over.length) {
      parts.push(piece);
      continue;
    }
    over.sort((x, y) => rank[x.kind] - rank[y.kind]);
    const events = [...new Set(over.filter((s) => s.event !== null).map((s) => s.event))];
    const labels = [...new Set(over.map((s) => (s.event !== null ? `event ${s.event + 1}: ` : "") + s.label))];
    parts.push(el("mark", { class: over[0].kind, title: labels.join("; "), "data-events": events.join(" ") }, piece));
  }
  fill(box, parts);
}

function focusEvent(i) {
  for (const m of document.querySelectorAll("mark.current")) m.classList.remove("current");
  for (const r of document.querySelectorAll("tr.current")) r.classList.remove("current");
  const marks = [...document.querySelectorAll("#story mark")].filter((m) => m.dataset.events.split(" ").includes(String(i)));
  marks.forEach((m) => m.classList.add("current"));
  document.getElementById(`event-${i}`).classList.add("current");
  if (marks.length) marks[0].scrollIntoView({ block: "center", behavior: "smooth" });
}

/** What dyad explain says about the sentence of event ``e``. */
function explanation(e, why) {
  if (!why) return el("p", {}, "No explanation for this sentence.");
  const candidates = el("table", {},
    el("thead", {}, el("tr", {}, ["trigger", "code", "pattern", "rule", "verdict"].map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, why.candidates.map((c) => {
      const dropped = Boolean(c.dropped);
      const verdict = dropped ? `dropped: ${c.dropped}` : `kept, ${c.made} event(s)`
                      + (c.target_rule ? `; target by ${c.target_rule}` : "");
      const fired = c.rule === e.rule && !dropped;
      return el("tr", { class: fired ? "current" : null },
        el("td", {}, c.trigger), el("td", { class: "code" }, c.code || ""), el("td", {}, c.pattern || ""),
        el("td", { class: "code" }, c.rule || ""),
        el("td", { class: dropped ? "verdict-dropped" : "verdict-kept" }, verdict + (c.mood ? `; ${c.mood}` : "")));
    })));
  const ev = e.evidence || {};
  return el("div", { class: "explain" },
    el("h4", {}, "Sentence"), el("p", {}, why.sentence),
    el("h4", {}, "Why this event"),
    el("ul", {},
      el("li", {}, `Trigger "${ev.trigger_text || ""}" matched the pattern `, el("span", { class: "code" }, e.rule), "."),
      el("li", {}, `Source "${e.source_text}" is ${e.source}` + (ev.source_entry ? ` (lexicon: ${ev.source_entry})` : "") + "."),
      e.target ? el("li", {}, `Target "${e.target_text}" is ${e.target}` + (ev.target_entry ? ` (lexicon: ${ev.target_entry})` : "") + ".")
               : el("li", {}, "No target."),
      ev.mood ? el("li", {}, `Mood: ${ev.mood}.`) : null),
    el("h4", {}, "Actors in the sentence"),
    el("ul", {}, why.actors.length ? why.actors.map((a) => el("li", {}, `"${a.text}" → `, el("span", { class: "code" }, a.code),
                                                                     a.entry ? ` (${a.entry})` : ""))
                                   : el("li", {}, "none")),
    el("h4", {}, "Patterns that matched a trigger"),
    el("div", { class: "scroll" }, candidates));
}
