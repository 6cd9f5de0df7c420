// `kam outbox` lists pushes that are pending, failed or undeliverable (nothing is dropped silently);
// `kam outbox retry [ID...]` puts failed and undeliverable ones back in the queue.
import type { Command } from 'commander';
import { ExitError, withApp } from '../context.ts';
import { listOutbox, requeue, type OutboxStatus } from '../../store/outbox.ts';
import { formatDateTime } from '../../domain/time.ts';
import { outboxTexts } from '../../../prompts/insights.ts';
import { t } from '../../../prompts/index.ts';

const STATUSES: OutboxStatus[] = ['pending', 'sending', 'sent', 'failed', 'undeliverable'];

export function register(program: Command) {
  const outbox = program
    .command('outbox')
    .description('list pending, failed and undeliverable pushes')
    .option('--status <list>', 'comma-separated statuses (pending,sending,sent,failed,undeliverable)', 'pending,sending,failed,undeliverable')
    .option('--json', 'print the rows as JSON')
    .action(async (opts: { status: string; json?: boolean }) => {
      const statuses = opts.status.split(',').map((s) => s.trim()) as OutboxStatus[];
      const bad = statuses.filter((s) => !STATUSES.includes(s));
      if (bad.length) throw new ExitError(`--status: unknown status ${bad.join(', ')} (use ${STATUSES.join(', ')})`, 1);
      await withApp(async (app) => {
        const rows = await listOutbox(app.db, statuses);
        const lang = app.config.lang;
        // An alert or briefing carries its reply's title; a parked answer its summary line.
        const titleOf = (r: (typeof rows)[number]): string | null => r.payload?.reply?.title ?? r.payload?.summary ?? null;
        if (opts.json) {
          const out = rows.map((r) => ({ id: r.id, recipient: r.recipientId, platform: r.platform, kind: r.kind, status: r.status, attempts: r.attempts, next_attempt_at: r.nextAttemptAt, last_error: r.lastError, title: titleOf(r) }));
          process.stdout.write(JSON.stringify(out, null, 2) + '\n');
          return;
        }
        if (!rows.length) {
          console.log(t(outboxTexts, 'none', lang));
          return;
        }
        console.log(t(outboxTexts, 'header', lang));
        for (const r of rows) {
          const next = r.status === 'pending' || r.status === 'sending' ? formatDateTime(r.nextAttemptAt, app.config.timeZone) : '-';
          console.log([r.id, r.status, r.recipientId, r.kind, r.attempts, next, titleOf(r) ?? '-', r.lastError ?? ''].join('  '));
        }
      });
    });
  outbox
    .command('retry')
    .argument('[ids...]', 'outbox row ids (default: every failed or undeliverable row)')
    .description('put failed or undeliverable pushes back in the queue')
    .action(async (ids: string[]) => {
      const nums = ids.map(Number);
      if (nums.some((n) => !Number.isInteger(n) || n <= 0)) throw new ExitError('ids must be positive integers', 1);
      await withApp(async (app) => {
        const n = await requeue(app.db, nums.length ? nums : 'all', new Date());
        console.log(t(outboxTexts, 'retried', app.config.lang, { n }));
      });
    });
}
