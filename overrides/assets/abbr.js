/* Show an abbreviation's expansion on tap, where there is no hover. */
document.addEventListener("click", function (event) {
  var abbr = event.target.closest && event.target.closest("abbr[title]");
  document.querySelectorAll("abbr.pd-abbr--open").forEach(function (open) {
    if (open !== abbr) open.classList.remove("pd-abbr--open");
  });
  if (abbr) abbr.classList.toggle("pd-abbr--open");
});
