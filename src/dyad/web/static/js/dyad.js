// The Dyad page: /api/dyads in both directions, summed per period (a country filter such
// as RUS matches RUSGOV, RUSMIL, ... whose rows come separately), drawn with uPlot
// (bundled, static/vendor/uplot) and listed in a table that says the same in words.
import { api, el, fill, fillForm, fmt, needStore, pageParams, status } from "./common.js";

const QUAD_KEYS = ["verbal_coop", "material_coop", "verbal_conflict", "material_conflict"];
const QUAD_LABELS = ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];
const QUAD_COLOURS = ["#8fd19e", "#2e8b57", "#f4a582", "#b2182b"];
const charts = [];

async function main() {
  const params = pageParams();
  const form = document.getElementById("dyad-form");
  fillForm(form, params);
  if (!(await needStore())) return;
  actorChoices();
  if (!params.a || !params.b) {
    status("Pick two actors, e.g. USA and RUS.");
    return;
  }
  const a = params.a.trim().toUpperCase();
  const b = params.b.trim().toUpperCase();
  const common = { period: params.period || "month", since: params.since, until: params.until };
  status("Loading ...");
  try {
    const [ab, ba] = await Promise.all([
      api("/api/dyads", { params: { ...common, source: a, target: b } }),
      api("/api/dyads", { params: { ...common, source: b, target: a } }),
    ]);
    const sums = [perPeriod(ab.rows), perPeriod(ba.rows)];
    const periods = [...new Set([...sums[0].keys(), ...sums[1].keys()])].sort();
    if (!periods.length) {
      document.getElementById("charts").hidden = true;
      status(`No events between ${a} and ${b}. A country code such as RUS covers all its sectors; the Events page lists the codes.`, "error");
      return;
    }
    document.getElementById("charts").hidden = false;
    draw(a, b, periods, sums, common.period);
    table(a, b, periods, sums);
    const n = (d) => [...d.values()].reduce((t, r) => t + r.events, 0);
    status(`${n(sums[0])} events ${a} → ${b} and ${n(sums[1])} events ${b} → ${a}, per ${common.period}.`);
  } catch (err) {
    status(err.message, "error");
  }
}

async function actorChoices() {
  try {
    const [countries, codes] = await Promise.all([api("/api/actors", { params: { limit: 100, by: "country" } }),
                                                  api("/api/actors", { params: { limit: 200 } })]);
    const seen = new Set();
    const options = [];
    for (const r of [...countries.rows, ...codes.rows]) {
      if (seen.has(r.actor) || !r.actor) continue;
      seen.add(r.actor);
      options.push(el("option", { value: r.actor }, r.label ? `${r.label} (${r.events} events)` : `${r.events} events`));
    }
    fill(document.getElementById("actor-list"), options);
  } catch (err) {
    // The list only helps typing; the page works without it.
  }
}

function perPeriod(rows) {
  const out = new Map();
  for (const r of rows) {
    const s = out.get(r.period) || { events: 0, goldstein_sum: 0, verbal_coop: 0, material_coop: 0, verbal_conflict: 0, material_conflict: 0 };
    s.events += r.events;
    s.goldstein_sum += r.goldstein_sum || 0;
    for (const k of QUAD_KEYS) s[k] += r[k];
    out.set(r.period, s);
  }
  for (const s of out.values()) s.goldstein_mean = s.events ? s.goldstein_sum / s.events : null;
  return out;
}

/**
 * The x axis is the list of periods (0, 1, 2, ...), labelled by period, so bars sit on
 * their month (or week, day, year) and none is cut at the edge.
 */
function xAxis(periods, period) {
  const label = (p) => (period === "year" ? p.slice(0, 4) : period === "month" ? p.slice(0, 7) : p);
  const stride = Math.max(1, Math.ceil(periods.length / 10));
  return {
    scale: { time: false, range: [-0.6, periods.length - 0.4] },
    axis: { splits: () => periods.map((_, i) => i).filter((i) => i % stride === 0),
            values: (u, splits) => splits.map((i) => label(periods[i] || "")) },
    series: { label: period, value: (u, v) => (v == null ? "" : label(periods[v] || "")) },
  };
}

