// The search page in a real browser (Debian's headless Chromium through
// playwright-core, no browser download): load, type a query, see highlighted
// results, go to the next page and back, filter by a facet, open versions,
// the suggestion, the empty state, an XSS payload shown as text; the reading
// room: an article's own page with its highlighted text, the timeline (click,
// drag, keyboard, its table), facets' "show more" and filter box, Spanish
// dates, numbered pages, exports (the downloaded files parse and hold every
// result), the Atom feed (parsed by python3-feedparser), and axe-core on the
// home, results and article pages. Screenshots of each, desktop and phone.
// Usage: node page_test.cjs BASE_URL SCREENSHOT_DIR   (PLAYWRIGHT_DIR: where node_modules is)
"use strict";
const path = require("path");
const fs = require("fs");
const os = require("os");
const { execFileSync } = require("child_process");
const modules = path.join(process.env.PLAYWRIGHT_DIR || __dirname, "node_modules");
const { chromium } = require(path.join(modules, "playwright-core"));
const AXE_SOURCE = fs.readFileSync(path.join(modules, "axe-core", "axe.min.js"), "utf8");
const SHOTS = [];

const [base, shotDir] = process.argv.slice(2);
const CHROMIUM_FLAGS = ["--lang=es-ES", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync"];

let failures = 0;
function check(condition, what) {
  console.log((condition ? "ok   " : "FAIL ") + what);
  if (!condition) failures++;
}

async function resultsLoaded(page) {
  await page.waitForFunction(() => !document.body.classList.contains("busy") && document.getElementById("status").textContent !== "Buscando…");
}

async function search(page, query) {
  await page.fill("#q", "");
  await page.type("#q", query);
  await page.press("#q", "Enter");
  await resultsLoaded(page);
}

async function shot(page, name) {
  const file = path.join(shotDir, name + ".png");
  await page.screenshot({ path: file, fullPage: true });
  SHOTS.push(file);
}

// axe-core, run through the DevTools protocol (the page's CSP forbids injected scripts, rightly).
async function axe(page, what) {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  const found = result.violations.map((v) => v.id + " (" + v.nodes.length + ": " + v.nodes.slice(0, 2).map((n) => n.target.join(" ")).join(", ") + ")");
  check(found.length === 0, "axe-core: 0 violations on the " + what + (found.length ? " — " + found.join("; ") : ""));
}

function parseFeed(xml) {
  const out = execFileSync("/usr/bin/python3", ["-c",
    "import feedparser, json, sys\nf = feedparser.parse(sys.stdin.buffer.read())\n" +
    "print(json.dumps({'bozo': bool(f.bozo), 'version': f.version, 'n': len(f.entries), 'title': f.feed.get('title', '')}))"],
  { input: xml });
  return JSON.parse(out.toString());
}

async function readingRoom(page, context) {
  // The home page, by axe.
  await page.goto(base + "/");
  await page.waitForFunction(() => /artículos en el archivo/.test(document.getElementById("archive-info").textContent));
  await shot(page, "home-desktop");
  await axe(page, "home page");
  check((await page.locator("link[rel=search][type='application/opensearchdescription+xml']").count()) === 1, "the page offers OpenSearch (link rel=search)");

  // Results: highlighted headlines, numbered pages, the timeline, exports and the feed.
  await search(page, "gobierno");
  const titleMarks = await page.$$eval(".result .headline mark", (ms) => ms.map((m) => m.textContent.toLowerCase()));
  check(titleMarks.length >= 1 && titleMarks.every((m) => m.startsWith("gobiern")), "headlines are highlighted (" + titleMarks.slice(0, 3).join(", ") + ")");
  check(await page.isVisible("#page-numbers a[aria-label='Página 2']"), "numbered pages");
  await page.waitForSelector("#timeline:not([hidden]) .bar");
  const total = Number((await page.textContent("#status")).replace(/\(.*$/, "").replace(/\D/g, ""));
  const bars = await page.$$eval("#timeline .bar", (bs) => bs.map((b) => b.getAttribute("aria-label")));
  const rows = await page.$$eval("#timeline-rows tr", (rs) => rs.map((r) => Number(r.cells[1].textContent.replace(/\D/g, ""))));
  check(bars.length >= 2 && /^\d{4}: \d+ artículos?$/.test(bars[0]), "the timeline has a bar per year with its count (" + bars[0] + ")");
  check(rows.length === bars.length && rows.reduce((a, b) => a + b, 0) >= 1, "and a table with the same buckets (text alternative)");
  await shot(page, "results-desktop");
  await axe(page, "results page");

  const feedHref = await page.getAttribute("link[rel=alternate][type='application/atom+xml']", "href");
  check(feedHref === "/feed?q=gobierno", "the page links its Atom feed (" + feedHref + ")");
  const feedBody = await (await page.request.get(base + feedHref)).body();
  const feed = parseFeed(feedBody);
  check(!feed.bozo && feed.version === "atom10" && feed.n >= 10, "subscribing: the feed parses in feedparser (" + JSON.stringify(feed) + ")");

  for (const [id, format] of [["#export-jsonl", "jsonl"], ["#export-csv", "csv"]]) {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click(id)]);
    const text = fs.readFileSync(await download.path(), "utf8");
    let count = 0;
    if (format === "jsonl") {
      const lines = text.split("\n").filter(Boolean);
      const ok = lines.every((line) => { const row = JSON.parse(line); return "url" in row && "title" in row && "snippet" in row; });
      count = ok ? lines.length : -1;
    } else {
      const lines = text.split("\r\n").filter(Boolean);
      count = lines[0] === "url,id,title,date,outlet,author,section,snippet" ? lines.length - 1 : -1;
    }
    check(count === total && total > 10, "export " + format + ": the downloaded file parses and has every result (" + count + " of " + total + ")");
  }

  // The timeline: a click picks a year, the keyboard a month, a drag a span.
  // The busiest year (a year of one article has a single month: nothing to narrow).
  const busiest = rows.indexOf(Math.max(...rows));
  const year = bars[busiest].slice(0, 4);
  await page.click("#timeline .bar >> nth=" + busiest);
  await resultsLoaded(page);
  let params = new URL(page.url()).searchParams;
  check(params.get("from") === year + "-01-01" && params.get("to") === year + "-12-31", "a click on the timeline picks that year (" + params.get("from") + ".." + params.get("to") + ")");
  check((await page.textContent("#active-filters")).includes("Año " + year), "the span shows as a chip («Año " + year + "»)");
  await page.waitForSelector("#timeline:not([hidden]) .bar");
  check(/mes/.test(await page.textContent("#timeline-title")), "within a year the timeline counts by month");
  await shot(page, "timeline-desktop");
  const monthBars = await page.locator("#timeline .bar").count();
  await page.focus("#timeline .bar >> nth=-1");
  await page.keyboard.press("ArrowLeft");
  const focused = await page.evaluate(() => document.activeElement.getAttribute("aria-label"));
  await page.keyboard.press("Enter");
  await resultsLoaded(page);
  params = new URL(page.url()).searchParams;
  check(monthBars >= 2 && /^[a-z]+ de \d{4}/.test(focused) && params.get("from").endsWith("-01") && params.get("from").slice(0, 7) === params.get("to").slice(0, 7),
    "by keyboard: an arrow and Enter pick a month (" + focused + " -> " + params.get("from") + ".." + params.get("to") + ")");
  await page.goBack();
  await resultsLoaded(page);
  await page.goBack();
  await resultsLoaded(page);
  await page.waitForSelector("#timeline:not([hidden]) .bar");
  const first = page.locator("#timeline .bar").first();
  const last = page.locator("#timeline .bar").last();
  const a = await first.boundingBox();
  const b = await last.boundingBox();
  await page.mouse.move(a.x + a.width / 2, a.y + a.height - 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height - 2, { steps: 5 });
  await page.mouse.up();
  await resultsLoaded(page);
  params = new URL(page.url()).searchParams;
  check(params.get("from") === bars[0].slice(0, 4) + "-01-01" && params.get("to") === bars[bars.length - 1].slice(0, 4) + "-12-31", "a drag across the timeline picks the span (" + params.get("from") + ".." + params.get("to") + ")");

  // Dates typed in Spanish, whatever the browser's locale.
  await search(page, "gobierno");
  await page.fill("#from", "marzo de 2020");
  await page.fill("#to", "31/12/2022");
  await page.click("#dates button[type=submit]");
  await resultsLoaded(page);
  params = new URL(page.url()).searchParams;
  check(params.get("from") === "2020-03" && params.get("to") === "2022-12-31", "«marzo de 2020» and 31/12/2022 become the date range (" + params.get("from") + ".." + params.get("to") + ")");
  check(await page.inputValue("#from") === "marzo de 2020" && await page.inputValue("#to") === "31/12/2022", "and are shown in Spanish");
  const metaDates = await page.$$eval(".result .meta", (ms) => ms.map((m) => m.textContent));
  check(metaDates.length > 0 && metaDates.every((m) => /de (2020|2021|2022)/.test(m)), "every result is in the range, its date in Spanish");
  await page.fill("#from", "31/02/2020");
  await page.click("#dates button[type=submit]");
  check(await page.isVisible("#dates-error") && /no es una fecha/.test(await page.textContent("#dates-error")), "an impossible date is refused in Spanish");

  // Facets: "show more" and a filter box; a chip removes the filter.
  await page.goto(base + "/?from=2000");
  await resultsLoaded(page);
  await page.waitForSelector(".facet");
  const facetGroups = await page.$$eval(".facet h2", (hs) => hs.map((h) => h.textContent));
  check(["Año", "Sección", "Medio"].every((t) => facetGroups.includes(t)), "facets by year, section and outlet (" + facetGroups.join(", ") + ")");
  // The author facet has many values (exact facets by author and language come from the API).
  const authorFacet = page.locator(".facet[data-facet=author]");
  const more = authorFacet.locator(".facet-more");
  if (await more.isVisible()) {
    const before = await authorFacet.locator("li:visible").count();
    await more.click();
    const after = await authorFacet.locator("li:visible").count();
    check(after > before, "«Mostrar más» shows the other values (" + before + " -> " + after + ")");
    const last = (await authorFacet.locator("li:visible .facet-label").allTextContents()).pop();
    const part = last.slice(0, 5).toLowerCase();
    await authorFacet.locator(".facet-filter").fill(part);
    const filtered = await authorFacet.locator("li:visible .facet-label").allTextContents();
    check(filtered.length >= 1 && filtered.includes(last) && filtered.every((t) => t.toLowerCase().includes(part)), "the filter box keeps the matching values (" + part + ": " + filtered.join(", ") + ")");
    await authorFacet.locator("li:visible .facet-value").filter({ hasText: last }).first().click();
    await resultsLoaded(page);
    check(new URL(page.url()).searchParams.get("author") === last, "the filtered value applies (" + last + ")");
    await page.click("#active-filters .chip:has-text('Autor')");
    await resultsLoaded(page);
    check(new URL(page.url()).searchParams.get("author") === null && new URL(page.url()).searchParams.get("from") === "2000", "its chip removes it (and only it)");
  } else {
    check(false, "a facet with more than 8 values offers «Mostrar más»");
  }

  // ?page=501: a Spanish message, not a syntax hint.
  await page.goto(base + "/?q=gobierno&page=501");
  await page.waitForSelector(".message.error");
  const deep = await page.textContent(".message.error");
  check(/primeras 500 páginas/.test(deep) && !/comillas/.test(deep), "page 501 says why, in Spanish");

  // An article's own page: results link there; its text highlighted, a link to the first match.
  await search(page, "soldados");
  const headline = page.locator(".result .headline a").first();
  const href = await headline.getAttribute("href");
  check(/^\/articulo\/[0-9a-f]{16}\?q=soldados$/.test(href), "results link to the article view first (" + href + ")");
  await headline.click();
  await page.waitForFunction(() => document.getElementById("article-body").children.length > 0);
  check(/^\/articulo\/[0-9a-f]{16}$/.test(new URL(page.url()).pathname), "the article has its own URL");
  const articleMarks = await page.$$eval("#article-body mark", (ms) => ms.map((m) => m.textContent.toLowerCase()));
  check(articleMarks.length >= 1 && articleMarks.every((m) => m.startsWith("soldad")), "the stored text is shown with its matches highlighted (" + articleMarks.length + ")");
  const jump = await page.getAttribute("#article-matches a", "href");
  check(/^#p-\d+$/.test(jump || "") && (await page.locator(jump + " mark").count()) >= 1, "a link goes to the first match (" + jump + ")");
  check((await page.textContent("#article-meta")).length > 10 && (await page.locator("#article-source a").count()) === 1, "outlet, date and the original URL");
  await page.waitForSelector("#related-list li, #related-list .empty-inline");
  await shot(page, "article-desktop");
  await axe(page, "article page");
  const shared = page.url();
  await page.goBack();
  await resultsLoaded(page);
  check(new URL(page.url()).searchParams.get("q") === "soldados" && (await page.locator(".result").count()) > 0, "Back returns to the results");

  // A syndicated story: its versions on the article page; an article without a URL says so.
  await search(page, "año más cálido");
  await page.click(".result .headline a >> nth=0");
  await page.waitForSelector("#article-versions:not([hidden]) li");
  check((await page.locator("#article-versions li").count()) >= 2, "the article page lists its versions");
  await page.goto(base + "/articulo/0000000000000001");
  await page.waitForSelector("#article-message:not([hidden])");
  check(/No existe ese artículo/.test(await page.textContent("#article-message")), "a missing article: a Spanish message");

  // The phone: home, results, timeline and the shared article.
  const phone = await context.newPage();
  await phone.setViewportSize({ width: 390, height: 844 });
  await phone.goto(base + "/");
  await phone.waitForFunction(() => /artículos en el archivo/.test(document.getElementById("archive-info").textContent));
  await shot(phone, "home-phone");
  await phone.goto(base + "/?q=gobierno");
  await resultsLoaded(phone);
  await phone.waitForSelector("#timeline:not([hidden]) .bar");
  await shot(phone, "results-phone");
  await phone.goto(base + "/?q=gobierno&from=2024-01-01&to=2024-12-31");
  await resultsLoaded(phone);
  await phone.waitForSelector("#timeline:not([hidden]) .bar");
  await shot(phone, "timeline-phone");
  await phone.goto(shared);
  await phone.waitForFunction(() => document.getElementById("article-body").children.length > 0);
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 0, "the shared article fits 390 px (" + overflow + ")");
  await shot(phone, "article-phone");
  await phone.close();
}

