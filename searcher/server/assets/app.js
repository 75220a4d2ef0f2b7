// Hemeroteca's search page: plain JavaScript over the JSON API.
// The URL holds the whole search (q, page, sort, from, to, section, source, author, lang),
// so a search can be shared and the back button works (pushState/popstate).
// Article text is only ever inserted as text (textContent); snippets arrive as
// escaped HTML with <mark>, and are rebuilt node by node, never with innerHTML.
"use strict";

const PER_PAGE = 10;
const KEYS = ["q", "page", "sort", "from", "to", "section", "source", "author", "lang"];
// Facets are shown in this order, whatever the API sends (unknown names are shown under their own name).
const FACET_TITLES = { year: "Año", section: "Sección", source: "Medio", author: "Autor", lang: "Idioma" };
const FILTER_TITLES = { section: "Sección", source: "Medio", author: "Autor", lang: "Idioma" };
const numberFormat = new Intl.NumberFormat("es-ES");
const dateFormat = new Intl.DateTimeFormat("es-ES", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

const $ = (id) => document.getElementById(id);
let inFlight = null;

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// ---- state <-> URL --------------------------------------------------------

function stateFromUrl() {
  const params = new URLSearchParams(location.search);
  const state = {};
  for (const key of KEYS) state[key] = params.get(key) || "";
  state.page = Math.max(1, parseInt(state.page, 10) || 1);
  return state;
}

function urlFor(state) {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = state[key];
    if (!value || (key === "page" && value === 1) || (key === "sort" && value === "relevance")) continue;
    params.set(key, value);
  }
  const query = params.toString();
  return query ? "/?" + query : "/";
}

function navigate(changes) {
  const state = Object.assign(stateFromUrl(), { page: 1 }, changes);
  history.pushState(null, "", urlFor(state));
  render(state);
}

function hasSearch(state) {
  return Boolean(state.q.trim() || state.from || state.to || state.section || state.source || state.author);
}

// ---- text helpers ---------------------------------------------------------

function formatDate(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
  if (!match) return "";
  return dateFormat.format(new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])));
}

function decodeEntities(text) {
  const named = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code) => {
    if (code[0] === "#") {
      const n = code[1] === "x" || code[1] === "X" ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) ? String.fromCodePoint(n) : whole;
    }
    return named[code.toLowerCase()] ?? whole;
  });
}

// An escaped snippet with <mark>…</mark> -> text nodes and <mark> elements.
function snippetFragment(html) {
  const fragment = document.createDocumentFragment();
  let marked = false;
  for (const part of html.split(/(<mark>|<\/mark>)/)) {
    if (part === "<mark>") marked = true;
    else if (part === "</mark>") marked = false;
    else if (part) fragment.append(marked ? el("mark", "", decodeEntities(part)) : decodeEntities(part));
  }
  return fragment;
}

function metaLine(hit) {
  return [hit.source, formatDate(hit.date), hit.section, hit.author].filter(Boolean).join(" · ");
}

