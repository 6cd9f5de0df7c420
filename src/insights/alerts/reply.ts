// An alert as a platform-neutral Reply: what a push (and the chat) shows, with an acknowledge button.
import type { Reply } from '../../chat/types.ts';
import { alertTexts, ruleNames, severityNames } from '../../../prompts/insights.ts';
import { t, type Lang } from '../../../prompts/index.ts';

export interface AlertView {
  id: number;
  rule: string;
  accountId: string;
  accountName: string;
  severity: string;
  message: string;
  action: string | null;
}

export function alertReply(a: AlertView, lang: Lang, escalatedFrom?: { firedAt: string }): Reply {
  const rule = t(ruleNames, a.rule, lang);
  const title = escalatedFrom ? t(alertTexts, 'escalated_title', lang, { rule }) : t(alertTexts, 'title', lang, { rule });
  const lines = [a.message];
  if (escalatedFrom) lines.push(t(alertTexts, 'escalated_note', lang, { fired: escalatedFrom.firedAt }));
  if (a.action) lines.push(`${t(alertTexts, 'action', lang)}: ${a.action}`);
  const facts = [
    { label: t(alertTexts, 'account', lang), value: `${a.accountName} (${a.accountId})` },
    { label: t(alertTexts, 'severity', lang), value: t(severityNames, a.severity, lang) },
  ];
  return {
    lang,
    title,
    text: [title, ...lines].join('\n'),
    sections: [{ lines }],
    facts,
    buttons: [{ label: t(alertTexts, 'ack_button', lang), action: 'alert.ack', value: { alert_id: String(a.id) }, style: 'primary' }],
    data: { alert_id: a.id, rule: a.rule, account_id: a.accountId, severity: a.severity },
  };
}
