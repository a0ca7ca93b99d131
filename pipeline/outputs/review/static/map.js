/* The map of ties between territories (data/network.js): country outlines
   from world-atlas, points of the places that have coordinates, one great-
   circle line per pair of places, width by the number of ties. Drawn with
   d3-geo into an SVG; places without a point are listed under the map. */
(function () {
  "use strict";
  var N = window.REVIEW_NETWORK, svg = document.getElementById("map"), NS = "http://www.w3.org/2000/svg";
  var $ = function (id) { return document.getElementById(id); };
  var LABELS = 30;
  var bit = {}; N.directions.forEach(function (d, i) { bit[d[0]] = 1 << i; });
  var countries = topojson.feature(window.WORLD_ATLAS, window.WORLD_ATLAS.objects.countries);

  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(e);
    return e;
  }
  function title(e, text) { el("title", {}, e).textContent = text; }
  function placed(n) { return N.nodes[n][4] != null && N.nodes[n][5] != null; }
  function year(date) { return date ? +String(date).slice(0, 4) : null; }

  function draw() {
    var dir = $("direction").value, from = +$("from").value || null, to = +$("to").value || null;
    var pairs = {}, used = {}, unplaced = {};
    N.edges.forEach(function (e) {
      if (dir && !(e[4] & bit[dir])) return;
      var y = year(e[3]);
      if ((from || to) && (y == null || (from && y < from) || (to && y > to))) return;
      [e[0], e[1]].forEach(function (n) {
        if (N.nodes[n][4] == null && /^(регион|страна|город|место)/.test(N.nodes[n][1])) unplaced[n] = 1;
      });
      if (e[0] === e[1] || !placed(e[0]) || !placed(e[1])) return;
      var k = e[0] < e[1] ? e[0] + "-" + e[1] : e[1] + "-" + e[0];
      (pairs[k] = pairs[k] || {a: e[0], b: e[1], n: 0}).n += 1;
      used[e[0]] = (used[e[0]] || 0) + 1; used[e[1]] = (used[e[1]] || 0) + 1;
    });
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    var points = Object.keys(used).map(function (n) { return [N.nodes[n][5], N.nodes[n][4]]; });
    var projection = d3.geoConicEqualArea().parallels([45, 62]).rotate([-70, 0]);
    var focus = points.length ? {type: "MultiPoint", coordinates: points} : countries;
    projection.fitExtent([[50, 50], [820, 510]], focus);
    if (points.length && projection.scale() > 2500) {  // two nearby places: not a street map, centred again
      projection.scale(2500);
      var b = d3.geoPath(projection).bounds(focus), t = projection.translate();
      projection.translate([t[0] + 435 - (b[0][0] + b[1][0]) / 2, t[1] + 280 - (b[0][1] + b[1][1]) / 2]);
    }
    var path = d3.geoPath(projection);
    var g = el("g", {}, svg);
    countries.features.forEach(function (f) { el("path", {d: path(f) || "", "class": "country"}, g); });
    var top = Math.max.apply(null, [1].concat(Object.keys(pairs).map(function (k) { return pairs[k].n; })));
    Object.keys(pairs).forEach(function (k) {
      var p = pairs[k], a = N.nodes[p.a], b = N.nodes[p.b];
      var line = el("path", {d: path({type: "LineString", coordinates: [[a[5], a[4]], [b[5], b[4]]]}) || "", "class": "tie",
        stroke: "#c0392b", "stroke-width": 1 + 5 * p.n / top}, g);
      title(line, a[0] + " — " + b[0] + ": " + p.n);
      line.addEventListener("mouseover", function () { $("hover").textContent = a[0] + " — " + b[0] + " · связей: " + p.n; });
    });
    // names beside the most connected places only; every name is in its tooltip
    var named = {}, most = Math.max.apply(null, [1].concat(Object.keys(used).map(function (n) { return used[n]; })));
    Object.keys(used).sort(function (a, b) { return used[b] - used[a]; }).slice(0, LABELS).forEach(function (n) { named[n] = 1; });
    Object.keys(used).forEach(function (n) {
      var node = N.nodes[n], xy = projection([node[5], node[4]]);
      if (!xy) return;
      var link = el("a", {href: "actors/" + node[2] + ".html"}, g);
      var dot = el("circle", {cx: xy[0], cy: xy[1], r: 3 + 7 * Math.sqrt(used[n] / most), fill: node[3], "class": "place"}, link);
      title(dot, node[0] + " (" + node[1] + "): " + used[n]);
      dot.addEventListener("mouseover", function () { $("hover").textContent = node[0] + " · " + node[1] + " · связей: " + used[n]; });
      if (named[n]) el("text", {x: xy[0] + 6, y: xy[1] - 5}, g).textContent = node[0];
    });
    $("status").textContent = "Пар территорий на карте: " + Object.keys(pairs).length + " · точек: " + points.length +
      " · без координат: " + Object.keys(unplaced).length;
    $("unplaced").innerHTML = Object.keys(unplaced).map(function (n) {
      return '<li><a href="actors/' + N.nodes[n][2] + '.html">' + N.nodes[n][0].replace(/</g, "&lt;") + "</a></li>";
    }).join("") || '<li class="none">все территории на карте</li>';
  }
  ["direction", "from", "to"].forEach(function (id) { $(id).addEventListener("change", draw); });
  draw();
})();
