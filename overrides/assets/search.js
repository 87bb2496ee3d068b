/* pedoman search: Pagefind's UI in a dialog, opened from the header or with "/", "s" or "f". */
(function () {
  "use strict";
  var dialog = document.getElementById("pd-search");
  var mount = document.getElementById("pd-search-ui");
  if (!dialog || !mount || typeof PagefindUI === "undefined") return;
  var bundle = new URL(mount.getAttribute("data-bundle"), document.baseURI);
  var ui = null;

  function open() {
    if (!ui) {
      ui = new PagefindUI({
        element: "#pd-search-ui",
        bundlePath: bundle.pathname,
        baseUrl: bundle.pathname.replace(/pagefind\/$/, ""),
        showImages: false,
        resetStyles: false,
        showSubResults: true,
        excerptLength: 24
      });
    }
    if (!dialog.open) dialog.showModal();
    var input = dialog.querySelector("input");
    if (input) input.focus();
  }

  document.querySelectorAll("[data-pd-search-open]").forEach(function (button) {
    button.addEventListener("click", open);
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
