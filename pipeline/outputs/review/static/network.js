/* The network of ties (data/network.js) drawn with cytoscape: edges between
   the same two actors are merged after the filters (direction, years), the
   most connected nodes are kept, zoom and pan by mouse or touch. */
(function () {
  "use strict";
  var N = window.REVIEW_NETWORK, esc = function (s) {
    return String(s).replace(/[&<>"]/g, function (c) { return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]; });
  };
  var $ = function (id) { return document.getElementById(id); };
  var LABELS = 40;
  var bit = {}; N.directions.forEach(function (d, i) { bit[d[0]] = 1 << i; });
  var cy = cytoscape({
    container: $("network"), wheelSensitivity: 0.3, minZoom: 0.1, maxZoom: 5,
    style: [
      {selector: "node", style: {"background-color": "data(color)", "border-width": 1, "border-color": "#52606d",
        width: "data(size)", height: "data(size)", label: "data(label)", "font-size": 10, "text-valign": "bottom",
        "text-margin-y": 2, "text-background-color": "#fff", "text-background-opacity": 0.7, "text-background-padding": 1,
        "min-zoomed-font-size": 7}},
      {selector: "edge", style: {width: "data(width)", "line-color": "#9aa5b1", opacity: 0.7, "curve-style": "haystack"}},
      {selector: ".hl", style: {"line-color": "#d64545", "border-color": "#d64545", "border-width": 3, opacity: 1}}
    ]
  });

  function year(date) { return date ? +String(date).slice(0, 4) : null; }

  function draw() {
    var dir = $("direction").value, from = +$("from").value || null, to = +$("to").value || null;
    var limit = Math.max(10, +$("limit").value || 150), pairs = {}, degree = {};
    N.edges.forEach(function (e) {
      if (dir && !(e[4] & bit[dir])) return;
      var y = year(e[3]);
      if ((from || to) && (y == null || (from && y < from) || (to && y > to))) return;
      if (e[0] === e[1]) return;
      var k = e[0] < e[1] ? e[0] + "-" + e[1] : e[1] + "-" + e[0];
      var p = pairs[k] || (pairs[k] = {a: e[0], b: e[1], n: 0, types: {}, docs: {}});
      p.n += 1; p.types[e[2]] = 1; p.docs[e[5]] = 1;
      degree[e[0]] = (degree[e[0]] || 0) + 1; degree[e[1]] = (degree[e[1]] || 0) + 1;
    });
    var keep = Object.keys(degree).sort(function (a, b) { return degree[b] - degree[a] || a - b; }).slice(0, limit);
    var kept = {}; keep.forEach(function (n) { kept[n] = 1; });
    var top = keep.length ? degree[keep[0]] : 1;
    var els = keep.map(function (n, rank) {
      var node = N.nodes[n];
      // names on the most connected only; every name shows on hover
      return {data: {id: "n" + n, name: node[0], label: rank < LABELS ? node[0] : "", type: node[1], slug: node[2],
        color: node[3], size: 8 + 34 * Math.sqrt(degree[n] / top), degree: degree[n]}};
    });
    var edges = 0;
    Object.keys(pairs).forEach(function (k) {
      var p = pairs[k];
      if (!kept[p.a] || !kept[p.b]) return;
      edges += 1;
      els.push({data: {id: "e" + k, source: "n" + p.a, target: "n" + p.b, n: p.n, width: Math.min(12, 1 + Math.log2(p.n) * 2),
        types: Object.keys(p.types).join(", "), docs: Object.keys(p.docs).length}});
    });
    cy.elements().remove();
    cy.add(els);
    cy.layout({name: "cose", animate: false, randomize: true, nodeRepulsion: function () { return 8000; },
      idealEdgeLength: function () { return 90; }, numIter: 600}).run();
    cy.fit(undefined, 20);
    $("status").textContent = "Узлов: " + keep.length + " (из " + Object.keys(degree).length + " со связями) · пар: " + edges +
      (N.mode === "ties" ? "" : " · связи по совместному упоминанию в предложении");
  }

  cy.on("mouseover", "node", function (ev) {
    var d = ev.target.data(); ev.target.addClass("hl"); ev.target.connectedEdges().addClass("hl");
    $("hover").innerHTML = "<b>" + esc(d.name) + "</b> · " + esc(d.type) + " · связей: " + d.degree + " — щелчок открывает страницу актора";
  });
  cy.on("mouseover", "edge", function (ev) {
    var d = ev.target.data(); ev.target.addClass("hl");
    $("hover").innerHTML = "<b>" + esc(cy.getElementById(d.source).data("name")) + " — " + esc(cy.getElementById(d.target).data("name")) +
      "</b> · связей: " + d.n + " · статей: " + d.docs + " · типы: " + esc(d.types);
  });
  cy.on("mouseout", "node, edge", function () { cy.elements().removeClass("hl"); });
  cy.on("tap", "node", function (ev) { location.href = "actors/" + ev.target.data("slug") + ".html"; });
  ["direction", "from", "to", "limit"].forEach(function (id) { $(id).addEventListener("change", draw); });
  draw();
  window.reviewNetwork = cy;
})();
