// An alert's message and recommended action, in the reply language, from the facts that fired it.
import type { Finding } from '../../domain/alerts/types.ts';
import { alertActions, alertMessages, alertTexts, contractKindNames, formatAmount, listJoin, severityNames, stageNames } from '../../../prompts/insights.ts';
import { t, type Lang } from '../../../prompts/index.ts';

export function alertMessage(f: Finding, accountName: string, lang: Lang): string {
  const x = f.facts as Record<string, any>;
  const account = accountName;
  switch (f.rule) {
    case 'exec_silence': {
      const base =
        x.last_date === null
          ? t(alertMessages, 'exec_silence_never', lang, { account })
          : t(alertMessages, 'exec_silence', lang, {
              account,
              days: x.days,
              date: x.last_date,
              contacts: x.last_contacts.length ? listJoin(x.last_contacts, lang) : t(alertTexts, 'none_contacts', lang),
            });
      return f.period === 'manager' ? `${base}${lang === 'zh' ? '' : ' '}${t(alertMessages, 'exec_silence_manager', lang, { manager_days: x.manager_days })}` : base;
    }
    case 'contract_expiry':
      return t(alertMessages, 'contract_expiry', lang, { account, contract: x.contract_id, kind: contractKindNames[x.kind] ? t(contractKindNames, x.kind, lang) : x.kind, end_date: x.end_date, days: x.days_left });
    case 'budget_lag':
      return t(alertMessages, 'budget_lag', lang, {
        account,
        year: x.year,
        executed_pct: x.executed_pct,
        executed: formatAmount(x.executed, lang),
        budget: formatAmount(x.budget, lang),
        elapsed_pct: x.elapsed_pct,
        gap: x.gap_points,
      });
    case 'complaint_open':
      return t(alertMessages, 'complaint_open', lang, {
        account,
        ticket: x.ticket_id,
        severity: x.ticket_severity ? t(severityNames, x.ticket_severity, lang) : '-',
        hours: x.hours_open,
        summary: x.summary ?? t(alertTexts, 'no_summary', lang),
      });
    case 'next_step_overdue':
      return t(alertMessages, 'next_step_overdue', lang, { account, step: x.next_step, due: x.due, days: x.overdue_days, date: x.committed_on });
    case 'decision_chain_gap':
      if (x.reason === 'no_decision_maker') return t(alertMessages, 'decision_chain_no_dm', lang, { account });
      return x.last_date === null
        ? t(alertMessages, 'decision_chain_never_met', lang, { account, names: listJoin(x.decision_makers, lang) })
        : t(alertMessages, 'decision_chain_not_met', lang, { account, names: listJoin(x.decision_makers, lang), days: x.days, date: x.last_date });
    case 'stalled_opportunity':
      return t(alertMessages, 'stalled_opportunity', lang, {
        account,
        name: x.name,
        stage: t(stageNames, x.stage, lang),
        amount: formatAmount(x.amount, lang),
        days: x.days,
        updated: x.updated_at,
      });
    case 'health_drop':
      return t(alertMessages, 'health_drop', lang, { account, peak: x.peak, peak_date: x.peak_date, current: x.current, drop: x.drop });
  }
}

export function alertAction(f: Finding, lang: Lang): string {
  return t(alertActions, f.rule, lang);
}
