// unspin report page: link copy and source sentences, filter findings by type.
// Reads only data-* attributes and ids, so it can be served as a file under a strict CSP.
(function () {
  "use strict";
  var lit = [];

  function reveal(el) {
    // Scroll the pane holding `el` (not the window) when `el` is out of its view.
    var pane = el.closest(".pane");
    if (!pane) return;
    var r = el.getBoundingClientRect(), p = pane.getBoundingClientRect();
    if (r.top < p.top || r.bottom > p.bottom) pane.scrollTop += r.top - p.top - p.height / 3;
  }

  function light(els) {
    lit.forEach(function (e) { e.classList.remove("hl"); });
    lit = els;
    lit.forEach(function (e) { e.classList.add("hl"); });
  }

  function select(target) {
    // A sentence lights up with its counterparts; a finding's mark with all its pieces.
    var s = target.closest(".s[data-links]"), mark = target.closest("mark[data-f]");
    if (!s && !mark) return;
    var others = s ? s.dataset.links.split(" ").map(function (id) {
      return document.getElementById(id);
    }).filter(Boolean) : [];
    var pieces = mark ? Array.prototype.filter.call(document.querySelectorAll("mark[data-f]"),
      function (m) { return m.dataset.f === mark.dataset.f; }) : [];
    light((s ? [s] : []).concat(others, pieces));
    var away = pieces.filter(function (m) { return m.closest(".pane") !== mark.closest(".pane"); });
    if (away.length) reveal(away[0]);
    else if (others.length) reveal(others[0]);
  }

  document.addEventListener("mouseover", function (ev) { select(ev.target); });
  document.addEventListener("click", function (ev) { select(ev.target); });

  document.querySelectorAll("input[data-type]").forEach(function (box) {
    box.addEventListener("change", function () {
      document.querySelectorAll("mark[data-type], li[data-type]").forEach(function (el) {
        if (el.dataset.type === box.dataset.type) el.classList.toggle("off", !box.checked);
      });
    });
  });
})();
