/* The review site's tables: search, filters, sort by any column, paging,
   all in the browser over a data file (data/*.js) so that 10,000 rows stay
   fast: only one page of rows is ever in the DOM. No dependencies. */
(function () {
  "use strict";
  var PAGE = 50;
  var collator = new Intl.Collator("ru");  // made once: localeCompare builds one per call

  function esc(s) {
    return String(s == null ? "" : s).replace(/[&<>"']/g, function (c) {
      return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c];
    });
  }
  function fold(s) { return String(s || "").toLowerCase().replace(/ё/g, "е"); }
  function $(id) { return document.getElementById(id); }
  function fmt(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u2009"); }

  /* columns: [{title, code, key(row) -> sortable value, html(row), num}] */
  function Table(opts) {
    this.o = opts; this.page = 0; this.sortCol = opts.sortCol; this.sortDir = opts.sortDir || -1;
    this.view = opts.rows.slice();
    var head = "<tr>" + opts.columns.map(function (c, i) {
      return '<th class="sort' + (c.num ? " num" : "") + '" data-col="' + i + '" title="' + esc(c.code || c.title) +
        ' — щелчок сортирует">' + esc(c.title) + (c.code ? '<span class="code">' + esc(c.code) + "</span>" : "") + "</th>";
    }).join("") + "</tr>";
    var table = opts.table, self = this;
    table.tHead.innerHTML = head;
    table.tHead.addEventListener("click", function (ev) {
      var th = ev.target.closest("th"); if (!th) return;
      var col = +th.dataset.col;
      self.sortDir = self.sortCol === col ? -self.sortDir : (opts.columns[col].num || opts.columns[col].desc ? -1 : 1);
      self.sortCol = col; self.sort(); self.page = 0; self.draw();
    });
    opts.pager.addEventListener("click", function (ev) {
      var b = ev.target.closest("button"); if (!b || b.disabled) return;
      self.page = +b.dataset.page; self.draw();
    });
  }
  Table.prototype.filter = function () {
    var m = this.o.matcher();  // the filters read once, then tried on every row
    this.view = this.o.rows.filter(m);
    this.sort(); this.page = 0; this.draw();
  };
  Table.prototype.sort = function () {
    if (this.sortCol == null) return;
    var key = this.o.columns[this.sortCol].key, dir = this.sortDir;
    this.view.sort(function (a, b) {
      var x = key(a), y = key(b);
      if (x === y) return 0;
      if (x === "" || x == null) return 1;   // empty values last whatever the order
      if (y === "" || y == null) return -1;
      return (typeof x === "string" ? collator.compare(x, y) : x - y) * dir;
    });
    var ths = this.o.table.tHead.querySelectorAll("th"), self = this;
    ths.forEach(function (th, i) {
      if (i === self.sortCol) th.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
      else th.removeAttribute("aria-sort");
    });
  };
  Table.prototype.draw = function () {
    var o = this.o, pages = Math.max(1, Math.ceil(this.view.length / PAGE)), p = Math.min(this.page, pages - 1);
    var rows = this.view.slice(p * PAGE, p * PAGE + PAGE);
    o.table.tBodies[0].innerHTML = rows.length ? rows.map(function (r) {
      return "<tr>" + o.columns.map(function (c) { return '<td' + (c.num ? ' class="num"' : "") + ">" + c.html(r) + "</td>"; }).join("") + "</tr>";
    }).join("") : '<tr><td colspan="' + o.columns.length + '" class="none">Ничего не найдено.</td></tr>';
    o.status.textContent = "Найдено: " + fmt(this.view.length) + " из " + fmt(o.rows.length) +
      (this.view.length > PAGE ? " · страница " + (p + 1) + " из " + pages : "");
    var html = "";
    if (pages > 1) {
      var btn = function (n, label, cur) {
        return '<button type="button" data-page="' + n + '"' + (cur ? ' class="current"' : "") +
          (n < 0 || n >= pages ? " disabled" : "") + ">" + label + "</button>";
      };
      html += btn(p - 1, "‹ назад");
      var shown = {};
      [0, p - 2, p - 1, p, p + 1, p + 2, pages - 1].forEach(function (n) {
        if (n >= 0 && n < pages && !shown[n]) { shown[n] = 1; html += btn(n, n + 1, n === p); }
      });
      html += btn(p + 1, "вперёд ›");
    }
    o.pager.innerHTML = html;
  };

  function badges(list, dirs) {
    return list.map(function (d) {
      var m = dirs[d[0]];
      return '<span class="badge" style="background:' + m[2] + '" title="' + esc(m[0]) + '">' + esc(m[1]) + "<b>" + d[1].toFixed(2) + "</b></span>";
    }).join("") || '<span class="none">нет</span>';
  }

  function hashParams() {
    var out = {};
    location.hash.replace(/^#/, "").split("&").forEach(function (kv) {
      var i = kv.indexOf("="); if (i > 0) out[kv.slice(0, i)] = decodeURIComponent(kv.slice(i + 1));
    });
    return out;
  }

  /* data/index.js rows: [doc_id, title, date, date from (1 metadata, 2 text), source, snippet,
     [[direction, score]], [actor], chars, regions, organisations, persons, ties, page] */
  function articles(data) {
    var D = data.directions, A = data.actors, code = {};
    A.forEach(function (a) { a.lc = fold(a[0]); });
    D.forEach(function (d, i) { code[d[0]] = i; });
    var rows = data.rows.map(function (r) {
      var scores = {}; r[6].forEach(function (d) { scores[d[0]] = d[1]; });
      return {id: r[0], title: r[1], date: r[2], approx: r[3] === 2, source: r[4], snippet: r[5], dirs: r[6],
              scores: scores, actors: r[7], chars: r[8], regions: r[9], orgs: r[10], persons: r[11], ties: r[12],
              page: r[13], text: fold(r[1] + " " + r[5] + " " + r[0])};
    });
    var src = $("source");
    data.sources.forEach(function (s, i) { var o = document.createElement("option"); o.value = i; o.textContent = s; src.appendChild(o); });
    var f = {q: $("q"), dir: $("direction"), group: $("group"), actor: $("actor"), from: $("from"), to: $("to"), source: src};
    var onlyActor = null;
    function pad(d, end) { return d ? (d + (end ? "-12-31" : "-01-01").slice(d.length - 4)) : ""; }
    var table = new Table({
      table: $("articles"), status: $("status"), pager: $("pager"), rows: rows, sortCol: 1, sortDir: -1,
      columns: [
        {title: "Статья", key: function (r) { return r.title; },
         html: function (r) { return '<a href="' + esc(r.page) + '">' + esc(r.title) + '</a><div class="snippet">' + esc(r.snippet) + '</div><div class="small">' + esc(r.id) + "</div>"; }},
        {title: "Дата", code: "metadata.published", key: function (r) { return r.date; },
         html: function (r) { return r.approx ? '<i class="approx" title="по датам в тексте">' + esc(r.date) + "</i>" : esc(r.date); }},
        {title: "Источник", key: function (r) { return data.sources[r.source]; }, html: function (r) { return esc(data.sources[r.source]); }},
        {title: "Направления", code: "directions", key: function (r) {
          var d = f.dir.value; return d ? (r.scores[code[d]] || 0) : (r.dirs.length ? r.dirs[0][1] : 0);
        }, desc: true, html: function (r) { return badges(r.dirs, D); }},
        {title: "Регионы", code: "LOC/region", num: true, key: function (r) { return r.regions; }, html: function (r) { return r.regions; }},
        {title: "Организации", code: "ORG", num: true, key: function (r) { return r.orgs; }, html: function (r) { return r.orgs; }},
        {title: "Персоны", code: "PER", num: true, key: function (r) { return r.persons; }, html: function (r) { return r.persons; }},
        {title: "Связи", code: "ties", num: true, key: function (r) { return r.ties; }, html: function (r) { return r.ties; }},
        {title: "Символов", code: "stats.chars", num: true, key: function (r) { return r.chars; }, html: function (r) { return fmt(r.chars); }}
      ],
      matcher: function () {
        var q = fold(f.q.value).trim(), words = q ? q.split(/\s+/) : [];
        var dir = f.dir.value ? code[f.dir.value] : null, source = f.source.value === "" ? null : +f.source.value;
        var from = f.from.value, to = f.to.value, g = f.group.value, name = fold(f.actor.value).trim();
        var actorOk = null;  // actor index -> passes the group and name filters
        if (g || name) actorOk = A.map(function (a) { return (!g || a[1] === g) && (!name || a.lc.indexOf(name) >= 0); });
        return function (r) {
          if (words.length && words.some(function (w) { return r.text.indexOf(w) < 0; })) return false;
          if (dir != null && !(dir in r.scores)) return false;
          if (source != null && r.source !== source) return false;
          if (from || to) {
            if (!r.date) return false;
            if (from && pad(r.date, true) < from) return false;
            if (to && pad(r.date, false) > to) return false;
          }
          if (onlyActor != null && r.actors.indexOf(onlyActor) < 0) return false;
          return !actorOk || r.actors.some(function (i) { return actorOk[i]; });
        };
      }
    });
    var slug = hashParams().actor;
    if (slug) {
      A.forEach(function (a, i) { if (a[2] === slug) onlyActor = i; });
      if (onlyActor != null) f.actor.value = A[onlyActor][0];
    }
    var timer;
    function update() { clearTimeout(timer); timer = setTimeout(function () { table.filter(); }, 80); }
    Object.keys(f).forEach(function (k) { f[k].addEventListener("input", function () { if (k === "actor") onlyActor = null; update(); }); });
    $("reset").addEventListener("click", function () {
      Object.keys(f).forEach(function (k) { f[k].value = ""; }); onlyActor = null; table.filter();
    });
    table.filter();
    return table;
  }

  /* data/actors.js rows: [slug, name, group, type, id, code, articles, mentions, ties] */
  function actors(data) {
    var rows = data.map(function (r) {
      return {slug: r[0], name: r[1], group: r[2], type: r[3], id: r[4], code: r[5], articles: r[6], mentions: r[7],
              ties: r[8], text: fold(r[1] + " " + r[4])};
    });
    var q = $("q"), g = $("group");
    var table = new Table({
      table: $("actors"), status: $("status"), pager: $("pager"), rows: rows, sortCol: 3, sortDir: -1,
      columns: [
        {title: "Актор", key: function (r) { return r.name; }, html: function (r) { return '<a href="actors/' + r.slug + '.html">' + esc(r.name) + "</a>"; }},
        {title: "Тип", code: "label/kind", key: function (r) { return r.type; }, html: function (r) { return esc(r.type) + '<div class="small">' + esc(r.code) + "</div>"; }},
        {title: "id", key: function (r) { return r.id; }, html: function (r) { return r.id ? "<code>" + esc(r.id) + "</code>" : ""; }},
        {title: "Статей", num: true, key: function (r) { return r.articles; }, html: function (r) { return fmt(r.articles); }},
        {title: "Упоминаний", num: true, key: function (r) { return r.mentions; }, html: function (r) { return fmt(r.mentions); }},
        {title: "Связей", code: "ties", num: true, key: function (r) { return r.ties; }, html: function (r) { return fmt(r.ties); }}
      ],
      matcher: function () {
        var s = fold(q.value).trim(), group = g.value;
        return function (r) { return (!s || r.text.indexOf(s) >= 0) && (!group || r.group === group); };
      }
    });
    var timer;
    [q, g].forEach(function (el) { el.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(function () { table.filter(); }, 80); }); });
    table.filter();
    return table;
  }

  window.ReviewTables = {articles: articles, actors: actors, esc: esc};
})();