async function run(page) {
  const origin = new URL(base).origin;
  const external = [];
  const consoleErrors = [];
  page.on("request", (request) => { if (!request.url().startsWith(origin) && !request.url().startsWith("data:")) external.push(request.url()); });
  // (The deliberate bad query below logs its 400 response; nothing else may log an error.)
  page.on("console", (message) => {
    if (message.type() === "error" && !/status of (400|404)/.test(message.text())) consoleErrors.push(message.text());
  });
  page.on("dialog", async (dialog) => { check(false, "no script from an article runs (dialog: " + dialog.message() + ")"); await dialog.dismiss(); });

  await page.goto(base + "/");
  check(await page.isVisible("#welcome"), "the empty page shows the welcome text");
  check(!(await page.isVisible("#pager")) && !(await page.isVisible("#active-filters")), "and no pager or filter chips");
  await page.waitForFunction(() => /artículos en el archivo/.test(document.getElementById("archive-info").textContent));
  check(/50 artículos/.test(await page.textContent("#archive-info")), "the footer shows the article count");

  // Type a query: highlighted results, the query in the URL.
  await search(page, "gobierno");
  const first = await page.$$eval(".result", (items) => items.map((li) => li.querySelector(".headline").textContent));
  check(first.length === 10, "ten results on the first page (" + first.length + ")");
  const marks = await page.$$eval(".result .snippet mark", (ms) => ms.map((m) => m.textContent.toLowerCase()));
  check(marks.length >= 10 && marks.every((m) => m.startsWith("gobiern")), "snippets highlight the query's forms (" + marks.slice(0, 4).join(", ") + "…)");
  check(new URL(page.url()).searchParams.get("q") === "gobierno", "the query is in the URL");
  check(/resultados para «gobierno»/.test(await page.textContent("#status")), "the status line counts the results");
  await page.screenshot({ path: path.join(shotDir, "page-results-desktop.png"), fullPage: true });

  // Next page, then back.
  check(/Página 1 de \d/.test(await page.textContent("#page-info")), "the pager shows page 1");
  await page.click("#next");
  await resultsLoaded(page);
  const second = await page.$$eval(".result .headline", (hs) => hs.map((h) => h.textContent));
  check(new URL(page.url()).searchParams.get("page") === "2", "page 2 is in the URL");
  check(second.length > 0 && !second.some((t) => first.includes(t)), "page 2 shows other articles");
  check(/Página 2 de/.test(await page.textContent("#page-info")), "the pager shows page 2");
  await page.goBack();
  await resultsLoaded(page);
  const again = await page.$$eval(".result .headline", (hs) => hs.map((h) => h.textContent));
  check(JSON.stringify(again) === JSON.stringify(first), "the back button returns to page 1");

  // A facet filter: every result from that outlet, a chip to remove it.
  const facet = page.locator(".facet").filter({ hasText: "Medio" }).locator(".facet-value").first();
  const outlet = await facet.locator(".facet-label").textContent();
  const count = Number((await facet.locator(".facet-count").textContent()).replace(/\D/g, ""));
  await facet.click();
  await resultsLoaded(page);
  const metas = await page.$$eval(".result .meta", (ms) => ms.map((m) => m.textContent));
  check(metas.length === Math.min(count, 10) && metas.every((m) => m.startsWith(outlet)), "the facet «" + outlet + "» keeps only its " + count + " articles");
  check(new URL(page.url()).searchParams.get("source") === outlet, "the facet filter is in the URL");
  check((await page.textContent("#active-filters")).includes(outlet), "the active filter shows as a chip");
  await page.click("#active-filters .chip");
  await resultsLoaded(page);
  check(new URL(page.url()).searchParams.get("source") === null, "removing the chip removes the filter");

  // Syndicated versions, on demand.
  await search(page, "año más cálido");
  const versions = page.locator(".versions-toggle:visible").first();
  check(/\d+ versiones/.test(await versions.textContent()), "a syndicated story says «N versiones»");
  await versions.click();
  await page.waitForSelector(".versions-list:not([hidden]) li");
  check((await page.locator(".versions-list:not([hidden]) li").count()) >= 2, "the versions list opens with every copy");
  const related = page.locator(".related-toggle").first();
  await related.click();
  await page.waitForSelector(".related-list:not([hidden]) li, .related-list:not([hidden]) .empty-inline");
  check((await page.locator(".related-list:not([hidden]) li").count()) >= 1, "related articles open");

  // Did you mean, the empty state, a bad query.
  await search(page, "argentna");
  check(await page.isVisible("#suggestion"), "«Quizás quiso decir: …» appears");
  check(await page.isVisible("#suggestion-retried") && /se muestran los de la sugerencia/.test(await page.textContent("#suggestion")),
    "nothing matched what was typed: the page says it shows the suggestion's results");
  await page.click("#suggestion-link");
  await resultsLoaded(page);
  check((await page.locator(".result").count()) > 0 && new URL(page.url()).searchParams.get("q").toLowerCase() === "argentina", "the suggestion searches again");
  await search(page, "qxzvwkjq");
  check(await page.isVisible(".message.empty"), "no results: a clear empty state");
  await search(page, "Rusia AND");
  check(await page.isVisible(".message.error"), "a bad query: a clear error state");
  check(/No se pudo entender/.test(await page.textContent(".message.error")) && !(await page.isVisible("#pager")),
    "the error is in Spanish, without a pager");

  // An article whose title holds <script> shows it as text.
  await search(page, "xilofonista");
  const title = await page.textContent(".result .headline");
  check(title.includes("<script>alert('titular')</script>"), "a <script> title shows as text");
  check((await page.locator(".result script").count()) === 0, "no <script> element is created from article text");

  // A phone's width: a shared link opened on a phone.
  await search(page, "gobierno");
  const phone = await page.context().newPage();
  await phone.setViewportSize({ width: 390, height: 844 });
  await phone.goto(page.url());
  await resultsLoaded(phone);
  check((await phone.locator(".result").count()) === 10, "the shared URL shows the same results on a phone");
  check(!(await phone.isVisible("#sort")), "on a phone the filters start folded");
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 0, "no sideways scrolling at 390 px (" + overflow + ")");
  await phone.screenshot({ path: path.join(shotDir, "page-results-phone.png"), fullPage: false });
  await phone.click("summary");
  check(await phone.isVisible("#sort"), "the filters unfold");
  await phone.close();

  await readingRoom(page, page.context());

  check(external.length === 0, "no request leaves the server (" + external.join(", ") + ")");
  check(consoleErrors.length === 0, "no console errors (" + consoleErrors.join(" | ") + ")");
}

(async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "hemeroteca-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 900 },
    locale: "es-ES",
    acceptDownloads: true,
  });
  try {
    const page = context.pages()[0] || (await context.newPage());
    page.setDefaultTimeout(15000);
    await run(page);
  } catch (error) {
    console.log("FAIL " + error.message);
    failures++;
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  for (const file of [path.join(shotDir, "page-results-desktop.png"), path.join(shotDir, "page-results-phone.png"), ...SHOTS])
    if (fs.existsSync(file)) console.log("screenshot: " + file);
  console.log(failures === 0 ? "browser test: ok" : "browser test: " + failures + " failed");
  process.exit(failures === 0 ? 0 : 1);
})();
