/* The language switcher keeps the reader's place: a section has the same anchor in every
   language, so the link to the other language carries the page's #section along.

   The link is brought up to date only when a reader is about to use it (a finger or a pointer on it,
   the keyboard's focus, a click, the menu to copy or open it elsewhere), never while the page loads.
   Lighthouse had named this script in a long task of 250-300 ms at load on a phone: a trace showed the
   script's own share at about 6 ms of the 58 ms measured (before Lighthouse's 4x slowdown) and the rest
   Material's DOMContentLoaded work, which ran in the same task right after it (deferred scripts run
   just before that event, and Lighthouse names a task after the first script in it). Nothing here runs
   at load any more but four listeners. */
(function () {
  "use strict";
  function keep(event) {
    var link = event.target.closest && event.target.closest("a[data-pd-keep-place]");
    if (!link) return;
    var url = new URL(link.href, document.baseURI);
    if (url.hash === location.hash) return;
    url.hash = location.hash;
    link.href = url.href;
  }
  ["pointerdown", "focusin", "click", "contextmenu"].forEach(function (type) {
    document.addEventListener(type, keep, true);
  });
})();
