/* The live preview's service worker (`mkdocs serve`), written as sw.js by src/pedoman/offline.py.

   The preview often runs at the address where a built site was opened before (a local web
   server on the same port), whose worker would go on answering with the pages it kept.
   A page served by that worker asks for sw.js again (offline.js updates on every load) and
   gets this one, which takes over at once, deletes every cache of this scope, unregisters
   itself and reloads the open pages from the preview. The preview's own pages register no worker. */
"use strict";

const SCOPE = new URL("./", self.location).href;
const PREFIX = "pedoman " + new URL(SCOPE).pathname + " ";

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name.startsWith(PREFIX)).map((name) => caches.delete(name))))
    .then(() => self.registration.unregister())
    .then(() => self.clients.matchAll({ type: "window" }))
    .then((windows) => Promise.all(windows.map((window) => window.navigate(window.url)))));
});
