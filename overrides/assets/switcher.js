/* The language switcher keeps the reader's place: a section has the same anchor in every
   language, so the link to the other language carries the page's #section along (set at load, so that
   the link says where it leads, and again when the section changes or the link is used).

   Lighthouse had named this script in a long task of 250-300 ms at load on a phone: a trace showed the
   script's own share at about 6 ms of the 58 ms measured (before Lighthouse's 4x slowdown), the rest
   Material's DOMContentLoaded work, which runs in the same task right after it (deferred scripts run
   just before that event, and Lighthouse names a task after the first script in it). */
(function () {
  "use strict";
  function keep() {
    document.querySelectorAll("a[data-pd-keep-place]").forEach(function (link) {
      var url = new URL(link.href, document.baseURI);
      if (url.hash === location.hash) return;
      url.hash = location.hash;
      link.href = url.href;
    });
  }
  keep();
  window.addEventListener("hashchange", keep);
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-pd-keep-place]");
    if (link) keep();
  }, true);
})();
