/* Glossary abbreviations: the expansion shows on hover, on tap and on keyboard focus, always
   inside the viewport (an abbreviation near the right edge shifts its box leftwards), and closes
   with Esc, a tap elsewhere or when the focus moves on. The box is the abbreviation's ::after
   (see pedoman.css); this script opens it and sets how far it shifts (--pd-abbr-shift). */
(function () {
  "use strict";
  var MARGIN = 8;

  function place(abbr) {
    abbr.style.removeProperty("--pd-abbr-shift");
    var box = getComputedStyle(abbr, "::after");
    var width = parseFloat(box.width) || 0;
    // the box is placed from where the abbreviation starts: on a line of its own, its left edge; broken
    // over two lines ("GT PP-|TPPO"), the end of the first line, which its bounding box does not say
    var rects = abbr.getClientRects();
    var left = rects.length ? rects[0].left : abbr.getBoundingClientRect().left;
    var viewport = document.documentElement.clientWidth;
    var wanted = Math.max(MARGIN, Math.min(left, viewport - MARGIN - width));
    abbr.style.setProperty("--pd-abbr-shift", (wanted - left) + "px");
  }

  function close(except) {
    document.querySelectorAll("abbr.pd-abbr--open").forEach(function (open) {
      if (open !== except) open.classList.remove("pd-abbr--open");
    });
  }

  function open(abbr) {
    close(abbr);
    abbr.classList.add("pd-abbr--open");
    place(abbr);
  }

  document.addEventListener("click", function (event) {
    var abbr = event.target.closest && event.target.closest("abbr[title]");
    var focused = justFocused;
    justFocused = null;
    if (!abbr) return close(null);
    if (abbr.classList.contains("pd-abbr--open") && focused !== abbr) {
      abbr.classList.remove("pd-abbr--open");  // a second tap closes it
    } else {
      open(abbr);
    }
  });
  var justFocused = null;  // a tap focuses the abbreviation first: that tap opens, never toggles
  document.addEventListener("focusin", function (event) {
    var abbr = event.target.closest && event.target.closest("abbr[title]");
    justFocused = abbr;
    if (abbr) open(abbr); else close(null);
  });
  document.addEventListener("focusout", function (event) {
    var abbr = event.target.closest && event.target.closest("abbr[title]");
    if (abbr) abbr.classList.remove("pd-abbr--open");
  });
  document.addEventListener("mouseover", function (event) {
    var abbr = event.target.closest && event.target.closest("abbr[title]");
    if (abbr) place(abbr);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") close(null);
  });
  window.addEventListener("resize", function () {
    document.querySelectorAll("abbr.pd-abbr--open").forEach(place);
  });
})();
