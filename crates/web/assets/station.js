// The polling-station app's only script. Everything works without it; with it:
// - the draft's print button (hidden otherwise; the browser's own print menu does the same);
// - an idle device goes to the lock page at the session's lock time, so that it stops showing
//   the figures (the server locks the session then anyway). Any touch, click or key starts the
//   wait again, so a chair at work is never interrupted.
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.hidden = false;
  button.addEventListener('click', function () { window.print(); });
});
document.querySelectorAll('[data-lock-after]').forEach(function (page) {
  var seconds = parseInt(page.getAttribute('data-lock-after'), 10);
  var url = page.getAttribute('data-lock-url');
  if (!(seconds > 0) || !url) { return; }
  var timer = null;
  function wait() {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(function () { window.location.assign(url); }, seconds * 1000);
  }
  ['pointerdown', 'keydown', 'input', 'scroll'].forEach(function (event) {
    document.addEventListener(event, wait, { passive: true });
  });
  wait();
});