function articleLink(hit) {
  const link = el("a", "", hit.title || hit.url || "(sin título)");
  if (/^https?:\/\//i.test(hit.url || "")) link.href = hit.url;
  link.rel = "noopener noreferrer";
  return link;
}

async function api(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (!response.ok) {
    const error = new Error((body && body.error) || "HTTP " + response.status);
    error.status = response.status;
    throw error;
  }
  return body;
}

// ---- rendering ------------------------------------------------------------

function syncControls(state) {
  $("q").value = state.q;
  $("sort").value = state.sort || "relevance";
  $("from").value = /^\d{4}-\d{2}-\d{2}$/.test(state.from) ? state.from : "";
  $("to").value = /^\d{4}-\d{2}-\d{2}$/.test(state.to) ? state.to : "";
  document.title = state.q ? state.q + " · Hemeroteca" : "Hemeroteca · buscador de noticias";
}

function clearResults() {
  $("results").replaceChildren();
  $("facets").replaceChildren();
  $("pager").hidden = true;
  $("suggestion").hidden = true;
  $("message").hidden = true;
  $("status").textContent = "";
}

function showMessage(title, detail, kind, technical) {
  const box = $("message");
  box.className = "message " + kind;
  box.replaceChildren(el("p", "message-title", title));
  if (detail) box.append(el("p", "message-detail", detail));
  if (technical) box.append(el("p", "message-technical", "Detalle: " + technical));
  box.hidden = false;
}

function renderActiveFilters(state) {
  const chips = [];
  const chip = (label, changes) => {
    const button = el("button", "chip", label + " ×");
    button.type = "button";
    button.title = "Quitar este filtro";
    button.addEventListener("click", () => navigate(Object.assign({}, stateFromUrl(), changes)));
    chips.push(button);
  };
  if (state.from || state.to) {
    const year = /^(\d{4})-01-01$/.exec(state.from);
    const label = year && state.to === year[1] + "-12-31" ? "Año " + year[1]
      : "Fechas: " + (formatDate(state.from) || state.from || "…") + " – " + (formatDate(state.to) || state.to || "…");
    chip(label, { from: "", to: "" });
  }
  for (const key of Object.keys(FILTER_TITLES))
    if (state[key]) chip(FILTER_TITLES[key] + ": " + state[key], { [key]: "" });
  $("active-filters").replaceChildren(...chips);
  $("active-filters").hidden = chips.length === 0;
}

// The server groups values that differ only in case, accents, ñ or spaces; so does a filter.
const sameValue = (a, b) => {
  const key = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();
  return key(a) === key(b);
};

// Counts are exact unless the server samples (serve --facet-sample, facets_exact false): then "≈ N".
function renderFacets(facets, state, exact) {
  const groups = [];
  const names = Object.keys(FACET_TITLES).concat(Object.keys(facets || {}).filter((n) => !(n in FACET_TITLES)));
  for (const name of names) {
    const values = (facets && facets[name]) || [];
    if (values.length === 0) continue;
    const group = el("section", "filter-group facet");
    group.append(el("h2", "", FACET_TITLES[name] || name));
    const list = el("ul", "facet-list");
    const shown = name === "year" ? values.slice().sort((a, b) => b.value.localeCompare(a.value)) : values;
    for (const { value, count } of shown.slice(0, 12)) {
      const active = name === "year" ? state.from === value + "-01-01" && state.to === value + "-12-31" : sameValue(state[name] || "", value);
      const button = el("button", "facet-value" + (active ? " active" : ""));
      button.type = "button";
      button.setAttribute("aria-pressed", String(active));
      const shownCount = (exact === false ? "≈ " : "") + numberFormat.format(count);
      button.append(el("span", "facet-label", value), el("span", "facet-count", shownCount));
      const changes = name === "year" ? { from: value + "-01-01", to: value + "-12-31" } : { [name]: value };
      const clear = name === "year" ? { from: "", to: "" } : { [name]: "" };
      button.addEventListener("click", () => navigate(Object.assign({}, stateFromUrl(), active ? clear : changes, { page: 1 })));
      const item = el("li");
      item.append(button);
      list.append(item);
    }
    group.append(list);
    groups.push(group);
  }
  $("facets").replaceChildren(...groups);
}

function renderStatus(data, state) {
  const total = data.total;
  const count = (data.total_exact ? "" : "unos ") + numberFormat.format(total) + (total === 1 ? " resultado" : " resultados");
  const seconds = (data.took_ms / 1000).toLocaleString("es-ES", { maximumFractionDigits: 3 });
  let text = count.charAt(0).toUpperCase() + count.slice(1);
  if (state.q) text += " para «" + state.q + "»";
  text += " (" + seconds + " s)";
  $("status").textContent = text;
  if (data.relaxed) showMessage("Ningún artículo contiene todas las palabras; se muestran los que contienen alguna.", "", "note");
}

function renderSuggestion(data) {
  const box = $("suggestion");
  box.hidden = !data.suggestion;
  if (!data.suggestion) return;
  const link = $("suggestion-link");
  link.textContent = data.suggestion;
  link.href = urlFor(Object.assign(stateFromUrl(), { q: data.suggestion, page: 1 }));
}

function renderPager(data, state) {
  const pages = Math.max(1, Math.ceil(data.total / PER_PAGE));
  $("pager").hidden = pages <= 1;
  $("prev").disabled = state.page <= 1;
  $("next").disabled = state.page >= pages;
  $("page-info").textContent = "Página " + numberFormat.format(state.page) + " de " + numberFormat.format(pages);
}

function renderHit(hit) {
  const item = $("result-template").content.firstElementChild.cloneNode(true);
  item.querySelector(".headline").replaceChildren(articleLink(hit));
  item.querySelector(".meta").textContent = metaLine(hit);
  item.querySelector(".snippet").append(snippetFragment(hit.snippet || ""));
  const versions = item.querySelector(".versions-toggle");
  if (hit.versions > 0) {
    versions.hidden = false;
    versions.textContent = numberFormat.format(hit.versions + 1) + " versiones";
    versions.title = "La misma noticia publicada por otros medios";
    versions.addEventListener("click", () => toggleList(versions, item.querySelector(".versions-list"), () => loadVersions(hit)));
  }
  const related = item.querySelector(".related-toggle");
  related.addEventListener("click", () => toggleList(related, item.querySelector(".related-list"), () => loadRelated(hit)));
  return item;
}

// ---- versions and related articles (loaded on demand) ---------------------

async function toggleList(button, box, load) {
  const open = button.getAttribute("aria-expanded") !== "true";
  button.setAttribute("aria-expanded", String(open));
  box.hidden = !open;
  if (!open || box.dataset.loaded) return;
  box.replaceChildren(el("p", "loading", "Cargando…"));
  try {
    box.replaceChildren(await load());
    box.dataset.loaded = "1";
  } catch (error) {
    box.replaceChildren(el("p", "error-inline", "No se pudo cargar: " + error.message));
  }
}

function hitList(hits, currentId) {
  const list = el("ul", "sublist");
  for (const hit of hits) {
    const item = el("li");
    item.append(articleLink(hit), el("span", "sub-meta", metaLine(hit)));
    if (hit.id === currentId) item.append(el("span", "tag", "esta"));
    list.append(item);
  }
  return list;
}

async function loadVersions(hit) {
  const article = await api("/api/article?id=" + encodeURIComponent(hit.id));
  return hitList(article.versions, hit.id);
}

async function loadRelated(hit) {
  const data = await api("/api/related?id=" + encodeURIComponent(hit.id) + "&per_page=5");
  if (data.results.length === 0) return el("p", "empty-inline", "No hay noticias relacionadas.");
  return hitList(data.results, hit.id);
}

// ---- a search -------------------------------------------------------------

async function render(state) {
  syncControls(state);
  renderActiveFilters(state);
  if (inFlight) inFlight.abort();
  clearResults();
  $("welcome").hidden = hasSearch(state);
  if (!hasSearch(state)) return;

  const params = new URLSearchParams({ per_page: PER_PAGE, facets: 1 });
  for (const key of KEYS) if (state[key]) params.set(key, state[key]);
  const controller = new AbortController();
  inFlight = controller;
  $("status").textContent = "Buscando…";
  document.body.classList.add("busy");
  try {
    const response = await fetch("/api/search?" + params, { signal: controller.signal });
    const data = await response.json().catch(() => ({ error: "respuesta ilegible" }));
    if (!response.ok) throw Object.assign(new Error(data.error || "HTTP " + response.status), { status: response.status });
    renderStatus(data, state);
    renderSuggestion(data);
    renderFacets(data.facets, state, data.facets_exact);
    if (data.results.length === 0) {
      const filtered = state.from || state.to || state.section || state.source || state.author;
      showMessage(state.q ? "No hay artículos que coincidan con «" + state.q + "»." : "No hay artículos con esos filtros.",
        filtered ? "Prueba a quitar algún filtro o a ampliar las fechas." : "Prueba con menos palabras o revisa la ortografía.", "empty");
    }
    $("results").replaceChildren(...data.results.map(renderHit));
    renderPager(data, state);
  } catch (error) {
    if (error.name === "AbortError") return;
    $("status").textContent = "";
    if (error.status === 400)
      showMessage("No se pudo entender la búsqueda.",
        "Revisa las comillas, las fechas y los operadores AND, OR y NOT (en mayúsculas, con palabras a ambos lados).",
        "error", error.message);
    else showMessage("El servidor no pudo responder. Inténtalo de nuevo en unos segundos.", "", "error", error.message);
  } finally {
    if (inFlight === controller) {
      inFlight = null;
      document.body.classList.remove("busy");
    }
  }
}

async function showArchiveInfo() {
  try {
    const health = await api("/api/health");
    let text = numberFormat.format(health.articles) + " artículos en el archivo";
    if (health.last_updated) text += " · actualizado el " + formatDate(health.last_updated);
    $("archive-info").textContent = text;
  } catch (error) {
    $("archive-info").textContent = "";
  }
}

function start() {
  $("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    navigate({ q: $("q").value.trim() });
  });
  $("sort").addEventListener("change", () => navigate(Object.assign(stateFromUrl(), { sort: $("sort").value, page: 1 })));
  $("dates").addEventListener("submit", (event) => {
    event.preventDefault();
    navigate(Object.assign(stateFromUrl(), { from: $("from").value, to: $("to").value, page: 1 }));
  });
  const turn = (delta) => {
    const state = stateFromUrl();
    navigate(Object.assign(state, { page: state.page + delta }));
    window.scrollTo({ top: 0 });
  };
  $("prev").addEventListener("click", () => turn(-1));
  $("next").addEventListener("click", () => turn(+1));
  document.body.addEventListener("click", (event) => {
    const link = event.target.closest("a[href^='/']");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    history.pushState(null, "", link.getAttribute("href"));
    render(stateFromUrl());
  });
  window.addEventListener("popstate", () => render(stateFromUrl()));
  $("filters").open = window.matchMedia("(min-width: 760px)").matches;
  render(stateFromUrl());
  showArchiveInfo();
}

document.addEventListener("DOMContentLoaded", start);
