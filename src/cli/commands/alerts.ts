// `kam alerts [--at WHEN] [--dry-run] [--json]` (CONTRACT.md §1).
import type { Command } from 'commander';
import { withApp, parseAt } from '../context.ts';
import { sweepAlerts } from '../../insights/alerts/sweep.ts';
import { asOfNow } from '../../insights/health/compute.ts';
import { drainWithRegistry } from '../../outbox/drain.ts';
import { alertTexts, ruleNames, severityNames } from '../../../prompts/insights.ts';
import { t } from '../../../prompts/index.ts';

export function register(program: Command) {
  program
    .command('alerts')
    .description('evaluate every alert rule; without --dry-run, record and push the alerts not recorded before')
    .option('--at <when>', 'evaluate as of this ISO 8601 date or date-time (default: now)')
    .option('--dry-run', 'print every alert that fires; record and push nothing')
    .option('--json', 'print [{"rule","account_id","severity","recipients","message"}]')
    .action(async (opts: { at?: string; dryRun?: boolean; json?: boolean }) => {
      await withApp(async (app) => {
        const tz = app.config.timeZone;
        const lang = app.config.lang;
        const wallClock = new Date();
        const now = parseAt(opts.at, tz);
        const result = await sweepAlerts(app.db, { at: asOfNow(now, tz), lang, dryRun: opts.dryRun, pushAt: wallClock });
        // Without a messaging platform the console channel delivers right away; with one, the
        // pushes wait in the outbox for `kam start`, whose worker holds the platform connections.
        const platforms = app.config.feishu || app.config.wecom || app.config.slack;
        if (!opts.dryRun && !platforms) await drainWithRegistry(app, wallClock, 10_000);
        if (opts.json) {
          const out = result.alerts.map((a) => ({ rule: a.rule, account_id: a.accountId, severity: a.severity, recipients: a.recipients, message: a.message }));
          process.stdout.write(JSON.stringify(out, null, 2) + '\n');
          return;
        }
        if (!result.alerts.length) console.log(t(alertTexts, opts.dryRun ? 'list_none' : 'list_new_none', lang));
        for (const a of result.alerts) {
          console.log(`[${t(severityNames, a.severity, lang)}] ${a.rule} ${t(ruleNames, a.rule, lang)} · ${a.accountName} (${a.accountId}) → ${a.recipients.join(', ')}`);
          console.log(`    ${a.message}`);
          console.log(`    ${t(alertTexts, 'action', lang)}: ${a.action}`);
        }
        if (result.escalations.length) {
          console.log(t(alertTexts, 'escalations', lang, { n: result.escalations.length }));
          for (const e of result.escalations) console.log(`    ${e.rule} · ${e.accountId} → ${e.to}`);
        }
      });
    });
}
