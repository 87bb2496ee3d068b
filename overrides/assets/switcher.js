/* The language switcher keeps the reader's place: a section has the same anchor in every
   language, so the link to the other language carries the page's #section along. */
(function () {
  "use strict";
  function keep() {
    document.querySelectorAll("a[data-pd-keep-place]").forEach(function (link) {
      var url = new URL(link.href, document.baseURI);
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
