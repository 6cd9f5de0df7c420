// The accounts list counts as open what the alerts page lists as open (recorded and not
// acknowledged, plus what fires now that the sweep has not recorded yet); the timeline names the
// people met, also a subsidiary's contacts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleClient } from './client.ts';
import { AT_Q, startConsole, TOKEN, type ConsoleServer } from './helpers.ts';

let srv: ConsoleServer;
let li: ConsoleClient;
let zhang: ConsoleClient;

beforeAll(async () => {
  srv = await startConsole();
  li = new ConsoleClient(srv.server);
  await li.signInAs(TOKEN, 'u_li');
  zhang = new ConsoleClient(srv.server);
  await zhang.signInAs(TOKEN, 'u_zhang');
});
afterAll(() => srv.close());

const countCell = (body: string, id: string) => {
  const start = body.indexOf(`<tr data-account="${id}"`);
  const row = body.slice(start, body.indexOf('</tr>', start));
  return Number(/class="count alert-count"[^>]*>(\d+)</.exec(row)?.[1] ?? 0);
};

describe('open alerts on the accounts list', () => {
  // Three weeks after the sweep of the sample day: more has fired that nobody recorded yet.
  for (const at of ['2026-11-24T10:00:00+08:00', '2026-12-15T10:00:00+08:00']) {
    it(`match the alerts page per account as of ${at.slice(0, 10)}`, async () => {
      const q = `at=${encodeURIComponent(at)}`;
      const list = (await li.get(`/console/accounts?${q}`)).body;
      for (const id of ['A200', 'A300', 'A500']) {
        const page = (await li.get(`/console/alerts?${q}&account=${id}`)).body;
        const listed = (page.match(/<article class="alert /g) ?? []).length;
        expect(countCell(list, id)).toBe(listed);
      }
      if (at.startsWith('2026-12-15')) {
        const recorded = await srv.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM alerts WHERE account_id = 'A200'`);
        expect(countCell(list, 'A200')).toBeGreaterThan(recorded.rows[0].n);
      }
    });
  }
});

describe('the account timeline', () => {
  it('names the contacts met, also one of a subsidiary (I005 on A100 met C1011 of A101)', async () => {
    const body = (await zhang.get(`/console/accounts/A100?${AT_Q}`)).body;
    expect(body).toMatch(/赵敏 → 黄海 · I005/);
    expect(body).not.toMatch(/→ C1011/);
  });
});
