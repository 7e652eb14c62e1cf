/**
 * The page's script (plain ES2019, no libraries): renders everything from the embedded JSON with
 * textContent only (record text is never parsed as HTML), in chunks so 2,000 branches stay responsive.
 */
export const client = String.raw`
(function () {
  'use strict';
  performance.mark('zhibu-script');
  var D = JSON.parse(document.getElementById('zhibu-data').textContent);
  var L = D.labels;
  var S = D.strings;
  function str(i) { return i < 0 ? null : S[i]; }
  // The data comes in columns (see data.ts): decoded here into one object per finding and per branch.
  var ruleInfo = {};
  D.rules.forEach(function (r) { ruleInfo[r.id] = r; });
  var F = D.findings;
  var SEVERITY = { e: 'error', w: 'warning', i: 'info' };
  var STATUS = { v: 'violation', p: 'pending' };
  var findings = F.message.map(function (message, i) {
    return { rule: D.rules[F.rule[i]].id, severity: SEVERITY[F.severity.charAt(i)], status: STATUS[F.status.charAt(i)], branch: S[F.branch[i]], period: str(F.period[i]), subject: str(F.subject[i]),
      message: message, file: S[F.file[i]], line: F.line[i], category: S[F.category[i]], daysLeft: F.daysLeft[i], against: str(F.against[i]) };
  });
  var B = D.branches;
  var branches = B.id.map(function (id, i) {
    return { index: i, id: S[id], name: S[B.name[i]], file: S[B.file[i]], line: B.line[i], total: B.total[i], grade: (D.grades[B.grade[i]] || { name: '' }).name, rank: B.rank[i],
      veto: B.veto[i] && B.veto[i].map(function (r) { return D.rules[r].id; }), scores: B.scores[i], cells: B.cells[i] };
  });
  var CHUNK = 100;
  function h(tag, attrs) {
    var el = document.createElement(tag);
    if (attrs) for (var k in attrs) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) continue;
      if (k === 'text') el.textContent = v;
      else if (k === 'class') el.className = v;
      else if (k.slice(0, 2) === 'on') el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    for (var i = 2; i < arguments.length; i++) append(el, arguments[i]);
    return el;
  }
  function append(el, kid) {
    if (kid === null || kid === undefined || kid === false) return;
    if (Array.isArray(kid)) { kid.forEach(function (k) { append(el, k); }); return; }
    el.append(kid instanceof Node ? kid : String(kid));
  }
  function fmt(n) { return String(Math.round(n * 100) / 100); }
  function fill(template, args) { return template.replace(/\{(\w+)\}/g, function (_, k) { return args[k] === undefined ? '' : String(args[k]); }); }

  var byBranch = {};
  branches.forEach(function (b) { byBranch[b.id] = b; });
  var findingsByCell = null;
  function cellFindings(rule, branch, period) {
    if (!findingsByCell) {
      findingsByCell = {};
      findings.forEach(function (f, i) {
        var key = f.rule + '|' + f.branch + '|' + (f.period || '');
        (findingsByCell[key] = findingsByCell[key] || []).push(i);
      });
    }
    return findingsByCell[rule + '|' + branch + '|' + period] || [];
  }
  /** A branch's categories with their deductions, each naming its findings by index. */
  function categoriesOf(b) {
    var out = D.categories.map(function (c, i) { return { category: c.name, weight: c.weight, score: b.scores[i], deductions: [] }; });
    var list = B.deductions[b.index];
    for (var k = 0; k < list.length; k += 5 + list[k + 4]) {
      var rule = D.rules[list[k + 1]];
      out[list[k]].deductions.push({ rule: rule.id, title: rule.title, count: list[k + 2], points: list[k + 3], findings: list.slice(k + 5, k + 5 + list[k + 4]) });
    }
    return out;
  }
  function branchLink(id, text) {
    return h('a', { class: 'branch', href: '#branch=' + encodeURIComponent(id), 'data-branch': id, text: text });
  }
  function where(f) { return f.file + ':' + f.line; }

  // Tooltip: one fixed element, filled from the hovered cell's data.
  var tip = document.getElementById('tip');
  document.addEventListener('mouseover', function (e) {
    var cell = e.target.closest ? e.target.closest('td.cell') : null;
    if (!cell) { tip.style.display = 'none'; return; }
    tip.textContent = cellTip(cell);
    tip.style.display = 'block';
  });
  document.addEventListener('mousemove', function (e) {
    if (tip.style.display !== 'block') return;
    var x = Math.min(e.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
    var y = e.clientY + 18 + tip.offsetHeight > window.innerHeight ? e.clientY - tip.offsetHeight - 10 : e.clientY + 18;
    tip.style.left = x + 'px'; tip.style.top = y + 'px';
  });
  function familyOf(key) { for (var i = 0; i < D.families.length; i++) if (D.families[i].key === key) return D.families[i]; return null; }
  function cellTip(cell) {
    var family = familyOf(cell.getAttribute('data-family'));
    var branch = cell.getAttribute('data-branch');
    var period = cell.getAttribute('data-period');
    var state = cell.getAttribute('data-state');
    var head = (byBranch[branch] ? byBranch[branch].name : branch) + ' · ' + family.name + ' · ' + period + ' · ' + L.state[state];
    var lines = [];
    family.rules.forEach(function (rule) {
      cellFindings(rule, branch, period).forEach(function (i) {
        var f = findings[i];
        lines.push(f.message + '  (' + f.rule + ', ' + where(f) + ')');
      });
    });
    if (lines.length === 0 && state === 'na') lines.push(L.naHint);
    return head + (lines.length ? '\n' + lines.join('\n') : '');
  }

  // Overview: tiles, grade distribution, category losses, ranking.
  function tiles() {
    var s = D.summary;
    var avg = branches.length ? branches.reduce(function (a, b) { return a + b.total; }, 0) / branches.length : 0;
    var items = [[L.branches, branches.length, ''], [L.average, fmt(avg), ''], [L.errors, s.violations.error, 'error'], [L.warnings, s.violations.warning, 'warning'], [L.pending, s.pending, 'pending'], [L.exempted, s.exempted, ''], [L.inputErrors, s.inputErrors, s.inputErrors ? 'error' : '']];
    return h('div', { class: 'tiles' }, items.map(function (t) { return h('div', { class: 'tile ' + t[2] }, h('b', { text: t[1] }), h('span', { text: t[0] })); }));
  }
  function barChart(title, rows, cls) {
    var max = Math.max.apply(null, rows.map(function (r) { return r[1]; }).concat([1]));
    var height = rows.length * 26 + 8;
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 420 ' + height); svg.setAttribute('width', '100%'); svg.setAttribute('role', 'img'); svg.setAttribute('aria-label', title);
    rows.forEach(function (r, i) {
      var y = i * 26 + 4;
      var label = document.createElementNS(ns, 'text'); label.setAttribute('x', 0); label.setAttribute('y', y + 15); label.textContent = r[0]; svg.appendChild(label);
      var bar = document.createElementNS(ns, 'rect'); bar.setAttribute('x', 110); bar.setAttribute('y', y); bar.setAttribute('height', 20); bar.setAttribute('rx', 3);
      bar.setAttribute('width', Math.max(1, 260 * r[1] / max)); bar.setAttribute('class', 'bar ' + (cls || '')); svg.appendChild(bar);
      var value = document.createElementNS(ns, 'text'); value.setAttribute('x', 116 + 260 * r[1] / max); value.setAttribute('y', y + 15); value.textContent = fmt(r[1]); svg.appendChild(value);
    });
    return h('div', { class: 'chart' }, h('h3', { text: title }), svg);
  }
  function lostText(b) {
    return D.categories.map(function (c, i) { return [c.name, c.weight - b.scores[i]]; }).filter(function (c) { return c[1] > 0; }).sort(function (x, y) { return y[1] - x[1]; })
      .map(function (c) { return c[0] + ' −' + fmt(c[1]); }).join(', ');
  }
  /** A block the browser styles and lays out only when it comes near the screen (content-visibility), sized meanwhile by a guess. */
  function lazy(height, table, more) {
    return h('div', { class: 'lazy', style: 'contain-intrinsic-size: auto ' + height + 'px' }, table, more);
  }
  function chunked(tbody, rows, render, more) {
    var shown = 0;
    function next() {
      var end = Math.min(rows.length, shown + CHUNK);
      var frag = document.createDocumentFragment();
      for (; shown < end; shown++) frag.appendChild(render(rows[shown]));
      tbody.appendChild(frag);
      more.textContent = fill(L.more, { shown: shown, total: rows.length });
      more.classList.toggle('hidden', shown >= rows.length);
    }
    more.onclick = next;
    next();
    if ('IntersectionObserver' in window) {
      var seen = new IntersectionObserver(function (entries) { if (entries[0].isIntersecting && shown < rows.length) next(); });
      seen.observe(more);
    }
  }
  function overview() {
    var sec = document.getElementById('overview');
    sec.append(tiles());
    var losses = {};
    branches.forEach(function (b) { D.categories.forEach(function (c, i) { losses[c.name] = (losses[c.name] || 0) + c.weight - b.scores[i]; }); });
    var lossRows = Object.keys(losses).map(function (k) { return [k, losses[k]]; }).filter(function (r) { return r[1] > 0; }).sort(function (a, b) { return b[1] - a[1]; });
    sec.append(h('section', null, h('div', { class: 'charts' },
      barChart(L.gradeDistribution, D.grades.map(function (g) { return [g.name, branches.filter(function (b) { return b.grade === g.name; }).length]; })),
      barChart(L.categoryLosses, lossRows.length ? lossRows : [[L.none, 0]], 'lost'))));
    var tbody = h('tbody');
    var more = h('button', { class: 'more' });
    sec.append(h('section', { id: 'ranking' }, h('h2', { text: L.ranking }),
      h('table', null, h('thead', null, h('tr', null, h('th', { class: 'num', text: L.rank }), h('th', { text: L.branch }), h('th', { class: 'num', text: L.total }), h('th', { text: L.grade }), h('th', { text: L.lost }))), tbody), more));
    chunked(tbody, branches, function (b) {
      return h('tr', null, h('td', { class: 'num', text: b.rank }), h('td', null, branchLink(b.id, b.name), h('span', { class: 'muted', text: ' ' + b.id })),
        h('td', { class: 'num', text: fmt(b.total) }), h('td', { class: b.veto ? 'veto' : '', text: b.grade + (b.veto ? ' (' + L.veto + ')' : '') }), h('td', { text: lostText(b) || '—' }));
    }, more);
  }

  // Heatmap: a table per family, branch rows in chunks, one cell per period.
  function heatmap() {
    var sec = document.getElementById('heatmap');
    var legend = h('div', { class: 'legend' }, ['met', 'unmet', 'pending', 'na'].map(function (s) { return h('span', null, h('i', { class: 's-' + s }), L.state[s]); }));
    var search = h('input', { type: 'search', placeholder: L.searchBranch, 'aria-label': L.searchBranch });
    var holder = h('div');
    sec.append(h('h2', { text: L.heatmap }), h('div', { class: 'filters' }, search), legend, holder);
    var codes = { M: 'met', U: 'unmet', P: 'pending', N: 'na' };
    var byId = branches.slice().sort(function (a, b) { return a.id < b.id ? -1 : a.id > b.id ? 1 : 0; });
    var offset = 0;
    var offsets = D.families.map(function (f) { var at = offset; offset += f.periods.length; return at; });
    function draw() {
      holder.textContent = '';
      var q = search.value.trim().toLowerCase();
      var rows = byId.filter(function (b) { return !q || b.id.toLowerCase().indexOf(q) >= 0 || b.name.toLowerCase().indexOf(q) >= 0; });
      D.families.forEach(function (f, fi) {
        var head = h('tr', null, h('th'), f.periods.map(function (p) { return h('th', { colspan: p.span, text: p.text }); }));
        var tbody = h('tbody');
        var more = h('button', { class: 'more' });
        holder.append(lazy(Math.min(rows.length, CHUNK) * 24 + 60, h('table', { class: 'hm', 'data-family': f.key }, h('caption', { text: f.name }), h('thead', null, head), tbody), more));
        chunked(tbody, rows, function (b) {
          var at = offsets[fi];
          var tr = h('tr', null, h('td', { class: 'name' }, branchLink(b.id, b.name)));
          f.periods.forEach(function (p, i) {
            var state = codes[b.cells.charAt(at + i)];
            tr.appendChild(h('td', { class: 'cell s-' + state, colspan: p.span, 'data-state': state, 'data-family': f.key, 'data-branch': b.id, 'data-period': p.label, 'aria-label': p.text + ' ' + L.state[state] }));
          });
          return tr;
        }, more);
      });
    }
    var timer = null;
    search.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(draw, 150); });
    draw();
  }

  // Findings: filters by category, severity, status (and branch text).
  var filters = { category: '', severity: '', status: '', q: '' };
  function matches(f) {
    return (!filters.category || f.category === filters.category) && (!filters.severity || f.severity === filters.severity) && (!filters.status || f.status === filters.status) &&
      (!filters.q || (f.branch + ' ' + f.message + ' ' + f.rule).toLowerCase().indexOf(filters.q) >= 0);
  }
  function filterBar(onChange) {
    function select(key, values, label) {
      var s = h('select', { 'aria-label': label, 'data-filter': key }, h('option', { value: '', text: label + ': ' + L.all }), values.map(function (v) { return h('option', { value: v[0], text: v[1] }); }));
      s.value = filters[key];
      s.addEventListener('change', function () { filters[key] = s.value; onChange(); });
      return s;
    }
    var cats = []; findings.forEach(function (f) { if (cats.indexOf(f.category) < 0) cats.push(f.category); });
    var q = h('input', { type: 'search', placeholder: L.searchFindings, 'aria-label': L.searchFindings, value: filters.q });
    q.addEventListener('input', function () { filters.q = q.value.trim().toLowerCase(); onChange(); });
    return h('div', { class: 'filters' },
      select('category', cats.map(function (c) { return [c, c]; }), L.category),
      select('severity', ['error', 'warning', 'info'].map(function (s) { return [s, L.severity[s]]; }), L.severityLabel),
      select('status', ['violation', 'pending'].map(function (s) { return [s, L.status[s]]; }), L.statusLabel), q);
  }
  function findingRow(f, withBranch) {
    return h('tr', { 'data-rule': f.rule },
      withBranch ? h('td', null, byBranch[f.branch] ? branchLink(f.branch, byBranch[f.branch].name) : f.branch) : null,
      h('td', { class: 'sev-' + f.severity, text: L.severity[f.severity] }), h('td', { class: 'st-' + f.status, text: L.status[f.status] + (f.daysLeft !== null ? ' (' + fill(L.daysLeft, { n: f.daysLeft }) + ')' : '') }),
      h('td', { text: f.category }), h('td', { title: ruleInfo[f.rule].basis }, f.message, h('div', { class: 'muted', text: f.rule + ' · ' + ruleInfo[f.rule].remedy })), h('td', { text: where(f) }));
  }
  function findingsTable(list, withBranch) {
    var tbody = h('tbody');
    var more = h('button', { class: 'more' });
    var table = h('table', { class: 'findings' }, h('thead', null, h('tr', null, withBranch ? h('th', { text: L.branch }) : null, h('th', { text: L.severityLabel }), h('th', { text: L.statusLabel }), h('th', { text: L.category }), h('th', { text: L.message }), h('th', { text: L.where }))), tbody);
    chunked(tbody, list, function (f) { return findingRow(f, withBranch); }, more);
    return h('div', null, h('p', { class: 'muted count', text: fill(L.count, { n: list.length }) }), lazy(Math.min(list.length, CHUNK) * 48, table, more));
  }
  function findingsSection() {
    var sec = document.getElementById('findings');
    var holder = h('div');
    function draw() { holder.textContent = ''; holder.append(findingsTable(findings.filter(matches), true)); }
    sec.append(h('h2', { text: L.findings }), filterBar(function () { draw(); if (current) showBranch(current); }), holder);
    draw();
  }

  // One branch: score sheet, findings with file:line, pending with days left. Printable, one per page.
  function branchPage(b) {
    var rows = [];
    categoriesOf(b).forEach(function (c) {
      rows.push(h('tr', null, h('td', { class: 'cat', text: c.category }), h('td', { class: 'cat num', text: c.weight }), h('td', { class: 'cat' }), h('td', { class: 'cat num' }), h('td', { class: 'cat num', text: c.weight === c.score ? '' : '−' + fmt(c.weight - c.score) }), h('td', { class: 'cat num', text: fmt(c.score) })));
      c.deductions.forEach(function (d) {
        rows.push(h('tr', null, h('td'), h('td'), h('td', null, d.title, h('div', { class: 'muted', text: d.rule + ' · ' + d.findings.map(function (i) { return where(findings[i]); }).join(' ') })), h('td', { class: 'num', text: d.count }), h('td', { class: 'num', text: '−' + fmt(d.points) }), h('td')));
      });
    });
    rows.push(h('tr', null, h('td', { class: 'cat', text: L.total }), h('td', { class: 'cat num', text: 100 }), h('td', { class: 'cat' }), h('td', { class: 'cat' }), h('td', { class: 'cat num', text: '−' + fmt(100 - b.total) }), h('td', { class: 'cat num', text: fmt(b.total) })));
    var sheet = h('table', { class: 'sheet' }, h('thead', null, h('tr', null, [L.category, L.weight, L.item, L.times, L.points, L.score].map(function (t, i) { return h('th', { class: i === 1 || i > 2 ? 'num' : '', text: t }); }))), h('tbody', null, rows));
    var own = findings.filter(function (f) { return f.branch === b.id || f.against === b.id; });
    // Pending items deduct nothing; they are what is still due, listed where they count (as in the score).
    var due = own.filter(function (f) { return f.status === 'pending' && f.against === b.id; });
    var pending = due.length ? h('ul', { class: 'pending' }, due.map(function (p) { return h('li', null, p.message, h('span', { class: 'muted', text: '  ' + p.file + ':' + p.line })); })) : h('p', { class: 'muted', text: L.none });
    return h('section', { class: 'branch-page', 'data-branch': b.id },
      h('div', { class: 'branch-head' }, h('h2', { text: b.name + ' (' + b.id + ')' }), h('span', { class: 'total', text: fmt(b.total) }), h('span', { text: L.grade + ': ' + b.grade }), h('span', { text: L.rank + ': ' + b.rank }), b.veto ? h('span', { class: 'veto', text: L.veto + ': ' + b.veto.join(', ') }) : null, h('span', { class: 'muted', text: b.file + ':' + b.line })),
      h('h3', { text: L.scoreSheet }), sheet,
      h('h3', { text: L.pendingItems }), pending,
      h('h3', { text: L.findings }), findingsTable(own.filter(matches), false));
  }
  var current = null;
  function showBranch(id) {
    var view = document.getElementById('branch-view');
    var b = byBranch[id];
    current = b ? id : null;
    document.body.classList.toggle('branch-mode', !!b);
    view.textContent = '';
    if (!b) return;
    view.append(h('div', { class: 'filters' }, h('a', { href: '#overview', text: '← ' + L.back }), h('button', { onclick: function () { window.print(); }, text: L.print })), filterBar(function () { showBranch(id); }), branchPage(b));
    view.scrollIntoView();
  }
  function printAll() {
    var all = document.getElementById('print-all');
    all.textContent = '';
    branches.forEach(function (b) { all.append(branchPage(b)); });
    document.body.classList.add('printing-all');
    window.print();
    all.textContent = '';
    document.body.classList.remove('printing-all');
  }
  function route() {
    var m = /^#branch=(.+)$/.exec(location.hash);
    showBranch(m ? decodeURIComponent(m[1]) : null);
    document.querySelectorAll('nav a').forEach(function (a) { a.classList.toggle('on', a.getAttribute('href') === (m ? '#branch-view' : location.hash || '#overview')); });
  }

  performance.mark('zhibu-data');
  overview();
  performance.mark('zhibu-overview');
  heatmap();
  performance.mark('zhibu-heatmap');
  findingsSection();
  performance.mark('zhibu-findings');
  document.getElementById('print-all-button').addEventListener('click', printAll);
  window.addEventListener('hashchange', route);
  route();
  document.body.setAttribute('data-ready', 'true');
})();
`;
