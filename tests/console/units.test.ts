// The console's pure parts: the budget bar and sparkline, the accounts table's filters and sort,
// the signed session cookie, and reply rendering (escaping, buttons).
import { describe, expect, it } from 'vitest';
import { renderReplyHtml } from '../../src/http/console/render-reply.ts';
import { html } from '../../src/http/console/html.ts';
import { applyTableQuery, paginate, parseTableQuery, type AccountTableRow } from '../../src/http/console/accounts-table.ts';
import { safeNext } from '../../src/http/console/context.ts';
import { decodeSession, encodeSession, newSession, parseCookies, sessionKey, SESSION_MAX_AGE_S, tokenMatches } from '../../src/http/console/session.ts';
import { budgetBar, percentText, sparkline } from '../../src/http/console/views/svg.ts';
import { yearElapsedShare } from '../../src/domain/time.ts';

describe('budget bar', () => {
  it('shows A200 in 2026: 40 % executed against 89.6 % of the year, behind', () => {
    const svg = budgetBar({ executed: 6_000_000 / 15_000_000, elapsed: yearElapsedShare('2026-11-24'), lagPoints: 10, label: 'x', yearLabel: 'year' }).value;
    expect(svg).toContain('data-executed="40" data-elapsed="89.6"');
    expect(svg).toContain('class="budget-bar behind"');
    expect(svg).toContain('<rect class="fill" x="0" y="14" width="40%"');
    expect(svg).toContain('x1="89.6%"');
    expect(svg).toContain('>40%</text>');
  });

  it('is on track within the lag threshold, and caps the fill at 100 % while the label tells the truth', () => {
    expect(budgetBar({ executed: 0.85, elapsed: 0.896, lagPoints: 10, label: '', yearLabel: '' }).value).toContain('on-track');
    const over = budgetBar({ executed: 1.25, elapsed: 0.5, lagPoints: 10, label: '', yearLabel: '' }).value;
    expect(over).toContain('width="100%" height="20"');
    expect(over).toContain('>125%</text>');
  });

  it('escapes its label', () => {
    expect(budgetBar({ executed: 0, elapsed: 0, lagPoints: 10, label: '<b>', yearLabel: '"' }).value).not.toMatch(/<b>|""/);
  });

  it('writes percentages to one decimal', () => {
    expect(percentText(0.4)).toBe('40%');
    expect(percentText(0.89589)).toBe('89.6%');
  });
});

describe('sparkline', () => {
  it('places points by date inside the window, scores from 0 at the bottom to 100 at the top', () => {
    const svg = sparkline(
      [
        { date: '2026-08-01', score: 50 },
        { date: '2026-09-01', score: 100 },
        { date: '2026-11-30', score: 0 },
      ],
      { from: '2026-09-01', to: '2026-11-30', label: 'h', width: 100, height: 20 },
    )!.value;
    expect(svg).toContain('data-points="2"');
    expect(svg).toContain('points="3,3 97,17"');
  });

  it('draws nothing without points in the window', () => {
    expect(sparkline([{ date: '2025-01-01', score: 10 }], { from: '2026-01-01', to: '2026-03-31', label: '' })).toBeNull();
  });
});

