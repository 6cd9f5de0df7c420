// "我有哪些预警?", "what alerts do I have": the alerts firing now on the user's accounts, or on one
// account when named.
import { z } from 'zod';
import { t } from '../../../prompts/index.ts';
import { alertChatTexts, alertTexts, ruleNames, severityNames } from '../../../prompts/insights.ts';
import { evaluateAlerts, type Alert } from '../../insights/alerts/evaluate.ts';
import { asOfNow } from '../../insights/health/compute.ts';
import { loadTunables } from '../../insights/settings.ts';
import { countHits } from '../../nlu/keywords.ts';
import type { Tool } from '../../tools/types.ts';
import { accountFor } from '../../tools/account-arg.ts';

const input = z.object({ account: z.string().optional().describe('Only this account (id or name); default all the user may see') });

const ALERT_WORDS = { zh: ['预警', '告警', '风险提醒', '警报'], en: ['alert', 'alerts', 'warning', 'warnings'] };

interface Output {
  alerts: Alert[];
}

export const alertsListTool: Tool<typeof input, Output> = {
  name: 'alerts_list',
  description: 'The account alerts (CONTRACT rules: executive silence, contract expiry, budget lag, open complaints, overdue next steps, decision-chain gaps, stalled opportunities, health drops) firing now on the accounts the user may see, or on one account.',
  input,
  examples: { zh: ['我有哪些预警?', '{account}有什么预警?'], en: ['What alerts do I have?', 'Any alerts on {account}?'] },
  async run(ctx, args) {
    const accountIds = args.account ? [(await accountFor(ctx, args.account)).id] : undefined;
    const tunables = await loadTunables(ctx.app.db);
    const alerts = await evaluateAlerts(ctx.app.db, { at: asOfNow(ctx.now, ctx.tz), tunables, lang: ctx.lang, scope: { viewerId: ctx.user.id, accountIds } });
    return { alerts };
  },
  render(ctx, out) {
    const lang = ctx.lang;
    if (!out.alerts.length) return { lang, text: t(alertChatTexts, 'list_none', lang), data: out };
    const lines = out.alerts.map((a) => t(alertChatTexts, 'item', lang, { severity: t(severityNames, a.severity, lang), rule: t(ruleNames, a.rule, lang), message: a.message }));
    const title = t(alertChatTexts, 'list_title', lang, { n: out.alerts.length });
    return {
      lang,
      title,
      text: [title, ...lines.map((l) => `· ${l}`)].join('\n'),
      sections: [{ lines }, { title: t(alertTexts, 'action', lang), lines: [...new Set(out.alerts.map((a) => `${t(ruleNames, a.rule, lang)}: ${a.action}`))] }],
      data: out,
    };
  },
  subjectAccount: (out) => (new Set(out.alerts.map((a) => a.accountId)).size === 1 ? out.alerts[0].accountId : undefined),
  offline: {
    account: 'optional',
    keywords: ALERT_WORDS,
    score: (u) => (countHits(u, ALERT_WORDS) ? 3 : 0),
    // Only an account named now or referred back to; "我有哪些预警" means all of the user's accounts.
    input: (u, accountId) => ({ account: u.mention.kind === 'found' || u.refersBack ? accountId : undefined }),
  },
};
