/* pedoman offline: registers the service worker (sw.js at the site's root, written by
   src/pedoman/offline.py) and, when a newer build's worker takes over a page that an older one
   served, shows the notice that a newer version is available, with a button to reload. */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator)) return;
  var script = document.currentScript;
  var notice = document.getElementById("pd-update");
  // relative to this page, so the site works under any sub-path; the worker's scope is its folder
  var worker = new URL(script.getAttribute("data-worker"), document.baseURI);
  var served = Boolean(navigator.serviceWorker.controller);

  navigator.serviceWorker.addEventListener("controllerchange", function () {
    // the first visit's worker taking over changes nothing the reader sees; a newer one does
    if (served && notice) notice.hidden = false;
    served = true;
  });
  if (notice) {
    notice.querySelector("button").addEventListener("click", function () { window.location.reload(); });
  }
  navigator.serviceWorker.register(worker.href, { updateViaCache: "none" }).then(function (registration) {
    // look for a new build on every page load, not only when the browser next thinks of it
    if (served) registration.update().catch(function () { /* offline: the cached version stays */ });
  }).catch(function () { /* no worker (private mode, blocked): the site still works online */ });
})();
