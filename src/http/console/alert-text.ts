// A recorded alert's message and recommended action in the page's language: rewritten from the
// facts that fired it (the stored text is in the language of the sweep), or the stored text when
// the facts cannot be read back.
import type { Finding } from '../../domain/alerts/types.ts';
import { alertAction, alertMessage } from '../../insights/alerts/message.ts';
import type { ConsoleAlert } from '../../store/console-queries.ts';
import type { Lang } from '../../../prompts/index.ts';

export function alertText(a: ConsoleAlert, lang: Lang): { message: string; action: string | null } {
  const finding = { rule: a.rule, accountId: a.account_id, subject: a.subject, period: a.period, severity: a.severity, facts: a.facts, audience: { roles: [] } } as Finding;
  try {
    const message = alertMessage(finding, a.account_name, lang);
    if (message && !message.includes('undefined')) return { message, action: alertAction(finding, lang) };
  } catch {
    // Facts of an older shape: keep what was recorded.
  }
  return { message: a.message, action: a.action };
}
