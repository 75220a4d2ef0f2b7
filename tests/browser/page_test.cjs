// The search page in a real browser (Debian's headless Chromium through
// playwright-core, no browser download): load, type a query, see highlighted
// results, go to the next page and back, filter by a facet, open versions,
// the suggestion, the empty state, an XSS payload shown as text.
// Usage: node page_test.cjs BASE_URL SCREENSHOT_DIR   (PLAYWRIGHT_DIR: where node_modules is)
"use strict";
const path = require("path");
const fs = require("fs");
const os = require("os");
const { chromium } = require(path.join(process.env.PLAYWRIGHT_DIR || __dirname, "node_modules", "playwright-core"));

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

async function run(page) {
  const origin = new URL(base).origin;
  const external = [];
  const consoleErrors = [];
  page.on("request", (request) => { if (!request.url().startsWith(origin) && !request.url().startsWith("data:")) external.push(request.url()); });
  // (The deliberate bad query below logs its 400 response; nothing else may log an error.)
  page.on("console", (message) => {
    if (message.type() === "error" && !/status of 400/.test(message.text())) consoleErrors.push(message.text());
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
  check(await page.isVisible("#suggestion"), "«¿Quisiste decir…?» appears");
  await page.click("#suggestion-link");
  await resultsLoaded(page);
  check((await page.locator(".result").count()) > 0 && new URL(page.url()).searchParams.get("q") === "argentina", "the suggestion searches again");
  await search(page, "xilofonistaz");
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
  for (const name of ["page-results-desktop.png", "page-results-phone.png"]) {
    const file = path.join(shotDir, name);
    if (fs.existsSync(file)) console.log("screenshot: " + file);
  }
  console.log(failures === 0 ? "browser test: ok" : "browser test: " + failures + " failed");
  process.exit(failures === 0 ? 0 : 1);
})();
