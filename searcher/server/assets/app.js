// Hemeroteca's search page: plain JavaScript over the JSON API.
// The URL holds the whole search (q, page, sort, from, to, section, source, author, lang),
// so a search can be shared and the back button works (pushState/popstate).
// Article text is only ever inserted as text (textContent); snippets arrive as
// escaped HTML with <mark>, and are rebuilt node by node, never with innerHTML.
"use strict";

const PER_PAGE = 10;
const KEYS = ["q", "page", "sort", "from", "to", "section", "source", "author", "lang"];
const FILTER_KEYS = ["q", "sort", "from", "to", "section", "source", "author", "lang"];
const FACETS = ["year", "section", "source", "author", "lang"];
const FACET_TITLES = { year: "Año", section: "Sección", source: "Medio", author: "Autor", lang: "Idioma" };
const FILTER_TITLES = { section: "Sección", source: "Medio", author: "Autor", lang: "Idioma" };
const FACET_SHOWN = 8;
const MAX_PAGE = 500;
const MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];
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
  const state = Object.assign(articleIdFromPath() === null ? stateFromUrl() : { q: "", page: 1 }, { page: 1 }, changes);
  for (const key of KEYS) if (state[key] === undefined) state[key] = "";
  history.pushState(null, "", urlFor(state));
  route();
}

function hasSearch(state) {
  return Boolean(state.q.trim() || state.from || state.to || state.section || state.source || state.author || state.lang);
}

// The search's parameters for the API (q and the filters, no paging).
function searchParams(state, extra) {
  const params = new URLSearchParams(extra || {});
  for (const key of FILTER_KEYS) if (state[key] && !(key === "sort" && state[key] === "relevance")) params.set(key, state[key]);
  return params;
}

// ---- dates typed in Spanish ------------------------------------------------

// "15/03/2016", "3/2016", "2016", "marzo de 2016", "15 de marzo de 2016", "2016-03-15" -> the API's
// "2016-03-15", "2016-03", "2016"; null when it is not a date; "" when empty.
function parseSpanishDate(text) {
  const t = (text || "").trim().toLowerCase().replace(/\s+/g, " ");
  if (!t) return "";
  const pad = (n) => String(n).padStart(2, "0");
  const valid = (y, m, d) => {
    if (m < 1 || m > 12 || y < 1000 || y > 2999) return false;
    if (d === undefined) return true;
    const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return d >= 1 && d <= days;
  };
  let m;
  if ((m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(t))) {
    const [y, mo, d] = [+m[1], m[2] && +m[2], m[3] && +m[3]];
    if (!mo) return valid(y, 1) ? String(y) : null;
    if (!d) return valid(y, mo) ? y + "-" + pad(mo) : null;
    return valid(y, mo, d) ? y + "-" + pad(mo) + "-" + pad(d) : null;
  }
  if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t)))
    return valid(+m[3], +m[2], +m[1]) ? m[3] + "-" + pad(+m[2]) + "-" + pad(+m[1]) : null;
  if ((m = /^(\d{1,2})[/.-](\d{4})$/.exec(t))) return valid(+m[2], +m[1]) ? m[2] + "-" + pad(+m[1]) : null;
  if ((m = /^(?:(\d{1,2}) (?:de )?)?([a-záéíóú]+)(?: de| del)? (\d{4})$/.exec(t))) {
    const month = MONTHS.indexOf(m[2] === "setiembre" ? "septiembre" : m[2]) + 1;
    if (month === 0) return null;
    if (m[1]) return valid(+m[3], month, +m[1]) ? m[3] + "-" + pad(month) + "-" + pad(+m[1]) : null;
    return m[3] + "-" + pad(month);
  }
  return null;
}

// The API's form -> what a Spanish reader types: "15/03/2016", "marzo de 2016", "2016".
function spanishDate(iso) {
  let m;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || ""))) return m[3] + "/" + m[2] + "/" + m[1];
  if ((m = /^(\d{4})-(\d{2})$/.exec(iso || ""))) return MONTHS[+m[2] - 1] + " de " + m[1];
  return iso || "";
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

