/* pedoman's service worker, written into the site as sw.js by src/pedoman/offline.py, which
   fills in VERSION (a digest of every file the site serves), PRECACHE, FILES (the handouts and
   documents kept from the first visit, each with a digest of its bytes), NOT_FOUND, OPENED (the
   endings of the files kept once opened) and EXTRA_LIMIT.

   After a reader's first visit the site keeps working without a connection:
   - install: every page of both languages, the styles, scripts and images they use and the
     search index go into one cache named after this build;
   - message "pd-fill" (each page asks once the worker runs): every handout and document of FILES
     is fetched in the background into a cache of its own (DOWNLOADS), which no build replaces:
     each copy carries its digest, so a new build fetches again only the files that changed, and a
     file no longer in FILES is dropped; the pages are then told ("pd-filled");
   - fetch: the pages and what they load come from the cache, whatever query string a request
     carries (`/page/?q=x` is `/page/`); a file of FILES from DOWNLOADS when its copy is this
     build's, else from the network (and kept), offline any copy; another PDF or document (OPENED)
     comes from the network and a copy is kept under its address without a query string, at most
     EXTRA_LIMIT of them, the oldest dropped first; anything else of the site (open data, feeds)
     comes from the network only;
   - activate: this build's worker deletes the caches of older builds and takes over the open
     pages at once (the page then says that a newer version is available);
   - message "pd-keep": a page's "keep for offline use" button (overrides/assets/offline.js) asks
     for its files (PDFs, handout, documents) to be kept in a cache of their own (SAVED), which no
     build replaces and EXTRA_LIMIT does not bound: a reader chose them. Each is fetched anew and
     the page is told which are kept and how large; with `fetch: false` it only asks what is kept.
     Online, a saved file is fetched from the network and its copy renewed; offline, the copy answers.
   So the cache holds the manifest's files and at most EXTRA_LIMIT more, DOWNLOADS the files of FILES,
   and no cache a variant of an address with a query string.
   Every URL is relative to this file's folder, the worker's scope, so the site may live under a
   sub-path (a project site at /<repo>/). Requests to other hosts are left to the browser. */
"use strict";

const VERSION = "__PEDOMAN_VERSION__";
const PRECACHE = ["__PEDOMAN_PRECACHE__"];
const FILES = {"__PEDOMAN_FILES__": ""}; // handout or document → the digest of its bytes
const NOT_FOUND = {"__PEDOMAN_NOT_FOUND__": ""}; // URL prefix of a language → its not-found page
const OPENED = ["__PEDOMAN_OPENED__"]; // endings of the files kept once a reader opened them
const EXTRA_LIMIT = "__PEDOMAN_EXTRA_LIMIT__"; // at most this many of them

const SCOPE = new URL("./", self.location).href;
// Several sites may share one host (project sites): a cache belongs to this scope only.
const PREFIX = "pedoman " + new URL(SCOPE).pathname + " ";
const CACHE = PREFIX + VERSION;
const SAVED = PREFIX + "saved"; // the files a reader asked to keep, across builds
const DOWNLOADS = PREFIX + "downloads"; // the handouts and documents of FILES, across builds
const KEPT = new Set(PRECACHE.map((url) => new URL(url, SCOPE).href));
const DIGESTS = new Map(Object.entries(FILES).map(([url, digest]) => [new URL(url, SCOPE).href, digest]));
const DIGEST_HEADER = "X-Pedoman-Digest";

function withoutQuery(url) {
  const clean = new URL(url);
  clean.search = "";
  clean.hash = "";
  return clean.href;
}

// Neither lookup nor keeping a copy opens the cache by name (which would create it anew): a
// worker that a newer one replaced may still answer a request or two after its cache is deleted.
function fromCache(request) {
  // ignoreSearch: Pagefind asks for pagefind-entry.json?ts=..., a page may carry ?q=...
  return caches.match(request, { cacheName: CACHE, ignoreSearch: true });
}

function keptOnceOpened(url) {
  const path = new URL(url).pathname.toLowerCase();
  return OPENED.some((ending) => path.endsWith(ending));
}

// One copy at a time: each is stored, then the oldest beyond EXTRA_LIMIT are dropped, so two
// files opened together never leave more than the limit.
let storing = Promise.resolve();

function keep(url, response) {
  storing = storing.then(() => caches.has(CACHE).then((mine) => mine && caches.open(CACHE).then((cache) =>
    cache.put(withoutQuery(url), response)
      .then(() => cache.keys())
      .then((requests) => {
        // the Cache API lists entries in the order they were stored (a copy stored again moves last)
        const extra = requests.filter((r) => !KEPT.has(r.url));
        return Promise.all(extra.slice(0, Math.max(0, extra.length - EXTRA_LIMIT)).map((r) => cache.delete(r)));
      })))).catch(() => { /* storage full or the cache deleted meanwhile: the file was shown all the same */ });
  return storing;
}

