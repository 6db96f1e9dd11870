// What every page shares: calling the API, building DOM safely, the status line.
//
// Story text and anything else from the server is only ever put into the page as text
// (textContent, text nodes, attribute values): never as markup. There is no innerHTML
// with data anywhere in these scripts, so no script in a story can run.

/** GET or POST a JSON API route; throws an Error with the server's message on failure. */
export async function api(path, { method = "GET", body, params } = {}) {
  let url = path;
  if (params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) {
      if (v !== undefined && v !== null && v !== "") q.set(k, v);
    }
    const s = q.toString();
    if (s) url += "?" + s;
  }
  const init = { method, headers: { Accept: "application/json" } };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(url, init);
  } catch (err) {
    throw new Error("the server cannot be reached (is dyad serve still running?)");
  }
  let data = null;
  try {
    data = await response.json();
  } catch (err) {
    data = null;
  }
  if (!response.ok) {
    const message = data && data.error ? data.error : `${response.status} ${response.statusText}`;
    const error = new Error(message);
    error.status = response.status;
    throw error;
  }
  return data;
}

/**
 * el("a", {href: "/x", class: "y"}, "text", child) -> an element. Strings become text
 * nodes; attributes are set with setAttribute (values are never parsed as markup).
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

/** Replace the children of ``node``. */
export function fill(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

/** The status line (role=status): what is happening, or what went wrong. */
export function status(message, kind = "info") {
  const box = document.getElementById("status");
  if (!box) return;
  box.textContent = message || "";
  box.dataset.kind = kind;
  box.hidden = !message;
}

let cameoNames = null;
/** CAMEO code -> name, fetched once per page. */
export async function cameo() {
  if (!cameoNames) cameoNames = await api("/api/cameo");
  return cameoNames;
}

export const QUADS = ["", "verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];

export function fmt(value, digits = 1) {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "number" && !Number.isInteger(value)) return value.toFixed(digits);
  return String(value);
}

/** Only http(s) links from the data become hrefs (no javascript: URLs). */
export function safeHref(url) {
  try {
    const u = new URL(url, window.location.href);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch (err) {
    return null;
  }
}

/** The query string of this page as an object. */
export function pageParams() {
  return Object.fromEntries(new URLSearchParams(window.location.search));
}

/** Put values from the URL into the form fields of the same name. */
export function fillForm(form, params) {
  for (const field of form.elements) {
    if (field.name && params[field.name] !== undefined) {
      if (field.type === "checkbox") field.checked = params[field.name] === "true";
      else field.value = params[field.name];
    }
  }
}

/** Warn on pages that need the store when the server has none. */
export async function needStore() {
  const info = await api("/api/info");
  if (!info.store) {
    status("This server has no event store: start it with dyad serve --db FILE to browse a corpus.", "error");
    return null;
  }
  return info;
}

