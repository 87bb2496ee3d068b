/* pedoman's service worker, written into the site as sw.js by src/pedoman/offline.py, which
   fills in VERSION (a digest of every file the site serves), PRECACHE and NOT_FOUND.

   After a reader's first visit the site keeps working without a connection:
   - install: every page of both languages, the styles, scripts and images they use and the
     search index go into one cache named after this build;
   - fetch: those come from the cache; anything else of the site (PDFs, documents, open data,
     search fragments not listed) comes from the network and a copy is kept for offline use;
   - activate: this build's worker deletes the caches of older builds and takes over the open
     pages at once (the page then says that a newer version is available).
   Every URL is relative to this file's folder, the worker's scope, so the site may live under a
   sub-path (a project site at /<repo>/). Requests to other hosts are left to the browser. */
"use strict";

const VERSION = "__PEDOMAN_VERSION__";
const PRECACHE = ["__PEDOMAN_PRECACHE__"];
const NOT_FOUND = {"__PEDOMAN_NOT_FOUND__": ""}; // URL prefix of a language → its not-found page

const SCOPE = new URL("./", self.location).href;
// Several sites may share one host (project sites): a cache belongs to this scope only.
const PREFIX = "pedoman " + new URL(SCOPE).pathname + " ";
const CACHE = PREFIX + VERSION;
const KEPT = new Set(PRECACHE.map((url) => new URL(url, SCOPE).href));

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

function keep(request, response) {
  return caches.has(CACHE).then((mine) => mine && caches.open(CACHE).then((cache) => cache.put(request, response)));
}

self.addEventListener("install", (event) => {
  // "no-cache": revalidate with the server, so that a file the browser's HTTP cache kept from
  // the previous build is never stored as this build's. One failure fails the install: all or nothing.
  const requests = PRECACHE.map((url) => new Request(new URL(url, SCOPE), { cache: "no-cache" }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE)
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
  // Online: the network, and a whole (200) response is kept; offline: the kept copy, or for
  // a page never visited the not-found page of its language.
  event.respondWith(fetch(request).then((response) => {
    if (response.status === 200 && response.type === "basic") {
      const copy = response.clone();
      event.waitUntil(keep(request, copy));
    }
    return response;
  }, (error) => fromCache(request).then((hit) => hit || notFound(request) || Promise.reject(error))));
});

function notFound(request) {
  if (request.mode !== "navigate") return null;
  const path = request.url.slice(SCOPE.length);
  const prefix = Object.keys(NOT_FOUND).filter((p) => path.startsWith(p))
    .sort((a, b) => b.length - a.length)[0];
  return prefix === undefined ? null : fromCache(new URL(NOT_FOUND[prefix], SCOPE).href);
}
