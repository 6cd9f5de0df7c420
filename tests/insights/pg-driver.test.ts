// The sweep, outbox and briefing over the `pg` driver (DATABASE_URL path): same results as embedded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { Db } from '../../db/index.ts';
import { sweepAlerts } from '../../src/insights/alerts/sweep.ts';
import { drainOutbox } from '../../src/outbox/worker.ts';
import { DEFAULT_OUTBOX_SETTINGS } from '../../src/outbox/settings.ts';
import { logChannel } from '../../src/delivery/log-channel.ts';
import { buildBriefing } from '../../src/insights/briefings/build.ts';
import { sampleDb } from '../helpers/db.ts';
import { overPg } from '../helpers/pg-socket.ts';
import { SAMPLE_AT, TEST_TZ } from '../helpers/paths.ts';
import { at } from './helpers.ts';

let embedded: Db;
let pg: Awaited<ReturnType<typeof overPg>>;
beforeAll(async () => {
  embedded = await sampleDb();
  pg = await overPg(embedded);
});
afterAll(async () => {
  await pg.stop();
  await embedded.close();
});

describe('over the pg driver', () => {
  it('records the sample alerts once and delivers them', async () => {
    const first = await sweepAlerts(pg.db, { at: at('2026-11-24T10:00:00'), lang: 'zh' });
    expect(first.alerts.filter((a) => a.rule !== 'health_drop').map((a) => `${a.rule}/${a.accountId}`).sort()).toEqual(
      ['budget_lag/A200', 'complaint_open/A300', 'contract_expiry/A300', 'decision_chain_gap/A400', 'exec_silence/A200', 'exec_silence/A300', 'next_step_overdue/A500', 'stalled_opportunity/A200'],
    );
    expect((await sweepAlerts(pg.db, { at: at('2026-11-24T10:00:00'), lang: 'zh' })).alerts).toEqual([]);
    const log = pino({ level: 'silent' });
    const r = await drainOutbox(pg.db, { now: SAMPLE_AT, settings: DEFAULT_OUTBOX_SETTINGS, adapters: [], fallback: logChannel(log), log, lang: 'zh' });
    expect(r.sent).toBe(first.alerts.reduce((n, a) => n + a.recipients.length, 0));
  });
  it('builds a briefing', async () => {
    const b = await buildBriefing(pg.db, { kind: 'team', userId: 'u_chen' }, { week: SAMPLE_AT, now: SAMPLE_AT, tz: TEST_TZ, lang: 'en' });
    expect(b.accounts).toHaveLength(8);
  });
});
