// unspin site report: sort tables, filter the pages table, export the rows shown as CSV.
// Allowed by the page's CSP through its hash; without it the page shows every row.
(function () {
  "use strict";
  var each = function (list, f) { Array.prototype.forEach.call(list, f); };

  function value(row, i) {
    // A cell's sort key: its data-v (a number shown formatted) or its text.
    var cell = row.cells[i];
    return cell.dataset.v !== undefined ? cell.dataset.v : cell.textContent;
  }

  each(document.querySelectorAll("table.sortable"), function (table) {
    var heads = table.tHead.rows[0].cells;
    each(heads, function (th, i) {
      th.classList.add("sort");
      th.tabIndex = 0;
      function sort() {
        var up = th.getAttribute("aria-sort") !== "ascending";
        var numeric = th.classList.contains("n");
        each(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", up ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = value(a, i), y = value(b, i);
          if (numeric) {
            // A missing figure (no rate without copies: data-v="") goes last either way; a
            // comparison with NaN would leave the order scrambled.
            var nx = x === "" ? NaN : Number(x), ny = y === "" ? NaN : Number(y);
            if (isNaN(nx) || isNaN(ny)) return isNaN(nx) - isNaN(ny);
            return up ? nx - ny : ny - nx;
          }
          return up ? x.localeCompare(y) : y.localeCompare(x);
        });
        rows.forEach(function (row) { body.appendChild(row); });
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (ev) { if (ev.key === "Enter") sort(); });
    });
  });

  var filters = document.getElementById("filters");
  var table = document.getElementById("pages-table");
  if (!filters || !table) return;
  filters.hidden = false;
  var selects = filters.querySelectorAll("select[data-filter]");
  var rows = table.tBodies[0].rows;

  function apply() {
    var shown = 0;
    each(rows, function (row) {
      var keep = true;
      each(selects, function (select) {
        var wanted = select.value, have = row.dataset[select.dataset.filter];
        // data-types lists the page's finding types; a site or kind is one value
        var match = select.dataset.filter === "types"
          ? (" " + have + " ").indexOf(" " + wanted + " ") >= 0 : have === wanted;
        // The first option is "all"; "(no site)" is the value "" and matches pages of no site.
        if (select.selectedIndex > 0 && !match) keep = false;
      });
      row.hidden = !keep;
      if (keep) shown += 1;
    });
    document.getElementById("shown").textContent = shown;
  }
  each(selects, function (select) { select.addEventListener("change", apply); });

  function csvCell(text) {
    // A cell a spreadsheet would run as a formula gets a leading apostrophe.
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function csvLine(cells) {
    return Array.prototype.map.call(cells, function (c) {
      return csvCell(c.dataset.col !== undefined ? c.dataset.col : c.textContent);
    }).join(",");
  }

  document.getElementById("export").addEventListener("click", function () {
    var lines = [csvLine(table.tHead.rows[0].cells)];
    each(rows, function (row) { if (!row.hidden) lines.push(csvLine(row.cells)); });
    var blob = new Blob([lines.join("\n") + "\n"], { type: "text/csv" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "unspin-pages.csv";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
  });
})();