// The article view of a hit (its own URL, the query carried along for highlighting).
function articleHref(id, q) {
  return "/articulo/" + encodeURIComponent(id) + (q ? "?q=" + encodeURIComponent(q) : "");
}

function articleLink(hit, q) {
  const link = el("a");
  if (hit.title_html) link.append(snippetFragment(hit.title_html));
  else link.textContent = hit.title || "(sin título)";
  link.href = articleHref(hit.id, q);
  return link;
}

const SHORTENERS = /^(goo\.gl|ow\.ly|bit\.ly|t\.co|tinyurl\.com|buff\.ly|dlvr\.it|is\.gd|fb\.me|wp\.me|lnkd\.in|trib\.al)$/i;

// The original URL with what a reader should know: «enlace corto» (often dead) or «sin URL original».
function originalLink(url) {
  const box = document.createDocumentFragment();
  if (!/^https?:\/\//i.test(url || "")) {
    box.append(el("span", "tag", "sin URL original"));
    return box;
  }
  const link = el("a", "original-link", url.replace(/^https?:\/\/(www\.)?/i, ""));
  link.href = url;
  link.rel = "noopener noreferrer";
  box.append(el("span", "visually-hidden", "Original: "), link);
  let host = "";
  try { host = new URL(url).hostname.replace(/^www\./, ""); } catch (e) { host = ""; }
  if (SHORTENERS.test(host)) box.append(" ", el("span", "tag", "enlace corto"));
  return box;
}

// The server's errors ({error, code, parameter}) in Spanish.
const PARAMETER_MESSAGES = {
  page: "Solo se pueden ver las primeras " + MAX_PAGE + " páginas de resultados. Afina la búsqueda o añade filtros para llegar a los artículos que buscas.",
  per_page: "El número de resultados por página no es válido.",
  q: "La búsqueda es demasiado larga (como mucho 1.000 caracteres).",
  from: "La fecha «desde» no es válida.",
  to: "La fecha «hasta» no es válida.",
  sort: "El orden pedido no existe.",
  id: "El identificador del artículo no es válido.",
  format: "El formato de descarga no existe (CSV o JSON Lines).",
  unit: "La escala de tiempo no es válida.",
};
function spanishError(status, body) {
  const code = body && body.code;
  const parameter = body && body.parameter;
  if (code === "query_syntax")
    return { title: "No se pudo entender la búsqueda.", detail: "Revisa las comillas y los operadores AND, OR y NOT (en mayúsculas, con palabras a ambos lados)." };
  if (parameter && PARAMETER_MESSAGES[parameter]) return { title: PARAMETER_MESSAGES[parameter], detail: "" };
  if (code === "query_cost")
    return { title: "La búsqueda es demasiado costosa.", detail: "Usa menos comodines (corrup*) o palabras más concretas, o añade filtros." };
  if (code === "busy" || status === 503)
    return { title: "El servidor está muy ocupado ahora mismo.", detail: "Inténtalo de nuevo en unos segundos." };
  if (status === 404) return { title: "No existe ese artículo en el archivo.", detail: "Puede que el enlace esté mal copiado o que el artículo se haya retirado." };
  if (status === 400)
    return { title: "No se pudo entender la búsqueda.", detail: "Revisa las fechas, las comillas y los operadores AND, OR y NOT." };
  return { title: "El servidor no pudo responder. Inténtalo de nuevo en unos segundos.", detail: "" };
}

async function api(path, signal) {
  const response = await fetch(path, { headers: { Accept: "application/json" }, signal });
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (!response.ok) {
    const spanish = spanishError(response.status, body);
    const error = new Error(spanish.title);
    error.status = response.status;
    error.detail = spanish.detail;
    throw error;
  }
  return body;
}

// ---- rendering ------------------------------------------------------------

function syncControls(state) {
  $("q").value = state.q;
  $("sort").value = state.sort || "relevance";
  $("from").value = spanishDate(state.from);
  $("to").value = spanishDate(state.to);
  $("dates-error").hidden = true;
  document.title = state.q ? state.q + " · Hemeroteca" : "Hemeroteca · buscador de noticias";
}

function clearResults() {
  $("results").replaceChildren();
  $("facets").replaceChildren();
  $("pager").hidden = true;
  $("suggestion").hidden = true;
  $("message").hidden = true;
  $("timeline").hidden = true;
  $("tools").hidden = true;
  $("status").textContent = "";
}

