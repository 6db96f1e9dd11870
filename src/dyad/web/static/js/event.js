// The Event page (/events/ID): the merged event and every sentence that reported it.
import { api, cameo, el, fill, fmt, safeHref, status, QUADS } from "./common.js";

async function main() {
  const id = decodeURIComponent(window.location.pathname.split("/").pop());
  status("Loading ...");
  try {
    const [found, names] = await Promise.all([api(`/api/events/${encodeURIComponent(id)}`), cameo()]);
    const e = found.event;
    const what = `${e.source} ${e.cameo} ${names[e.cameo] || ""} ${e.target || "(no target)"}`;
    document.getElementById("title").textContent = `${e.source} → ${names[e.cameo] || e.cameo} → ${e.target || "no target"}`;
    document.title = `${what} · dyad`;
    facts(e, names);
    const list = document.getElementById("mentions");
    fill(list, found.mentions.map((m, i) => mention(m, i)));
    document.getElementById("mentions-heading").textContent = `Mentions (${found.mentions.length})`;
    const dyad = new URLSearchParams({ source: e.source, target: e.target || "" });
    document.getElementById("back").href = `/events?${dyad}`;
    document.getElementById("back").textContent = `← Events of ${e.source} on ${e.target || "no target"}`;
    status("");
  } catch (err) {
    status(err.status === 404 ? `No such event: ${id}` : err.message, "error");
  }
}

function facts(e, names) {
  const rows = [
    ["Date", e.last_date && e.last_date !== e.date ? `${e.date} to ${e.last_date}` : e.date],
    ["Source", `${e.source} (${e.source_text || ""})`],
    ["Event", `${e.cameo} ${names[e.cameo] || ""}`],
    ["Target", e.target ? `${e.target} (${e.target_text || ""})` : "none"],
    ["PLOVER", e.plover ? `${e.plover}${e.plover_mode ? " / " + e.plover_mode : ""}` : ""],
    ["Goldstein", fmt(e.goldstein)],
    ["QuadClass", e.quad_class ? `${e.quad_class} ${QUADS[e.quad_class]}` : ""],
    ["Place", e.location_name ? `${e.location_name}${e.location_country ? " (" + e.location_country + ")" : ""}` : ""],
    ["Reported", `${e.num_mentions} mention(s) in ${e.num_articles} stor${e.num_articles === 1 ? "y" : "ies"} by ${e.num_sources} outlet(s)`],
    ["Event id", e.event_id],
  ];
  fill(document.getElementById("facts"), rows.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v || "")]));
  document.getElementById("facts-panel").hidden = false;
}

function mention(m, i) {
  const href = m.url ? safeHref(m.url) : null;
  const title = m.title || m.story_id;
  return el("article", { class: "mention", "aria-labelledby": `mention-${i}` },
    el("h3", { id: `mention-${i}` }, href ? el("a", { href, rel: "noopener noreferrer" }, title) : title),
    el("p", { class: "meta" }, [m.outlet, m.story_date, `story ${m.story_id}`, `sentence ${m.sentence_idx + 1}`].filter(Boolean).join(" · ")),
    el("p", {}, marked(m)),
    el("p", { class: "meta" }, "Rule ", el("span", { class: "code" }, m.rule || ""), m.date ? ` · event date ${m.date}` : ""));
}

/** The sentence with source, trigger and target marked (spans are story offsets). */
function marked(m) {
  const base = m.sentence_start;
  const text = m.sentence;
  const spans = [
    ["trig", m.trigger_start, m.trigger_end, `trigger "${m.trigger_text || ""}"`],
    ["src", m.source_start, m.source_end, `source ${m.source}`],
    ["tgt", m.target_start, m.target_end, `target ${m.target}`],
  ].filter(([, a, b]) => Number.isInteger(a) && Number.isInteger(b) && Number.isInteger(base))
   .map(([kind, a, b, label]) => ({ kind, start: a - base, end: b - base, label }))
   .filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end);
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const parts = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const [a, b] = [cuts[k], cuts[k + 1]];
    const over = spans.filter((s) => s.start <= a && s.end >= b); // trigger first, as listed
    parts.push(over.length ? el("mark", { class: over[0].kind, title: over.map((s) => s.label).join("; ") }, text.slice(a, b))
                           : text.slice(a, b));
  }
  return parts;
}

main();
