// Urna: the small scripts of the results-entry pages.
"use strict";
// Pages that follow the work of others (the coordinator's overview, the projector view) update
// themselves: the part marked data-refresh is fetched again every few seconds and replaced when
// it changed. The requests say they are automatic, so they never keep an idle session open; the
// button pauses it (WCAG 2.2.1); when the page cannot be had any more, it says so.
(function () {
  var live = document.querySelector("[data-refresh]");
  if (!live) { return; }
  var seconds = parseInt(live.getAttribute("data-refresh"), 10) || 10;
  var toggle = document.getElementById("refresh-toggle");
  var on = true, timer = null;
  function stop() {
    clearInterval(timer);
    var note = document.createElement("p");
    note.className = "banner danger";
    note.setAttribute("role", "alert");
    note.textContent = live.getAttribute("data-refresh-gone") || "";
    live.parentNode.insertBefore(note, live);
  }
  function refresh() {
    if (!on || document.hidden) { return; }
    fetch(location.href, { credentials: "same-origin", headers: { "x-urna-refresh": "1" } })
      .then(function (response) {
        if (!response.ok || response.redirected) { throw new Error("gone"); }
        return response.text();
      })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, "text/html").getElementById(live.id);
        if (!next) { throw new Error("gone"); }
        if (next.innerHTML !== live.innerHTML) { live.innerHTML = next.innerHTML; }
      })
      .catch(stop);
  }
  if (toggle) {
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      on = !on;
      toggle.setAttribute("aria-pressed", on ? "true" : "false");
    });
  }
  timer = setInterval(refresh, seconds * 1000);
})();

// The count form. The pages work without it; it adds what typists
// expect from a data-entry screen: Enter moves to the next field, every total shows the live sum
// of the fields it should equal, marked when they differ, and what is typed is kept on the
// server as it is typed (a reload, a closed browser or a refused finalise loses nothing).
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

  // Keeping what is typed: sent shortly after typing pauses, when a field is left, and when the
  // page goes away. One request at a time, in order, so an older state never overwrites a newer.
  var status = document.getElementById("typed-status");
  var url = form.getAttribute("action") + "/typed";
  var timer = null, changed = false, queue = Promise.resolve();
  function typed() {
    var data = new URLSearchParams(new FormData(form));
    data.delete("action");
    return data;
  }
  function show(key, alert) {
    if (!status) { return; }
    status.textContent = status.getAttribute("data-" + key) || "";
    if (alert) { status.setAttribute("role", "alert"); } else { status.removeAttribute("role"); }
  }
  function keep(leaving) {
    clearTimeout(timer);
    timer = null;
    if (!changed) { return; }
    changed = false;
    var data = typed();
    if (leaving) {
      fetch(url, { method: "POST", body: data, keepalive: true, credentials: "same-origin" });
      return;
    }
    queue = queue.then(function () {
      show("saving", false);
      return fetch(url, { method: "POST", body: data, credentials: "same-origin" }).then(
        function (response) { show(response.ok ? "saved" : "failed", !response.ok); },
        function () { changed = true; show("failed", true); });
    });
  }
  form.addEventListener("input", function () {
    changed = true;
    clearTimeout(timer);
    timer = setTimeout(function () { keep(false); }, 600);
  });
  form.addEventListener("change", function () { changed = true; keep(false); });
  form.addEventListener("submit", function () { clearTimeout(timer); changed = false; });
  window.addEventListener("pagehide", function () { keep(true); });

  var first = form.querySelector("input.count");
  if (first && !document.getElementById("field-errors")) { first.focus(); first.select(); }
})();
