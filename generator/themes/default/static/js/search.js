// The search page: the Pagefind index searched in the browser. The query and the chosen filters
// live in the URL (?q=...&person=...), so a search can be shared or bookmarked; results show the
// headline, date, dateline and summary as the site's cards do. The index comes in parts, each a
// period of the calendar: data-pagefind is their folder, whose shards.json lists them newest first.
const PAGE = 20; // results shown at a time
const OPTIONS = 150; // values listed in a filter (most frequent first); a chosen one always stays

const form = document.getElementById("search-form");
const input = form.elements.q;
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
const fieldset = form.querySelector(".search-filters");
const selects = [...form.querySelectorAll("select[data-filter]")];
const params = new URLSearchParams(location.search);
const initial = {};
input.value = params.get("q") || "";
for (const select of selects) if (params.get(select.name)) initial[select.name] = params.get(select.name);

let pagefind = null;
let parts = []; // the index's parts, newest first
let results = []; // the results found so far: a search with no words fills it part by part
let later = []; // the parts such a search has yet to list
let within = {}; // the filters of the search shown
let total = 0;
let shown = 0;
let run = 0; // each search's number: an older search that ends late shows nothing
let ready = false; // the index and its filters are loaded: a search typed before then waits for them
let last = null; // the query and filters last searched: the same search again would only blank the list

function chosen() {
  const filters = {};
  for (const select of selects) {
    const value = select.value || initial[select.name];
    if (value) filters[select.name] = value;
  }
  return filters;
}

function remember(query, filters) {
  const url = new URL(location.href);
  url.search = "";
  if (query) url.searchParams.set("q", query);
  for (const [name, value] of Object.entries(filters)) url.searchParams.set(name, value);
  history.replaceState(null, "", url);
}

function fillFilters(counts, filters) {
  for (const select of selects) {
    const values = Object.entries(counts[select.name] || {}).filter(([, n]) => n > 0);
    values.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const keep = values.slice(0, OPTIONS);
    const current = filters[select.name];
    if (current && !keep.some(([v]) => v === current)) keep.unshift([current, (counts[select.name] || {})[current] || 0]);
    if (select.name === "year") keep.sort((a, b) => b[0].localeCompare(a[0]));
    const options = [new Option("Any", "")];
    for (const [value, n] of keep) options.push(new Option(`${value} (${n})`, value, false, value === current));
    select.replaceChildren(...options);
    select.value = current || "";
    select.closest(".search-filter").hidden = keep.length === 0;
  }
  fieldset.hidden = false;
}

function card(data) {
  const item = document.createElement("li");
  const article = document.createElement("article");
  article.className = "card";
  const title = document.createElement("h2");
  title.className = "card-title";
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title;
  title.append(link);
  const meta = document.createElement("p");
  meta.className = "meta";
  if (data.meta.dateline) {
    const dateline = document.createElement("span");
    dateline.className = "dateline";
    dateline.textContent = data.meta.dateline;
    meta.append(dateline, " · ");
  }
  const time = document.createElement("time");
  time.dateTime = data.meta.datetime || "";
  time.textContent = data.meta.date || "";
  meta.append(time);
  if (data.filters.agency) meta.append(` · ${data.filters.agency[0]}`);
  article.append(title, meta);
  if (data.meta.summary) {
    const summary = document.createElement("p");
    summary.className = "summary";
    summary.textContent = data.meta.summary;
    article.append(summary);
  }
  item.append(article);
  return item;
}

async function showMore(mine) {
  // a merged search orders each part's results by their place in that part only: newest first
  // across the archive is each part's stories by date, one part after the other
  while (results.length < shown + PAGE && later.length) {
    const part = later.shift();
    const found = await pagefind.search(null, { filters: { ...within, shard: part }, sort: { date: "desc" } });
    if (mine !== run) return;
    results.push(...found.results);
  }
  const next = await Promise.all(results.slice(shown, shown + PAGE).map((r) => r.data()));
  if (mine !== run) return;
  list.append(...next.map(card));
  shown += next.length;
  more.hidden = shown >= total;
}

function describe(count, query, filters) {
  const within = Object.values(filters);
  const what = query ? `for “${query}”` : "";
  const among = within.length ? ` in stories about ${within.join(", ")}` : "";
  if (!count) return `No stories found ${what}${among}.`.replace("  ", " ");
  return `${count} ${count === 1 ? "story" : "stories"} ${what}${among}`.replace("  ", " ").trim() + ".";
}

async function search() {
  const query = input.value.trim();
  const filters = chosen();
  const key = JSON.stringify([query, filters]);
  if (!ready || key === last) return;
  last = key;
  const mine = ++run;
  remember(query, filters);
  if (!query && !Object.keys(filters).length) {
    results = [];
    later = [];
    total = 0;
    list.replaceChildren();
    more.hidden = true;
    status.textContent = "Type a word or a name, or choose a person, place or year.";
    fillFilters(await pagefind.filters(), filters);
    return;
  }
  status.textContent = "Searching…";
  const found = await pagefind.search(query || null, { filters });
  if (mine !== run) return;
  within = filters;
  results = query ? found.results : [];
  later = query ? [] : parts.slice();
  total = found.results.length;
  shown = 0;
  list.replaceChildren();
  fillFilters(found.filters, filters);
  await showMore(mine);
  if (mine === run) status.textContent = describe(total, query, filters);
}

let timer = 0;
input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(search, 250);
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(timer);
  search();
});
for (const select of selects) {
  select.addEventListener("change", () => {
    delete initial[select.name];
    search();
  });
}
more.addEventListener("click", () => showMore(run));

async function load() {
  const folder = new URL(form.dataset.pagefind, location.href).pathname;
  const response = await fetch(folder + "shards.json");
  if (!response.ok) throw new Error(`${folder}shards.json: ${response.status}`);
  parts = await response.json();
  if (!parts.length) return false;
  // the newest part is Pagefind's own (its script, WebAssembly and index); the others merge into it
  const base = form.dataset.base;
  pagefind = await import(`${folder}${parts[0]}/pagefind.js`);
  await pagefind.options({ baseUrl: base, mergeFilter: { shard: parts[0] } });
  await Promise.all(parts.slice(1).map((part) => pagefind.mergeIndex(`${folder}${part}/`, { baseUrl: base, mergeFilter: { shard: part } })));
  await pagefind.filters(); // loads the filter index: without it a search returns no filter counts
  return true;
}

try {
  status.textContent = "Loading the search index…";
  if (await load()) {
    ready = true;
    await search(); // what the URL asked for, or what was typed while the index loaded
  } else {
    status.textContent = "There is no story to search yet.";
  }
} catch (error) {
  status.textContent = "Search could not load its index. Every story is still listed by edition, person and place.";
  console.error(error);
}
