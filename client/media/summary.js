// @ts-check
/* The summary view's script (inlined with a nonce by the extension). It renders
 * what the server sent (bulletinCheck/facts) and parses nothing itself. */
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const root = /** @type {HTMLElement} */ (document.getElementById('root'));
  /** @type {any} */ let data = null;
  /** @type {Record<string,string>} */ let S = {};
  let sortKey = 'line';
  let sortDir = 1;

  /** @param {string} tag @param {Record<string,string>} [attrs] @param {(Node|string)[]} [children] */
  function el(tag, attrs, children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    for (const c of children || []) e.append(typeof c === 'string' ? document.createTextNode(c) : c);
    return e;
  }
  /** @param {string|null|undefined} x */
  const name = (x) => (x ? (data.summary.names[x] || x) : '');
  /** @param {string} template @param {...(string|number)} args */
  const fmt = (template, ...args) => template.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)] ?? ''));
  /** @param {number} v */
  const num = (v) => (Number.isFinite(v) ? v.toLocaleString('en-US', { maximumFractionDigits: 4 }) : '∞');

  /** @param {any} range */
  function reveal(range) {
    vscode.postMessage({ type: 'reveal', range });
  }


  const COLUMNS = [
    { key: 'line', label: () => S.line, num: true, get: (/** @type {any} */ f) => f.range.start.line + 1 },
    { key: 'literal', label: () => S.literal, get: (/** @type {any} */ f) => f.literal },
    { key: 'value', label: () => S.value, num: true, get: (/** @type {any} */ f) => f.value },
    { key: 'category', label: () => S.category, get: (/** @type {any} */ f) => name(f.category) },
    { key: 'qualifier', label: () => S.qualifier, get: (/** @type {any} */ f) => name(f.qualifier) },
    { key: 'origin', label: () => S.origin, get: (/** @type {any} */ f) => name(f.origin) },
    { key: 'place', label: () => S.place, get: (/** @type {any} */ f) => (f.region ? f.region.name : '') },
    { key: 'label', label: () => S.label, get: (/** @type {any} */ f) => f.label || '' },
    { key: 'period', label: () => S.periodCol, get: (/** @type {any} */ f) => (f.period !== null && data.facts.dates[f.period] ? data.facts.dates[f.period].text.trim() : '') },
  ];

  function figuresTable() {
    const figures = data.facts.figures.filter((/** @type {any} */ f) => f.kind === 'count');
    const col = COLUMNS.find((c) => c.key === sortKey) || COLUMNS[0];
    const sorted = figures.slice().sort((/** @type {any} */ a, /** @type {any} */ b) => {
      const x = col.get(a);
      const y = col.get(b);
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
      return (c || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character) * sortDir;
    });
    const failing = new Set(data.summary.failing || []);
    const head = el('tr', {}, COLUMNS.map((c) => {
      const th = el('th', { scope: 'col', tabindex: '0', 'data-key': c.key, class: c.num ? 'num' : '' }, [c.label()]);
      if (c.key === sortKey) th.setAttribute('aria-sort', sortDir > 0 ? 'ascending' : 'descending');
      const sort = () => {
        if (sortKey === c.key) sortDir = -sortDir;
        else {
          sortKey = c.key;
          sortDir = 1;
        }
        render();
      };
      th.addEventListener('click', sort);
      th.addEventListener('keydown', (e) => (e.key === 'Enter' || e.key === ' ') && sort());
      return th;
    }));
    const rows = sorted.map((/** @type {any} */ f) => {
      const bad = failing.has(f.id);
      const tr = el('tr', { tabindex: '0', class: bad ? 'failing' : '', 'data-line': String(f.range.start.line) }, COLUMNS.map((c) => {
        const v = c.get(f);
        return el('td', { class: (c.num ? 'num ' : '') + c.key }, [c.key === 'value' ? num(v) : String(v)]);
      }));
      tr.addEventListener('click', () => reveal(f.range));
      tr.addEventListener('keydown', (e) => e.key === 'Enter' && reveal(f.range));
      return tr;
    });
    const table = el('table', { id: 'figures' }, [el('thead', {}, [head]), el('tbody', {}, rows)]);
    return { node: el('div', { class: 'scroll' }, [table]), count: rows.length };
  }

  function groupsTable() {
    const groups = data.summary.groups;
    if (groups.length === 0) return { node: el('p', { class: 'empty' }, [S.none]), count: 0 };
    const rows = groups.map((/** @type {any} */ g) => {
      const verdict = g.kind === 'subset' ? (g.ok ? S.subsetOk : S.subsetBad) : g.ok ? S.ok : S.bad;
      const tr = el('tr', { tabindex: '0' }, [
        el('td', { class: 'num' }, [String(g.range.start.line + 1)]),
        el('td', {}, [g.dimensionName]),
        el('td', {}, [`${g.terms}`]),
        el('td', {}, [el('code', {}, [g.line])]),
        el('td', { class: g.ok ? 'ok' : 'bad' }, [`${g.ok ? '✓' : '✗'} ${verdict}`]),
      ]);
      tr.addEventListener('click', () => reveal(g.range));
      tr.addEventListener('keydown', (e) => e.key === 'Enter' && reveal(g.range));
      return tr;
    });
    const head = el('tr', {}, [S.line, S.dimension, S.figures, S.arithmetic, S.verdict].map((h) => el('th', { scope: 'col' }, [h])));
    return { node: el('div', { class: 'scroll' }, [el('table', { id: 'groups' }, [el('thead', {}, [head]), el('tbody', {}, rows)])]), count: rows.length };
  }

  function findingsTable() {
    const findings = data.findings;
    if (findings.length === 0) return { node: el('p', { class: 'empty' }, [S.none]), count: 0 };
    const rows = findings.map((/** @type {any} */ f) => {
      const tr = el('tr', { tabindex: '0' }, [
        el('td', { class: 'num' }, [String(f.range.start.line + 1)]),
        el('td', { class: f.severity === 'error' ? 'bad' : '' }, [f.code]),
        el('td', {}, [f.message]),
      ]);
      tr.addEventListener('click', () => reveal(f.range));
      tr.addEventListener('keydown', (e) => e.key === 'Enter' && reveal(f.range));
      return tr;
    });
    const head = el('tr', {}, [S.line, S.code, S.message].map((h) => el('th', { scope: 'col' }, [h])));
    return { node: el('div', { class: 'scroll' }, [el('table', { id: 'findings' }, [el('thead', {}, [head]), el('tbody', {}, rows)])]), count: rows.length };
  }

  function render() {
    root.textContent = '';
    if (!data) {
      root.append(el('p', { class: 'empty' }, [S.noEditor || '']));
      vscode.postMessage({ type: 'rendered', figures: 0, groups: 0, findings: 0 });
      return;
    }
    if (!data.facts.isBulletin) {
      root.append(el('p', { class: 'empty' }, [S.notBulletin]));
      vscode.postMessage({ type: 'rendered', figures: 0, groups: 0, findings: 0 });
      return;
    }
    const s = data.summary;
    root.append(el('h1', {}, [s.headline || S.title]));
    const period = s.period ? `${s.period.text}${s.period.iso ? ` (${s.period.iso})` : ''}` : S.unknown;
    root.append(el('p', { class: 'meta' }, [`${S.period}: ${period}`]));
    const region = s.region ? `${s.region.chain.join(' → ')}${s.region.code ? ` (${s.region.code})` : ''}` : S.unknown;
    root.append(el('p', { class: 'meta' }, [`${S.region}: ${region}`]));
    const counts = el('p', { class: 'counts', id: 'counts' }, [fmt(S.checks, s.counts.figures, s.counts.totals, s.counts.inconsistent)]);
    if (s.counts.inconsistent > 0) counts.classList.add('bad');
    root.append(counts);
    const json = el('button', { id: 'copy-json', class: 'secondary' }, [S.copyJson]);
    json.addEventListener('click', () => vscode.postMessage({ type: 'copy', format: 'json' }));
    const csv = el('button', { id: 'copy-csv', class: 'secondary' }, [S.copyCsv]);
    csv.addEventListener('click', () => vscode.postMessage({ type: 'copy', format: 'csv' }));
    root.append(el('div', { class: 'toolbar' }, [json, csv]));
    const figures = figuresTable();
    root.append(el('h2', {}, [`${S.figures} (${figures.count})`]), el('p', { class: 'hint' }, [S.sortHint]), figures.node);
    const groups = groupsTable();
    root.append(el('h2', {}, [`${S.groups} (${groups.count})`]), groups.node);
    const findings = findingsTable();
    root.append(el('h2', {}, [`${S.findings} (${findings.count})`]), findings.node);
    vscode.postMessage({ type: 'rendered', figures: figures.count, groups: groups.count, findings: findings.count });
  }

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!m || m.type !== 'data') return;
    S = m.strings || S;
    data = m.data;
    render();
  });
  vscode.postMessage({ type: 'ready' });
})();
