// The Events page: the form's fields are the API's parameters, so a filtered page is a
// plain URL (bookmark it, share it) and this script only reads it and asks /api/events.
import { api, cameo, el, fill, fillForm, fmt, needStore, pageParams, status } from "./common.js";

const FILTERS = ["source", "target", "actor", "root", "code", "plover", "quad", "since", "until", "q"];
const COLUMNS = [
  // [label, sort key or null, cell]
  ["Date", "date", (e) => e.date || "", "nowrap"],
  ["Source", "source", (e) => codeAnd(e.source, e.source_text)],
  ["Event", "cameo", (e, names) => [el("span", { class: "code" }, e.cameo), " ", names[e.cameo] || ""]],
  ["Target", "target", (e) => codeAnd(e.target, e.target_text)],
  ["PLOVER", null, (e) => e.plover || ""],
  ["Goldstein", "goldstein", (e) => fmt(e.goldstein), "num"],
  ["Mentions", "num_mentions", (e) => String(e.num_mentions), "num"],
  ["Sources", "num_sources", (e) => String(e.num_sources), "num"],
  ["Place", null, (e) => e.location_name || ""],
  ["", null, (e) => el("a", { href: `/events/${encodeURIComponent(e.event_id)}`,
                             "aria-label": `Mentions of ${e.source} ${e.cameo} ${e.target || ""} on ${e.date}` }, "Mentions")],
];

function codeAnd(code, words) {
  if (!code) return "–";
  return [el("span", { class: "code" }, code), words ? el("div", { class: "meta" }, words) : null];
}

/** This page's URL with some parameters changed (a new sort or page). */
function linkWith(params, changes) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...params, ...changes })) if (v !== "" && v !== undefined && v !== null) q.set(k, v);
  return "/events?" + q.toString();
}

async function main() {
  const params = pageParams();
  const form = document.getElementById("filters");
  fillForm(form, params);
  if (!(await needStore())) return;
  const limit = Number(params.limit || 50);
  const offset = Number(params.offset || 0);
  const sort = params.sort || "date";
  const desc = params.desc === "true";
  header(params, sort, desc);
  status("Loading ...");
  try {
    const query = { limit, offset, sort, desc };
    for (const f of FILTERS) query[f] = params[f];
    const [page, names] = await Promise.all([api("/api/events", { params: query }), cameo()]);
    const body = document.querySelector("#events tbody");
    fill(body, page.events.map((e) => el("tr", {}, COLUMNS.map(([, , cell, cls]) => el("td", { class: cls }, cell(e, names))))));
    if (!page.events.length) fill(body, el("tr", {}, el("td", { colspan: COLUMNS.length }, "No events match these filters.")));
    const last = Math.min(offset + page.events.length, page.total);
    const shown = page.total ? `Events ${offset + 1}–${last} of ${page.total}` : "No events";
    document.getElementById("events-caption").textContent = shown + (desc ? `, by ${sort} descending` : `, by ${sort}`);
    status(`${page.total} event${page.total === 1 ? "" : "s"} match.`);
    for (const id of ["pager-top", "pager-bottom"]) pager(document.getElementById(id), params, offset, limit, page.total, shown);
  } catch (err) {
    status(err.message, "error");
  }
}

function header(params, sort, desc) {
  const row = document.querySelector("#events thead tr");
  fill(row, COLUMNS.map(([label, key, , cls]) => {
    if (!key) return el("th", { scope: "col", class: cls }, label);
    const current = key === sort;
    // Clicking the current column flips the order; another column sorts ascending.
    const href = linkWith(params, { sort: key, desc: current && !desc ? "true" : "", offset: "" });
    return el("th", { scope: "col", class: cls, "aria-sort": current ? (desc ? "descending" : "ascending") : null },
      el("a", { href, title: `Sort by ${label.toLowerCase()}` }, label, current ? (desc ? " ▼" : " ▲") : ""));
  }));
}

function pager(nav, params, offset, limit, total, shown) {
  const prev = offset > 0 ? el("a", { href: linkWith(params, { offset: Math.max(0, offset - limit) || "" }), rel: "prev" }, "← Previous") : null;
  const next = offset + limit < total ? el("a", { href: linkWith(params, { offset: offset + limit }), rel: "next" }, "Next →") : null;
  fill(nav, prev, el("span", {}, shown), next);
}

main();
