/* pedoman search: Pagefind's UI in a dialog, opened from the header or with "/", "s" or "f".
   Pagefind's script and stylesheet (about 30 kB compressed) load only when a reader first
   opens the search, so a reader on a slow link who never searches never downloads them.
   An address with ?q=words opens the search with those words: the site's search page. */
(function () {
  "use strict";
  var dialog = document.getElementById("pd-search");
  var mount = document.getElementById("pd-search-ui");
  if (!dialog || !mount) return;
  var bundle = new URL(mount.getAttribute("data-bundle"), document.baseURI);
  var loading = null;

  // Pagefind reads a query's last word as the start of a longer one: "Chair I" matched and marked
  // "in", "Immigration" and "Indonesian". A last word of one letter or a Roman numeral ("Ketua I",
  // "Chair II") means that word itself, so the query is searched as an exact phrase instead.
  var SHORT_LAST = /\s(?:\S|[ivx]{1,4})$/i;
  function exact(term) {
    var trimmed = term.trim();
    return trimmed.indexOf('"') < 0 && SHORT_LAST.test(trimmed) ? '"' + trimmed + '"' : term;
  }

  // Words a reader types on an Indonesian page that the pages say otherwise: trainers say "handout",
  // the pages "lembar ringkas" of a "pelatihan". Pagefind's Indonesian stemmer cut "handout" to "h", read
  // as the start of every word ("hak", "hukum"), so the query asks for the site's own words instead (as a
  // phrase, "lembar ringkas" was found first in every guideline's link line; "lembar" alone in the legal
  // register's "Lembaran Negara").
  var SAID = { id: [[/(^|\s)handouts?(?=\s|$)/gi, "$1lembar ringkas pelatihan"]] };
  var said = SAID[document.documentElement.lang] || [];
  function process(term) {
    return exact(said.reduce(function (text, rule) { return text.replace(rule[0], rule[1]); }, term));
  }

  function load() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var style = document.createElement("link");
        style.rel = "stylesheet";
        style.href = bundle.href + "pagefind-ui.css";
        document.head.appendChild(style);
        var script = document.createElement("script");
        script.src = bundle.href + "pagefind-ui.js";
        script.onload = function () {
          resolve(new PagefindUI({
            element: "#pd-search-ui",
            bundlePath: bundle.pathname,
            baseUrl: bundle.pathname.replace(/pagefind\/$/, ""),
            showImages: false,
            resetStyles: false,
            showSubResults: true,
            // a word's place (headings weigh most, see pedoman/search.py) counts, not how often it is repeated
            ranking: { termFrequency: 0 },
            excerptLength: 24,
            processTerm: process
          }));
        };
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  // Pagefind's field has a placeholder and a title only; the dialog's name ("Cari" / "Search") labels it.
  function open(query) {
    if (!dialog.open) dialog.showModal();
    load().then(function (ui) {
      var input = dialog.querySelector("input");
      if (!input) return;
      input.setAttribute("aria-label", dialog.getAttribute("aria-label"));
      if (query) ui.triggerSearch(query);
      input.focus();
    });
  }

  // A link to the search: any page opened with ?q=words opens the dialog with those words searched
  // (the address Material's own search answers too), e.g. /?q=restitusi or /en/?q=restitution.
  var asked = new URLSearchParams(window.location.search).get("q");
  if (asked && asked.trim()) open(asked.trim());

  document.querySelectorAll("[data-pd-search-open]").forEach(function (button) {
    button.addEventListener("click", function () { open(); });
  });
  dialog.querySelector("[data-pd-search-close]").addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("click", function (event) { if (event.target === dialog) dialog.close(); });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (typing || event.ctrlKey || event.metaKey || event.altKey || dialog.open) return;
    if (event.key === "/" || event.key === "s" || event.key === "f") {
      event.preventDefault();
      open();
    }
  });
})();