self.addEventListener("install", (event) => {
  // "no-cache": revalidate with the server, so that a file the browser's HTTP cache kept from
  // the previous build is never stored as this build's. One failure fails the install: all or nothing.
  const requests = PRECACHE.map((url) => new Request(new URL(url, SCOPE), { cache: "no-cache" }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name.startsWith(PREFIX) && ![CACHE, SAVED, DOWNLOADS].includes(name))
      .map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  if (KEPT.has(withoutQuery(request.url))) {
    event.respondWith(fromCache(request).then((hit) => hit || fetch(request)));
    return;
  }
  if (DIGESTS.has(withoutQuery(request.url))) {
    event.respondWith(download(withoutQuery(request.url)).then((hit) => hit || fetch(request)));
    return;
  }
  // Online: the network, and a whole (200) PDF or document is kept; offline: the kept copy, or
  // for a page never visited the not-found page of its language.
  event.respondWith(fetch(request).then((response) => {
    if (response.status === 200 && response.type === "basic" && keptOnceOpened(request.url)) {
      event.waitUntil(keep(request.url, response.clone()));
      event.waitUntil(renewSaved(request.url, response.clone()));
    }
    return response;
  }, (error) => fromCache(request).then((hit) => hit || fromSaved(request))
    .then((hit) => hit || notFound(request) || Promise.reject(error))));
});

// --- the first visit's handouts and documents (FILES) ------------------------------------------

// This build's copy of a file of FILES: from DOWNLOADS when its digest is this build's, else fetched
// and kept; offline, whatever copy DOWNLOADS or SAVED holds. Undefined when there is none.
function download(url) {
  return caches.open(DOWNLOADS).then((cache) => cache.match(url).then((hit) => {
    if (hit && hit.headers.get(DIGEST_HEADER) === DIGESTS.get(url)) return hit;
    return fetchInto(cache, url).then(() => cache.match(url),
      () => hit || caches.match(url, { cacheName: SAVED }));
  }));
}

// Fetch one file of FILES into DOWNLOADS, its copy marked with its digest.
function fetchInto(cache, url) {
  return fetch(new Request(url, { cache: "no-cache" })).then((response) => {
    if (response.status !== 200) throw new Error(response.status);
    return response.blob().then((body) => {
      const headers = new Headers(response.headers);
      headers.set(DIGEST_HEADER, DIGESTS.get(url));
      return cache.put(url, new Response(body, { status: 200, headers }));
    });
  });
}

// Every file of FILES into DOWNLOADS, one at a time (a phone on a slow link keeps its pages usable),
// skipping those whose copy is current; files no longer listed are dropped. One run at a time.
let filling = null;

function fill() {
  if (!filling) {
    filling = caches.open(DOWNLOADS).then((cache) => cache.keys()
      .then((requests) => Promise.all(requests.filter((r) => !DIGESTS.has(r.url)).map((r) => cache.delete(r))))
      .then(() => [...DIGESTS.keys()].reduce((done, url) => done.then(() => cache.match(url)
        .then((hit) => hit && hit.headers.get(DIGEST_HEADER) === DIGESTS.get(url) ? null : fetchInto(cache, url))
        .catch(() => { /* offline or storage full: the next page asks again */ })), Promise.resolve())))
      .then(() => self.clients.matchAll({ includeUncontrolled: true, type: "window" }))
      .then((clients) => clients.forEach((client) => client.postMessage({ type: "pd-filled" })))
      .finally(() => { filling = null; });
  }
  return filling;
}

function fromSaved(request) {
  return caches.match(request, { cacheName: SAVED, ignoreSearch: true });
}

// A saved file opened online: its copy is replaced by the newer one (never a file not saved).
function renewSaved(url, response) {
  const clean = withoutQuery(url);
  return caches.has(SAVED).then((saved) => saved && caches.open(SAVED)
    .then((cache) => cache.match(clean).then((old) => old && cache.put(clean, response))))
    .catch(() => {});
}

// Keep one file in SAVED (fetch) or look it up (no fetch): {url, kept, bytes}. A file of FILES whose
// copy in DOWNLOADS is this build's is kept already and fetched no more.
function saveOne(cache, url, fetchIt) {
  const current = () => (DIGESTS.has(url) ? caches.match(url, { cacheName: DOWNLOADS }) : Promise.resolve(undefined))
    .then((hit) => (hit && hit.headers.get(DIGEST_HEADER) === DIGESTS.get(url) ? hit : undefined));
  const stored = () => current().then((hit) => hit || (cache ? cache.match(url) : undefined))
    .then((hit) => hit ? hit.blob().then((b) => ({ url, kept: true, bytes: b.size })) : { url, kept: false, bytes: 0 });
  if (!cache || !fetchIt) return stored();
  return current().then((hit) => hit || fetch(new Request(url, { cache: "no-cache" })).then((response) => {
    if (response.status !== 200) throw new Error(response.status);
    return cache.put(url, response);
  })).then(stored, stored);
}

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "pd-fill") {
    event.waitUntil(fill());
    return;
  }
  if (data.type !== "pd-keep" || !Array.isArray(data.files)) return;
  const urls = data.files.map((f) => withoutQuery(new URL(f, SCOPE).href)).filter((u) => u.startsWith(SCOPE));
  const fetchThem = data.fetch !== false;
  // only asking what is kept never makes the cache: a reader who keeps nothing has none
  event.waitUntil(caches.has(SAVED).then((saved) => (saved || fetchThem ? caches.open(SAVED) : null))
    .then((cache) => Promise.all(urls.map((url) => saveOne(cache, url, fetchThem)
      .then((result) => {
        if (event.source) event.source.postMessage({ type: "pd-keep-file", id: data.id, result });
        return result;
      }))))
    .then((results) => event.source && event.source.postMessage({ type: "pd-keep-done", id: data.id, results })));
});

function notFound(request) {
  if (request.mode !== "navigate") return null;
  const path = request.url.slice(SCOPE.length);
  const prefix = Object.keys(NOT_FOUND).filter((p) => path.startsWith(p))
    .sort((a, b) => b.length - a.length)[0];
  return prefix === undefined ? null : fromCache(new URL(NOT_FOUND[prefix], SCOPE).href);
}