function showMessage(title, detail, kind, box) {
  box = box || $("message");
  box.className = "message " + kind;
  box.replaceChildren(el("p", "message-title", title));
  if (detail) box.append(el("p", "message-detail", detail));
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
      : "Fechas: " + (spanishDate(state.from) || "…") + " – " + (spanishDate(state.to) || "…");
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

// Counts cut short by the time limit are scaled estimates (facets_exact false): shown as "≈ N".
// Each facet shows its first values, "Mostrar más" for the rest, and a box to filter them.
function renderFacets(facets, state, exact) {
  const groups = [];
  for (const name of FACETS) {
    const values = (facets && facets[name]) || [];
    if (values.length === 0) continue;
    const group = el("section", "filter-group facet");
    group.dataset.facet = name;
    const heading = el("h2", "", FACET_TITLES[name]);
    heading.id = "facet-" + name;
    group.append(heading);
    const list = el("ul", "facet-list");
    list.setAttribute("aria-labelledby", heading.id);
    const shown = name === "year" ? values.slice().sort((a, b) => b.value.localeCompare(a.value)) : values;
    const items = [];
    for (const { value, count } of shown) {
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
      item.dataset.value = value.toLowerCase();
      item.append(button);
      list.append(item);
      items.push(item);
    }
    let expanded = false;
    let filter = "";
    const more = el("button", "link facet-more");
    more.type = "button";
    const apply = () => {
      let visible = 0;
      for (const item of items) {
        const matches = !filter || item.dataset.value.includes(filter);
        item.hidden = !matches || (!expanded && !filter && visible >= FACET_SHOWN);
        if (matches && !item.hidden) visible++;
      }
      more.hidden = filter !== "" || items.length <= FACET_SHOWN;
      more.textContent = expanded ? "Mostrar menos" : "Mostrar más (" + numberFormat.format(items.length - FACET_SHOWN) + ")";
      more.setAttribute("aria-expanded", String(expanded));
    };
    if (items.length > FACET_SHOWN) {
      const box = el("input", "facet-filter");
      box.type = "search";
      box.placeholder = "Filtrar " + FACET_TITLES[name].toLowerCase() + "…";
      box.setAttribute("aria-label", "Filtrar los valores de " + FACET_TITLES[name]);
      box.addEventListener("input", () => { filter = box.value.trim().toLowerCase(); apply(); });
      group.append(box);
    }
    more.addEventListener("click", () => { expanded = !expanded; apply(); });
    group.append(list, more);
    apply();
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
  const params = searchParams(state);
  $("export-csv").href = "/api/export?" + params + "&format=csv";
  $("export-jsonl").href = "/api/export?" + params + "&format=jsonl";
  $("feed-anchor").href = "/feed?" + params;
  setFeedLink("/feed?" + params);
  $("tools").hidden = false;
}

function renderSuggestion(data) {
  const box = $("suggestion");
  box.hidden = !data.suggestion;
  if (!data.suggestion) return;
  const link = $("suggestion-link");
  link.textContent = data.suggestion;
  link.href = urlFor(Object.assign(stateFromUrl(), { q: data.suggestion, page: 1 }));
  // Nothing matched what was typed: these are the suggestion's results, and the page says so.
  $("suggestion-retried").hidden = !data.retried_with;
  $("suggestion-typed").textContent = data.query;
}

// Previous, numbered pages (the first, the last, and two either side of this one), next.
function renderPager(data, state) {
  const pages = Math.min(MAX_PAGE, Math.max(1, Math.ceil(data.total / PER_PAGE)));
  $("pager").hidden = pages <= 1;
  $("prev").disabled = state.page <= 1;
  $("next").disabled = state.page >= pages;
  $("page-info").textContent = "Página " + numberFormat.format(state.page) + " de " + numberFormat.format(pages);
  const numbers = [];
  let last = 0;
  for (let n = 1; n <= pages; n++) {
    if (n !== 1 && n !== pages && Math.abs(n - state.page) > 2) continue;
    if (n - last > 1) numbers.push(el("li", "gap", "…"));
    const item = el("li");
    if (n === state.page) {
      const current = el("span", "current", numberFormat.format(n));
      current.setAttribute("aria-current", "page");
      item.append(current);
    } else {
      const link = el("a", "", numberFormat.format(n));
      link.href = urlFor(Object.assign({}, state, { page: n }));
      link.setAttribute("aria-label", "Página " + n);
      item.append(link);
    }
    numbers.push(item);
    last = n;
  }
  $("page-numbers").replaceChildren(...numbers);
}

function renderHit(hit, state) {
  const item = $("result-template").content.firstElementChild.cloneNode(true);
  item.querySelector(".headline").replaceChildren(articleLink(hit, state.q));
  item.querySelector(".meta").textContent = metaLine(hit);
  item.querySelector(".original").append(originalLink(hit.url));
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

function hitList(hits, currentId, q) {
  const list = el("ul", "sublist");
  for (const hit of hits) {
    const item = el("li");
    item.append(articleLink(hit, q), el("span", "sub-meta", metaLine(hit)));
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

// ---- the timeline -----------------------------------------------------------

function bucketLabel(bucket, unit) {
  if (unit === "year") return bucket.key;
  const [y, m, d] = bucket.key.split("-");
  if (unit === "month") return MONTHS[+m - 1] + " de " + y;
  return +d + " de " + MONTHS[+m - 1] + " de " + y;
}
function bucketShort(bucket, unit) {
  if (unit === "year") return bucket.key;
  const [y, m, d] = bucket.key.split("-");
  if (unit === "month") return MONTHS[+m - 1].slice(0, 3) + " " + y.slice(2);
  return d + "/" + m;
}

function selectSpan(a, b) {
  const [first, last] = a.from <= b.from ? [a, b] : [b, a];
  navigate(Object.assign(stateFromUrl(), { from: first.from, to: last.to, page: 1 }));
}

// One bar (a button) per year, month or day; a click picks that span, a drag
// or Mayús+clic / Mayús+Intro picks from the last bar picked; arrows move between bars.
function renderTimeline(data) {
  const buckets = data.buckets || [];
  const box = $("timeline");
  box.hidden = buckets.length < 2;
  if (box.hidden) return;
  const most = Math.max(1, ...buckets.map((b) => b.count));
  const bars = [];
  let anchor = null;
  let dragFrom = null;
  const unitText = { year: "año", month: "mes", day: "día" }[data.unit] || "año";
  $("timeline-title").textContent = "Cobertura en el tiempo, por " + unitText;
  buckets.forEach((bucket, index) => {
    const bar = el("button", "bar");
    bar.type = "button";
    bar.tabIndex = index === buckets.length - 1 ? 0 : -1;
    const label = bucketLabel(bucket, data.unit) + ": " + numberFormat.format(bucket.count) + (bucket.count === 1 ? " artículo" : " artículos");
    bar.setAttribute("aria-label", label);
    bar.title = label;
    bar.dataset.key = bucket.key;
    const fill = el("span", "bar-fill");
    fill.style.height = (bucket.count === 0 ? 0 : Math.max(4, Math.round((bucket.count / most) * 100))) + "%";
    bar.append(fill);
    bar.addEventListener("pointerdown", (event) => { dragFrom = bucket; event.preventDefault(); });
    bar.addEventListener("pointerup", () => {
      if (dragFrom && dragFrom !== bucket) { selectSpan(dragFrom, bucket); dragFrom = null; }
    });
    bar.addEventListener("click", (event) => {
      if (dragFrom && dragFrom !== bucket) return;
      dragFrom = null;
      if (event.shiftKey && anchor) selectSpan(anchor, bucket);
      else selectSpan(bucket, bucket);
    });
    bar.addEventListener("keydown", (event) => {
      let next = null;
      if (event.key === "ArrowRight" || event.key === "ArrowUp") next = index + 1;
      if (event.key === "ArrowLeft" || event.key === "ArrowDown") next = index - 1;
      if (event.key === "Home") next = 0;
      if (event.key === "End") next = bars.length - 1;
      if (next !== null) {
        event.preventDefault();
        next = Math.max(0, Math.min(bars.length - 1, next));
        if (event.shiftKey && anchor === null) anchor = bucket;
        bars[index].tabIndex = -1;
        bars[next].tabIndex = 0;
        bars[next].focus();
        return;
      }
      if (event.key === "Enter" && event.shiftKey && anchor) { event.preventDefault(); selectSpan(anchor, bucket); }
      else if (event.key === " " || event.key === "Enter") anchor = bucket;
    });
    bars.push(bar);
  });
  $("timeline-bars").replaceChildren(...bars);
  const axis = [];
  const step = Math.max(1, Math.ceil(buckets.length / 8));
  buckets.forEach((bucket, index) => { if (index % step === 0) axis.push(el("span", "", bucketShort(bucket, data.unit))); });
  $("timeline-axis").replaceChildren(...axis);
  $("timeline-rows").replaceChildren(...buckets.map((bucket) => {
    const row = el("tr");
    const link = el("a", "", bucketLabel(bucket, data.unit));
    link.href = urlFor(Object.assign(stateFromUrl(), { from: bucket.from, to: bucket.to, page: 1 }));
    const th = el("th");
    th.scope = "row";
    th.append(link);
    row.append(th, el("td", "", numberFormat.format(bucket.count)));
    return row;
  }));
}

async function loadTimeline(state, signal) {
  try {
    renderTimeline(await api("/api/timeline?" + searchParams(state), signal));
  } catch (error) {
    if (error.name !== "AbortError") $("timeline").hidden = true;
  }
}

function setFeedLink(href) {
  let link = document.querySelector("link[rel=alternate][type='application/atom+xml']");
  if (!href) {
    if (link) link.remove();
    return;
  }
  if (!link) {
    link = document.createElement("link");
    link.rel = "alternate";
    link.type = "application/atom+xml";
    link.title = "Noticias de esta búsqueda (Atom)";
    document.head.append(link);
  }
  link.href = href;
}

// ---- the article view ------------------------------------------------------

function articleIdFromPath() {
  const match = /^\/articulo\/([^/]+)$/.exec(location.pathname);
  return match ? decodeURIComponent(match[1]) : null;
}

async function renderArticle(id) {
  const q = new URLSearchParams(location.search).get("q") || "";
  $("results-area").hidden = true;
  $("filters").hidden = true;
  $("article-view").hidden = false;
  $("q").value = q;
  setFeedLink(null);
  for (const part of ["article-title", "article-meta", "article-source", "article-body", "versions-list", "related-list"])
    $(part).replaceChildren();
  $("article-matches").hidden = true;
  $("article-message").hidden = true;
  $("article-versions").hidden = true;
  $("article-related").hidden = true;
  $("article-title").textContent = "Cargando…";
  $("article-back").href = q ? "/?q=" + encodeURIComponent(q) : "/";
  if (inFlight) inFlight.abort();
  const controller = new AbortController();
  inFlight = controller;
  try {
    const article = await api("/api/article?id=" + encodeURIComponent(id) + (q ? "&q=" + encodeURIComponent(q) : ""), controller.signal);
    document.title = (article.title || "Artículo") + " · Hemeroteca";
    $("article-title").replaceChildren(snippetFragment(article.title_html || article.title || "(sin título)"));
    $("article-meta").textContent = [article.source, formatDate(article.date), article.section, article.author].filter(Boolean).join(" · ");
    $("article-source").append(originalLink(article.url));
    const body = (article.paragraphs || []).map((html, index) => {
      const p = el("p", "", undefined);
      p.id = "p-" + index;
      p.append(snippetFragment(html));
      return p;
    });
    $("article-body").replaceChildren(...body);
    if (q) {
      const box = $("article-matches");
      box.hidden = false;
      if (article.first_match >= 0) {
        const jump = el("a", "", "Ir a la primera coincidencia");
        jump.href = "#p-" + article.first_match;
        box.replaceChildren(numberFormat.format(article.matches) + (article.matches === 1 ? " coincidencia" : " coincidencias") + " con «" + q + "» · ", jump);
      } else {
        box.replaceChildren("El texto no contiene «" + q + "».");
      }
    }
    const others = (article.versions || []);
    if (others.length > 1) {
      $("article-versions").hidden = false;
      $("versions-title").textContent = numberFormat.format(others.length) + " versiones de esta noticia";
      $("versions-list").replaceChildren(hitList(others, article.id, q));
    }
    $("article-related").hidden = false;
    $("related-list").replaceChildren(el("p", "loading", "Cargando…"));
    try {
      const related = await api("/api/related?id=" + encodeURIComponent(article.id) + "&per_page=5", controller.signal);
      $("related-list").replaceChildren(related.results.length ? hitList(related.results, article.id, "") : el("p", "empty-inline", "No hay noticias relacionadas."));
    } catch (error) {
      if (error.name !== "AbortError") $("related-list").replaceChildren(el("p", "error-inline", "No se pudieron cargar: " + error.message));
    }
    if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  } catch (error) {
    if (error.name === "AbortError") return;
    $("article-title").textContent = "Artículo no disponible";
    showMessage(error.message, error.detail, "error", $("article-message"));
  } finally {
    if (inFlight === controller) inFlight = null;
  }
}

function route() {
  const id = articleIdFromPath();
  if (id !== null) return renderArticle(id);
  $("article-view").hidden = true;
  $("results-area").hidden = false;
  $("filters").hidden = false;
  return render(stateFromUrl());
}

async function render(state) {
  syncControls(state);
  renderActiveFilters(state);
  if (inFlight) inFlight.abort();
  clearResults();
  $("welcome").hidden = hasSearch(state);
  $("page-heading").textContent = state.q ? "Resultados para «" + state.q + "»" : hasSearch(state) ? "Resultados de la búsqueda" : "Hemeroteca: buscador de noticias";
  if (!hasSearch(state)) {
    setFeedLink(null);
    return;
  }
  if (state.page > MAX_PAGE) {
    showMessage(PARAMETER_MESSAGES.page, "", "error");
    return;
  }

  const params = new URLSearchParams({ per_page: PER_PAGE, facets: 1 });
  for (const key of KEYS) if (state[key]) params.set(key, state[key]);
  const controller = new AbortController();
  inFlight = controller;
  $("status").textContent = "Buscando…";
  document.body.classList.add("busy");
  try {
    const timeline = loadTimeline(state, controller.signal);
    const data = await api("/api/search?" + params, controller.signal);
    renderStatus(data, state);
    renderSuggestion(data);
    renderFacets(data.facets, state, data.facets_exact);
    if (data.results.length === 0) {
      const filtered = state.from || state.to || state.section || state.source || state.author || state.lang;
      showMessage(state.q ? "No hay artículos que coincidan con «" + state.q + "»." : "No hay artículos con esos filtros.",
        filtered ? "Prueba a quitar algún filtro o a ampliar las fechas." : "Prueba con menos palabras o revisa la ortografía.", "empty");
    }
    $("results").replaceChildren(...data.results.map((hit) => renderHit(hit, state)));
    renderPager(data, state);
    await timeline;
  } catch (error) {
    if (error.name === "AbortError") return;
    $("status").textContent = "";
    $("timeline").hidden = true;
    showMessage(error.message, error.detail, "error");
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
    const from = parseSpanishDate($("from").value);
    const to = parseSpanishDate($("to").value);
    const bad = from === null ? "«Desde»" : to === null ? "«Hasta»" : "";
    if (bad) {
      $("dates-error").textContent = bad + " no es una fecha. Escríbela como 15/03/2016, 03/2016, «marzo de 2016» o 2016.";
      $("dates-error").hidden = false;
      (from === null ? $("from") : $("to")).setAttribute("aria-invalid", "true");
      return;
    }
    $("from").removeAttribute("aria-invalid");
    $("to").removeAttribute("aria-invalid");
    navigate(Object.assign(stateFromUrl(), { from, to, page: 1 }));
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
    if (!link || link.hasAttribute("download") || /^\/(api|feed|opensearch)/.test(link.getAttribute("href"))) return;
    if (event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    history.pushState(null, "", link.getAttribute("href"));
    window.scrollTo({ top: 0 });
    route();
  });
  window.addEventListener("popstate", route);
  $("filters").open = window.matchMedia("(min-width: 760px)").matches;
  route();
  showArchiveInfo();
}

document.addEventListener("DOMContentLoaded", start);
