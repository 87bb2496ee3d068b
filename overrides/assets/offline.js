/* pedoman offline: registers the service worker (sw.js at the site's root, written by
   src/pedoman/offline.py) and, when a newer build's worker takes over a page that an older one
   served, shows the notice that a newer version is available, with a button to reload.
   Once the worker runs, each page asks it to fetch the handouts and documents it keeps from the first
   visit on (it fetches only those missing or changed, in the background).
   A page's "keep for offline use" box (site/templates/_keep.j2) is shown once a worker runs: it says
   which of its files are kept and how large (asked again when the worker has fetched the first visit's
   files), and its button has the worker keep them all. */
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
  function register() {
    navigator.serviceWorker.register(worker.href, { updateViaCache: "none" }).then(function (registration) {
      // look for a new build on every page load, not only when the browser next thinks of it
      if (served) registration.update().catch(function () { /* offline: the cached version stays */ });
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      if (registration && registration.active) registration.active.postMessage({ type: "pd-fill" });
    }).catch(function () { /* no worker (private mode, blocked): the site still works online */ });
  }
  // once the page has loaded: on a first visit the worker's downloads (every page, the handouts and
  // documents) must not compete with the page's own styles and scripts on a slow link
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register);

  var box = document.querySelector("[data-pd-keep]");
  if (!box) return;
  var items = Array.prototype.slice.call(box.querySelectorAll("[data-pd-file]"));
  var files = items.map(function (li) { return new URL(li.getAttribute("data-pd-file"), document.baseURI).href; });
  var button = box.querySelector("button");
  var status = box.querySelector(".pd-keep__status");
  var lang = document.documentElement.lang || "id";
  var asked = 0, done = 0;

  function size(bytes) {
    var number = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
    return bytes < 1000000 ? number.format(Math.max(1, Math.round(bytes / 1000))) + " kB"
      : number.format(bytes / 1000000) + " MB";
  }
  function say(key, values) {
    status.textContent = box.getAttribute("data-pd-" + key).replace(/\{(\w+)\}/g, function (_, name) { return values[name]; });
  }
  function mark(result) {
    var li = items[files.indexOf(result.url)];
    if (!li) return;
    li.classList.toggle("pd-keep--kept", result.kept);
    li.querySelector(".pd-keep__state").textContent = result.kept
      ? "✓ " + box.getAttribute("data-pd-kept") + " · " + size(result.bytes) : "";
  }
  function ask(fetchThem) {
    asked += 1;
    return navigator.serviceWorker.ready.then(function (registration) {
      registration.active.postMessage({ type: "pd-keep", id: asked, files: files, fetch: fetchThem });
    });
  }
  navigator.serviceWorker.addEventListener("message", function (event) {
    var data = event.data || {};
    if (data.type === "pd-filled") {
      if (!button.disabled) ask(false);
    } else if (data.type === "pd-keep-file") {
      mark(data.result);
      if (data.id === asked && !button.disabled) return;
      done += 1;
      say("busy", { done: done, total: files.length });
    } else if (data.type === "pd-keep-done") {
      data.results.forEach(mark);
      var kept = data.results.filter(function (r) { return r.kept; });
      var bytes = kept.reduce(function (sum, r) { return sum + r.bytes; }, 0);
      if (button.disabled) {  // the reader's own request ends here
        button.disabled = false;
        if (kept.length < files.length) say("failed", { count: files.length - kept.length });
        else say("done", { count: kept.length, size: size(bytes) });
      } else if (kept.length) {
        say("done", { count: kept.length, size: size(bytes) });
      }
    }
  });
  button.addEventListener("click", function () {
    button.disabled = true;
    done = 0;
    say("busy", { done: 0, total: files.length });
    ask(true).catch(function () { button.disabled = false; });
  });
  box.hidden = false;
  ask(false);
})();
