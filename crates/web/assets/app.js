// Urna: the small script of the count form. The pages work without it; it adds what typists
// expect from a data-entry screen: Enter moves to the next field, and every total shows the live
// sum of the fields it should equal, marked when they differ.
"use strict";
(function () {
  var form = document.getElementById("entry-form");
  if (!form) { return; }

  function fields() {
    return Array.prototype.filter.call(
      form.querySelectorAll("input, textarea, button"),
      function (el) { return el.type !== "hidden" && !el.disabled; });
  }

  form.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key !== "Enter" || target.tagName === "TEXTAREA" || target.tagName === "BUTTON") {
      return;
    }
    event.preventDefault();
    var all = fields();
    var index = all.indexOf(target);
    var next = all[index + 1];
    if (next) { next.focus(); if (next.select) { next.select(); } }
  });

  function value(name) {
    var el = form.elements.namedItem(name);
    if (!el) { return 0; }
    var text = String(el.value).replace(/\./g, "").trim();
    if (!/^\d*$/.test(text)) { return NaN; }
    return text === "" ? 0 : parseInt(text, 10);
  }

  var totals = form.querySelectorAll("input[data-sum-of]");
  function update() {
    Array.prototype.forEach.call(totals, function (total) {
      var names = total.getAttribute("data-sum-of").split(" ");
      var sum = names.reduce(function (acc, name) { return acc + value(name); }, 0);
      var output = total.parentNode.querySelector("output.sum");
      if (!output) { return; }
      output.textContent = isNaN(sum) ? "" : "Σ " + sum;
      var mismatch = !isNaN(sum) && sum !== value(total.name);
      output.classList.toggle("mismatch", mismatch);
    });
  }
  form.addEventListener("input", update);
  update();
  var first = form.querySelector("input.count");
  if (first && !document.getElementById("field-errors")) { first.focus(); first.select(); }
})();
