// Alerts that fire now but are not recorded yet (the sweep records them at its next run): the
// alerts page lists them beside the recorded open ones, and the accounts list counts both, so the
// two pages agree on what is open.
import type { Alert } from '../../insights/alerts/evaluate.ts';
import { evaluateAlerts } from '../../insights/alerts/evaluate.ts';
import { asOfNow } from '../../insights/health/compute.ts';
import { loadTunables } from '../../insights/settings.ts';
import { recordedAlertKeys } from '../../store/console-queries.ts';
import type { PageContext } from './context.ts';

export async function unrecordedFiring(ctx: PageContext, accountId?: string): Promise<Alert[]> {
  const evaluated = await evaluateAlerts(ctx.app.db, {
    at: asOfNow(ctx.now, ctx.tz),
    tunables: await loadTunables(ctx.app.db),
    lang: ctx.lang,
    scope: { viewerId: ctx.user.id, ...(accountId ? { accountIds: [accountId] } : {}) },
  });
  const known = await recordedAlertKeys(ctx.app.db, evaluated.map((a) => a.key));
  return evaluated.filter((a) => !known.has(a.key));
}
