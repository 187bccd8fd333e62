// Live updates, as an extra: without JavaScript every page is complete and a reload shows the
// newest version. With it, the page listens for new versions (server-sent events from
// `urna publish serve`, or by asking /version.json every 30 s on a static host) and says so in the
// polite status line; it never reloads by itself, so nobody loses their place.
(function () {
  var live = document.getElementById("live");
  var shown = Number(document.body.getAttribute("data-version"));
  if (!live || !shown) return;
  var lang = document.documentElement.lang;
  // The site's root, from this script's own address: pages lie at different depths.
  var base = document.currentScript ? document.currentScript.src : location.href;
  function announce(version) {
    if (version <= shown) return;
    live.className = "live new";
    live.textContent = "";
    var link = document.createElement("a");
    link.href = "";
    link.textContent = lang === "nl"
      ? "Er zijn nieuwe uitslagen (versie " + version + "). Vernieuw de pagina."
      : "New results are available (version " + version + "). Reload the page.";
    live.appendChild(link);
  }
  function poll() {
    fetch(new URL("version.json", base), { cache: "no-cache" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (v) { if (v) announce(v.version); })
      .catch(function () {});
  }
  if (location.protocol === "file:") return;
  if (!window.EventSource) {
    setInterval(poll, 30000);
    return;
  }
  // One open stream per page shown. A page left for another is closed: a browser allows only
  // six connections to a host over HTTP/1.1, and pages kept for the back button would hold them
  // and stall every later page of the site.
  var events = null;
  function listen() {
    events = new EventSource(new URL("events", base));
    events.addEventListener("version", function (e) { announce(Number(e.data)); });
    events.onerror = function () { events.close(); events = null; setInterval(poll, 30000); };
  }
  window.addEventListener("pagehide", function () {
    if (events) { events.close(); events = null; }
  });
  window.addEventListener("pageshow", function (e) {
    if (e.persisted && !events) listen();
  });
  listen();
})();
