// One table from several runs of a benchmark (one per engine): each output line becomes a figure
// keyed by its label — the text before the first ': ' ("hybrid search as admin (all accounts)"),
// or a markdown table row's first cell — and the table has one row per label, one column per run.
// An indented line's label is prefixed with the last unindented one's ("hnsw (m=16) › ef_search=40").
// Lines without a label (progress, notes) are left out; a label seen again in one run is numbered.

const NUMBERED = /^(N=\d+): (.*)$/;

/** label → figure, in output order, for one run's stdout. */
export function figures(out) {
  const rows = new Map();
  const seen = new Map();
  let parent = '';
  const put = (label, value) => {
    const k = label.trim();
    if (!k || !value.trim()) return;
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    rows.set(n > 1 ? `${k} (#${n})` : k, value.trim());
  };
  for (const raw of out.split('\n')) {
    const line = raw.trimEnd();
    if (!line.trim() || /^\|[-| ]+\|$/.test(line.trim()) || line.startsWith('wrote ')) continue;
    const cells = line.trim().startsWith('|') ? line.trim().slice(1, -1).split('|').map((c) => c.trim()) : null;
    if (cells && cells.length > 1) {
      put(cells[0], cells.slice(1).join(' · '));
      continue;
    }
    // "N=1000: kam import, first: 12 s" keeps the size in its label.
    const n = NUMBERED.exec(line.trim());
    const body = n ? n[2] : line.trim();
    // A label with a figure in it ("IVFFlat probes=10") stays whole; a "(...)" description is part of it.
    // Without ': ', a sized line ("N=200: kam import 25012 rows in 17.2 s") is labelled by its words
    // up to the first figure (or its first word when it has none).
    let at = body.indexOf(': ');
    let rest = at + 2;
    if (at <= 0 && n) {
      const digit = body.search(/\d/);
      at = digit > 0 && !/[([:=/,-]\s*$/.test(body.slice(0, digit)) ? digit : body.indexOf(' ');
      rest = at;
      if (at <= 0 || !/\p{L}/u.test(body.slice(0, at))) continue;
    } else if (at <= 0) continue;
    const label = `${n ? `${n[1]} ` : ''}${body.slice(0, at).trim()}`;
    const indented = /^\s/.test(line);
    if (!indented) parent = label;
    put(indented && parent ? `${parent} › ${label}` : label, body.slice(rest));
  }
  return rows;
}

const cell = (s) => s.replace(/\|/g, '\\|');

/** A markdown table: figure | engine 1 | engine 2 | …, rows in the first run's order, then any only the others had. */
export function sideBySide(runs) {
  const parsed = runs.map((r) => ({ engine: r.engine, rows: figures(r.out), code: r.code }));
  const labels = [];
  const known = new Set();
  for (const p of parsed) {
    for (const k of p.rows.keys()) {
      if (!known.has(k)) {
        known.add(k);
        labels.push(k);
      }
    }
  }
  const head = `| figure | ${parsed.map((p) => p.engine + (p.code ? ` (exit ${p.code})` : '')).join(' | ')} |`;
  const rule = `|---|${parsed.map(() => '---').join('|')}|`;
  const body = labels.map((k) => `| ${cell(k)} | ${parsed.map((p) => cell(p.rows.get(k) ?? '—')).join(' | ')} |`);
  return [head, rule, ...body].join('\n');
}
