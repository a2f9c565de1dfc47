(function () {
  var table = document.getElementById("pages"), body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows), box = document.getElementById("filter");
  var count = document.getElementById("count");
  document.querySelector(".controls").hidden = false;   // without this script there is nothing to filter with
  function show() {
    var q = box.value.trim().toLowerCase(), n = 0;
    rows.forEach(function (r) { var hit = !q || r.textContent.toLowerCase().indexOf(q) >= 0; r.hidden = !hit; n += hit; });
    count.textContent = n + " / " + rows.length;
  }
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
    th.addEventListener("click", function () {
      var down = th.getAttribute("aria-sort") === "ascending", num = th.dataset.type === "num";
      Array.prototype.forEach.call(th.parentNode.cells, function (c) { c.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", down ? "descending" : "ascending");
      rows.sort(function (a, b) {
        var x = a.cells[i].dataset.v, y = b.cells[i].dataset.v;
        if (x === "" || y === "") return (x === "") - (y === "");
        var c = num ? x - y : x.localeCompare(y, "zh");
        return down ? -c : c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  box.addEventListener("input", show);
  show();
})();
