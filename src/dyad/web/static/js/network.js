// The Network page: /api/network as an SVG drawing. d3-force (bundled,
// static/vendor/d3-force) computes the layout, run to the end before anything is drawn,
// so the picture is still; the SVG is built here, node by node, from text only.
import { api, el, fill, fillForm, fmt, needStore, pageParams, status } from "./common.js";

const SVG = "http://www.w3.org/2000/svg";
const W = 900, H = 600;

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) node.setAttribute(k, String(v));
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

/** Mean Goldstein -10..10 -> red .. grey .. blue. */
function colour(g) {
  const t = Math.max(-1, Math.min(1, (g || 0) / 10));
  const grey = [154, 163, 176], red = [178, 24, 43], blue = [33, 102, 172];
  const to = t < 0 ? red : blue;
  const mix = grey.map((c, i) => Math.round(c + (to[i] - c) * Math.abs(t)));
  return `rgb(${mix.join(",")})`;
}

async function main() {
  const params = pageParams();
  fillForm(document.getElementById("network-form"), params);
  if (!(await needStore())) return;
  const query = { since: params.since, until: params.until, quad: params.quad, by: params.by || "country",
                  min_events: params.min_events || 1, limit: params.limit || 60 };
  status("Loading ...");
  try {
    const { rows } = await api("/api/network", { params: query });
    if (!rows.length) {
      document.getElementById("graph").hidden = true;
      status("No edges with these filters.", "error");
      return;
    }
    document.getElementById("graph").hidden = false;
    draw(rows);
    edgesTable(rows, query);
    const actors = new Set(rows.flatMap((r) => [r.source, r.target]));
    status(`${rows.length} edges between ${actors.size} actors.`);
  } catch (err) {
    status(err.message, "error");
  }
}

function draw(rows) {
  const degree = new Map();
  for (const r of rows) for (const a of [r.source, r.target]) degree.set(a, (degree.get(a) || 0) + r.events);
  const nodes = [...degree.keys()].sort().map((id) => ({ id, weight: degree.get(id) }));
  const links = rows.map((r) => ({ ...r, source: r.source, target: r.target }));
  const maxEvents = Math.max(...rows.map((r) => r.events));
  const maxDegree = Math.max(...nodes.map((n) => n.weight));
  const radius = (n) => 8 + 14 * Math.sqrt(n.weight / maxDegree);
  const sim = d3.forceSimulation(nodes)
    .force("link", d3.forceLink(links).id((d) => d.id).distance(140))
    .force("charge", d3.forceManyBody().strength(-500))
    .force("center", d3.forceCenter(W / 2, H / 2))
    .force("collide", d3.forceCollide((n) => radius(n) + 18))
    .stop();
  for (let i = 0; i < 400; i++) sim.tick();
  // Scale the layout to fill the picture, whatever size the simulation settled at.
  const pad = 50;
  const xs = nodes.map((n) => n.x), ys = nodes.map((n) => n.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min((W - 2 * pad) / Math.max(x1 - x0, 1), (H - 2 * pad) / Math.max(y1 - y0, 1), 2);
  for (const n of nodes) {
    n.x = W / 2 + (n.x - (x0 + x1) / 2) * scale;
    n.y = H / 2 + (n.y - (y0 + y1) / 2) * scale;
  }
  const root = document.getElementById("network-svg");
  const title = root.querySelector("title");
  const defs = svg("defs");
  const edges = svg("g", { class: "edges" });
  links.forEach((l, i) => {
    const c = colour(l.goldstein_mean);
    defs.append(svg("marker", { id: `arrow-${i}`, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 12, markerHeight: 12,
                                markerUnits: "userSpaceOnUse",
                                orient: "auto-start-reverse" }, svg("path", { d: "M0,0 L10,5 L0,10 z", fill: c })));
    const s = l.source, t = l.target;
    // Curve each edge to its right, so A -> B and B -> A are two arcs, not one line.
    const dx = t.x - s.x, dy = t.y - s.y, len = Math.hypot(dx, dy) || 1;
    const mx = (s.x + t.x) / 2 - (dy / len) * 30, my = (s.y + t.y) / 2 + (dx / len) * 30;
    // End the arrow at the target's rim, not its centre.
    const ex = t.x - ((t.x - mx) / Math.hypot(t.x - mx, t.y - my)) * (radius(t) + 3);
    const ey = t.y - ((t.y - my) / Math.hypot(t.x - mx, t.y - my)) * (radius(t) + 3);
    edges.append(svg("path", { d: `M${s.x},${s.y} Q${mx},${my} ${ex},${ey}`, fill: "none", stroke: c,
                               "stroke-width": 1.5 + 7 * Math.sqrt(l.events / maxEvents), "stroke-opacity": 0.85,
                               "marker-end": `url(#arrow-${i})` },
      svg("title", {}, `${s.id} → ${t.id}: ${l.events} events, mean Goldstein ${fmt(l.goldstein_mean, 2)}`)));
  });
  const nodeGroup = svg("g", { class: "nodes" });
  for (const n of nodes) {
    const link = svg("a", { href: `/events?actor=${encodeURIComponent(n.id)}`, "aria-label": `${n.id}: ${n.weight} events; list them` },
      svg("title", {}, `${n.id}: ${n.weight} events`),
      svg("circle", { cx: n.x, cy: n.y, r: radius(n), fill: "#eef2f8", stroke: "#18202c", "stroke-width": 1.5 }),
      svg("text", { x: n.x, y: n.y + radius(n) + 14, "text-anchor": "middle" }, n.id));
    nodeGroup.append(link);
  }
  root.replaceChildren(title, defs, edges, nodeGroup);
}

function edgesTable(rows, query) {
  const body = document.querySelector("#edges tbody");
  fill(body, rows.map((r) => {
    const q = new URLSearchParams({ source: r.source, target: r.target });
    if (query.since) q.set("since", query.since);
    if (query.until) q.set("until", query.until);
    if (query.quad) q.set("quad", query.quad);
    return el("tr", {},
      el("td", { class: "code" }, r.source), el("td", { class: "code" }, r.target),
      el("td", { class: "num" }, String(r.events)), el("td", { class: "num" }, fmt(r.goldstein_mean, 2)),
      ["verbal_coop", "material_coop", "verbal_conflict", "material_conflict"].map((k) => el("td", { class: "num" }, String(r[k]))),
      el("td", {}, el("a", { href: `/events?${q}` }, "Events")));
  }));
}

main();