function draw(a, b, periods, sums, period) {
  for (const c of charts.splice(0)) c.destroy();
  const xs = periods.map((_, i) => i);
  const x = xAxis(periods, period);
  const width = () => Math.max(280, document.getElementById("charts").clientWidth - 24);
  const mean = (d) => periods.map((p) => (d.has(p) ? d.get(p).goldstein_mean : null));
  const goldstein = new uPlot({
    width: width(), height: 240,
    scales: { x: x.scale, y: { range: [-10, 10] } },
    axes: [x.axis, { label: "mean Goldstein" }],
    series: [
      x.series,
      { label: `${a} → ${b}`, stroke: "#1f5fbf", width: 2, points: { show: true, size: 8 }, spanGaps: true,
        value: (u, v) => fmt(v, 2) },
      { label: `${b} → ${a}`, stroke: "#c2560c", width: 2, dash: [6, 4], points: { show: true, size: 8 }, spanGaps: true,
        value: (u, v) => fmt(v, 2) },
    ],
  }, [xs, mean(sums[0]), mean(sums[1])], document.getElementById("chart-goldstein"));
  charts.push(goldstein);
  document.getElementById("h-ab").textContent = `Events ${a} → ${b} per QuadClass`;
  document.getElementById("h-ba").textContent = `Events ${b} → ${a} per QuadClass`;
  charts.push(stacked(document.getElementById("chart-ab"), xs, x, periods, sums[0], width));
  charts.push(stacked(document.getElementById("chart-ba"), xs, x, periods, sums[1], width));
  window.addEventListener("resize", () => charts.forEach((c) => c.setSize({ width: width(), height: c.height })));
}

/**
 * Stacked bars: each series is the running total up to its class, drawn from the top
 * class down so the lower totals paint over the higher ones; the legend shows each
 * class's own count.
 */
function stacked(box, xs, x, periods, d, width) {
  const raw = QUAD_KEYS.map((k) => periods.map((p) => (d.has(p) ? d.get(p)[k] : 0)));
  const totals = raw.map((_, i) => periods.map((_, j) => raw.slice(0, i + 1).reduce((t, r) => t + r[j], 0)));
  const order = [3, 2, 1, 0];
  const bars = uPlot.paths.bars({ size: [0.6, 48] });
  const max = Math.max(1, ...totals[3]);
  return new uPlot({
    width: width(), height: 200,
    scales: { x: x.scale, y: { range: [0, max + 1] } },
    axes: [x.axis, { label: "events", incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] }],
    series: [
      x.series,
      ...order.map((q) => ({ label: QUAD_LABELS[q], fill: QUAD_COLOURS[q], stroke: QUAD_COLOURS[q], paths: bars,
                             points: { show: false }, value: (u, v, si, i) => (i == null ? "" : String(raw[q][i])) })),
    ],
  }, [xs, ...order.map((q) => totals[q])], box);
}

function table(a, b, periods, sums) {
  const head = ["Period", "Direction", "Events", "Mean Goldstein", ...QUAD_LABELS];
  fill(document.querySelector("#dyad-table thead"),
       el("tr", {}, head.map((h, i) => el("th", { scope: "col", class: i >= 2 ? "num" : null }, h))));
  const rows = [];
  for (const p of periods) {
    [[`${a} → ${b}`, sums[0]], [`${b} → ${a}`, sums[1]]].forEach(([dir, d]) => {
      if (!d.has(p)) return;
      const s = d.get(p);
      rows.push(el("tr", {}, el("td", {}, p), el("td", {}, dir), el("td", { class: "num" }, String(s.events)),
                    el("td", { class: "num" }, fmt(s.goldstein_mean, 2)),
                    QUAD_KEYS.map((k) => el("td", { class: "num" }, String(s[k])))));
    });
  }
  fill(document.querySelector("#dyad-table tbody"), rows);
}

main();
