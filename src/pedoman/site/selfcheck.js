/* The self-check of a training module: marks each answer right or wrong, shows the right answer and
   why, and the score. Nothing is stored or sent: no request, no storage, the form is never submitted.
   Without this script each question keeps its <details> with the answer; the page's words come from
   the form's data attributes (written in the page's language by the site build). */
(function () {
  "use strict";
  function setUp(form) {
    var button = form.querySelector("[data-pd-check]");
    var score = form.querySelector("[data-pd-score]");
    if (!button || !score || form.hasAttribute("data-pd-ready")) return;
    form.setAttribute("data-pd-ready", "");
    var questions = Array.prototype.slice.call(form.querySelectorAll("fieldset[data-answer]"));
    questions.forEach(function (q) {
      var key = q.querySelector("details.pd-quiz__key");
      if (key) key.hidden = true;  // the answer shows once the reader checks
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    button.hidden = false;
    button.addEventListener("click", function () {
      var right = 0;
      questions.forEach(function (q) {
        var answer = q.getAttribute("data-answer");
        var chosen = q.querySelector("input[type=radio]:checked");
        var ok = !!chosen && chosen.value === answer;
        if (ok) right += 1;
        q.classList.toggle("pd-quiz__q--right", ok);
        q.classList.toggle("pd-quiz__q--wrong", !ok);
        Array.prototype.forEach.call(q.querySelectorAll("input[type=radio]"), function (input) {
          input.closest("label").classList.toggle("pd-quiz__option--right", input.value === answer);
          input.closest("label").classList.toggle("pd-quiz__option--chosen-wrong", input.checked && !ok);
        });
        var mark = q.querySelector("[data-pd-mark]");
        mark.textContent = ok ? form.getAttribute("data-right")
          : (chosen ? form.getAttribute("data-wrong") : form.getAttribute("data-unanswered"));
        mark.hidden = false;
        var key = q.querySelector("details.pd-quiz__key");
        if (key) {
          key.hidden = false;
          key.open = true;
        }
      });
      score.textContent = form.getAttribute("data-score")
        .replace("{right}", String(right)).replace("{total}", String(questions.length));
      score.hidden = false;
      score.focus();
    });
  }
  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-pd-quiz]"), setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