describe('accounts table', () => {
  const row = (id: string, over: Partial<AccountTableRow>): AccountTableRow => ({
    id,
    name: id,
    aliases: [],
    parentId: null,
    tier: null,
    suggestedTier: null,
    health: null,
    band: null,
    openAlerts: 0,
    ownerId: 'u1',
    ownerName: 'One',
    industry: null,
    ...over,
  });
  const rows = [
    row('A1', { name: '西山矿业集团', aliases: ['西山矿业'], tier: 'S', health: 63, band: 'watch', openAlerts: 3 }),
    row('A2', { name: '江南港务集团', tier: 'A', health: 80, band: 'healthy', openAlerts: 1, ownerId: 'u2', ownerName: 'Two' }),
    row('A3', { name: '兴业建材', tier: null, health: null, openAlerts: 0 }),
    row('A4', { name: '蓝海新能源', tier: 'B', health: 40, band: 'at_risk', openAlerts: 5 }),
  ];
  const ids = (q: Record<string, string>) => applyTableQuery(rows, parseTableQuery(q)).map((r) => r.id);

  it('sorts by tier by default, unknown tiers last', () => {
    expect(ids({})).toEqual(['A1', 'A2', 'A4', 'A3']);
    expect(ids({ dir: 'desc' })).toEqual(['A3', 'A4', 'A2', 'A1']);
  });

  it('sorts scores and alert counts biggest first unless told otherwise', () => {
    expect(ids({ sort: 'health' })).toEqual(['A2', 'A1', 'A4', 'A3']);
    expect(ids({ sort: 'alerts' })).toEqual(['A4', 'A1', 'A2', 'A3']);
    expect(ids({ sort: 'alerts', dir: 'asc' })).toEqual(['A3', 'A2', 'A1', 'A4']);
  });

  it('filters by text (name, alias, id), tier, band and owner', () => {
    expect(ids({ q: '西山矿业' })).toEqual(['A1']);
    expect(ids({ q: 'a2' })).toEqual(['A2']);
    expect(ids({ tier: 'B' })).toEqual(['A4']);
    expect(ids({ band: 'at_risk' })).toEqual(['A4']);
    expect(ids({ owner: 'u2' })).toEqual(['A2']);
  });

  it('ignores values it does not know', () => {
    expect(parseTableQuery({ sort: 'drop table', tier: 'Z', band: 'meh', dir: 'sideways', page: '-2' })).toEqual({ q: '', sort: 'tier', dir: 'asc', tier: undefined, band: undefined, owner: undefined, page: 1 });
  });

  it('pages the list, a page past the end showing the last', () => {
    const list = Array.from({ length: 120 }, (_, i) => i + 1);
    expect(paginate(list, 1, 50)).toMatchObject({ page: 1, pages: 3, first: 1, last: 50, total: 120 });
    const last = paginate(list, 9, 50);
    expect(last).toMatchObject({ page: 3, first: 101, last: 120 });
    expect(last.rows).toEqual(list.slice(100));
    expect(paginate([], 1, 50)).toMatchObject({ page: 1, pages: 1, first: 0, last: 0, total: 0 });
  });
});

describe('session cookie', () => {
  const now = new Date('2026-11-24T10:00:00+08:00');

  it('round-trips, and refuses a changed payload, another key or an old cookie', () => {
    const key = sessionKey('token-a');
    const s = { ...newSession(now, true), user: 'u_li' };
    const cookie = encodeSession(s, key);
    expect(decodeSession(cookie, key, now)).toEqual(s);
    const [payload, mac] = cookie.split('.');
    const changed = Buffer.from(JSON.stringify({ ...s, user: 'u_admin' })).toString('base64url');
    expect(decodeSession(`${changed}.${mac}`, key, now)).toBeUndefined();
    expect(decodeSession(`${payload}.${mac}`, sessionKey('token-b'), now)).toBeUndefined();
    expect(decodeSession(cookie, key, new Date(now.getTime() + (SESSION_MAX_AGE_S + 1) * 1000))).toBeUndefined();
    expect(decodeSession('garbage', key, now)).toBeUndefined();
  });

  it('compares tokens exactly', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abcd', 'abc')).toBe(false);
    expect(tokenMatches(undefined, 'abc')).toBe(false);
  });

  it('reads a cookie header', () => {
    expect(parseCookies('a=1; kam_lang=en;b=%E4%B8%AD')).toEqual({ a: '1', kam_lang: 'en', b: '中' });
  });

  it('follows only paths of this site after sign-in', () => {
    expect(safeNext('/console/accounts?x=1')).toBe('/console/accounts?x=1');
    for (const bad of ['//evil.example', 'https://evil.example', '/\\evil.example', undefined]) expect(safeNext(bad)).toBe('/');
  });
});

describe('reply rendering', () => {
  it('escapes text and keeps buttons as data the page sends back', () => {
    const out = renderReplyHtml({
      lang: 'zh',
      title: '已记录',
      text: '已记录\n<img src=x onerror=alert(1)> 拜访北方路桥',
      buttons: [{ label: '撤销', action: 'note.undo', value: { note: '7"><x' }, style: 'danger' }],
      citations: [{ source: 'interaction', id: 'I013', date: '2026-11-24' }],
    }).value;
    expect(out).toContain('<div class="reply-title">已记录</div>');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt; 拜访北方路桥');
    expect(out).not.toContain('<img');
    expect(out).toContain('data-action="note.undo" data-value="{&quot;note&quot;:&quot;7\\&quot;&gt;&lt;x&quot;}"');
    expect(out).toContain('I013 · 2026-11-24');
  });

  it('escapes every interpolated value of the template tag but nested markup', () => {
    expect(html`<p title="${'"x"'}">${['<a>', html`<b>ok</b>`]}</p>`.value).toBe('<p title="&quot;x&quot;">&lt;a&gt;<b>ok</b></p>');
  });
});
