(function () {
  "use strict";
  // Sort and filter every table.sortable. The page is complete without this script:
  // it only adds a filter box and clickable headers. Words come from <body data-*>.
  var body = document.body, words = body.dataset;
  function key(cell) {
    var v = cell.hasAttribute("data-v") ? cell.getAttribute("data-v") : cell.textContent.trim();
    return v === "—" ? "" : v;
  }
  function number(v) {
    var n = Number(v.replace(/[,\s%]/g, ""));
    return v !== "" && isFinite(n) ? n : null;
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    var tbody = table.tBodies[0];
    if (!tbody || !table.tHead) return;
    var rows = Array.prototype.slice.call(tbody.rows);
    var box = document.createElement("input");
    box.type = "search";
    box.className = "table-filter";
    box.placeholder = words.filter || "";
    box.setAttribute("aria-label", words.filter || "");
    var count = document.createElement("span");
    count.className = "muted table-count";
    var bar = document.createElement("div");
    bar.className = "table-controls";
    bar.appendChild(box);
    bar.appendChild(count);
    var wrap = table.parentNode.classList.contains("table-wrap") ? table.parentNode : table;
    wrap.parentNode.insertBefore(bar, wrap);
    function show() {
      var q = box.value.trim().toLowerCase(), n = 0;
      rows.forEach(function (r) {
        var hit = !q || r.textContent.toLowerCase().indexOf(q) >= 0;
        r.hidden = !hit;
        n += hit ? 1 : 0;
      });
      count.textContent = n + " / " + rows.length;
    }
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
      th.classList.add("sort");
      th.tabIndex = 0;
      th.title = words.sort || "";
      function sort() {
        var down = th.getAttribute("aria-sort") === "ascending";
        Array.prototype.forEach.call(th.parentNode.cells, function (c) { c.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", down ? "descending" : "ascending");
        var keyed = rows.map(function (r, k) { return [key(r.cells[i] || r.cells[0]), k, r]; });
        var numeric = keyed.every(function (x) { return x[0] === "" || number(x[0]) !== null; });
        keyed.sort(function (a, b) {
          if (a[0] === "" || b[0] === "") return (a[0] === "") - (b[0] === "") || a[1] - b[1];
          var c = numeric ? number(a[0]) - number(b[0]) : a[0].localeCompare(b[0], document.documentElement.lang);
          return (down ? -c : c) || a[1] - b[1];
        });
        rows = keyed.map(function (x) { return x[2]; });
        rows.forEach(function (r) { tbody.appendChild(r); });
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sort(); } });
    });
    box.addEventListener("input", show);
    show();
  });
})();
