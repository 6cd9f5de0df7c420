// Small helpers the tools share: relative-day wording, contact display, interaction shaping.
import { activityTexts } from '../../prompts/conversation/activity.ts';
import { INTERACTION_TYPE, label } from '../../prompts/conversation/labels.ts';
import { t, type Lang } from '../../prompts/index.ts';
import { daysBetween, toIsoDate } from '../domain/time.ts';
import type { Contact, Interaction } from '../domain/types.ts';
import { contactsByIds } from '../store/contacts.ts';
import { userNames } from '../store/users.ts';
import { joinList } from './format.ts';
import type { ToolContext } from './types.ts';

export function ago(days: number, lang: Lang): string {
  if (days <= 0) return t(activityTexts, 'today', lang);
  return days === 1 ? t(activityTexts, 'dayAgo', lang) : t(activityTexts, 'daysAgo', lang, { days });
}

export interface ContactBrief {
  id: string;
  name: string;
  title: string | null;
  level: string | null;
}

export const brief = (c: Contact): ContactBrief => ({ id: c.id, name: c.name, title: c.title, level: c.level });

/** 刘建国(集团副总经理) / 刘建国 (集团副总经理). */
export function personLabel(c: { name: string; title: string | null }, lang: Lang): string {
  if (!c.title) return c.name;
  return lang === 'zh' ? `${c.name}(${c.title})` : `${c.name} (${c.title})`;
}

export interface InteractionView {
  id: string;
  date: string;
  daysAgo: number;
  type: string;
  user: { id: string; name: string };
  contacts: ContactBrief[];
  summary: string;
  nextStep: string | null;
  nextStepDue: string | null;
}

/** Interactions with their contacts and authors resolved (contacts scoped by visibility). */
export async function viewInteractions(ctx: ToolContext, list: Interaction[]): Promise<InteractionView[]> {
  const contacts = await contactsByIds(ctx.app.db, ctx.user.id, [...new Set(list.flatMap((i) => i.contact_ids))]);
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const names = await userNames(ctx.app.db, [...new Set(list.map((i) => i.user_id))]);
  const today = toIsoDate(ctx.now, ctx.tz);
  return list.map((i) => {
    const date = toIsoDate(i.occurred_at, ctx.tz);
    return {
      id: i.id,
      date,
      daysAgo: daysBetween(date, today),
      type: i.type,
      user: { id: i.user_id, name: names.get(i.user_id) ?? i.user_id },
      contacts: i.contact_ids.map((id) => byId.get(id)).filter((c): c is Contact => !!c).map(brief),
      summary: i.summary,
      nextStep: i.next_step,
      nextStepDue: i.next_step_due,
    };
  });
}

export function typeLabel(type: string, lang: Lang): string {
  return label(INTERACTION_TYPE, type, lang);
}

export function withContacts(v: InteractionView, lang: Lang): string {
  if (!v.contacts.length) return '';
  return t(activityTexts, 'withContacts', lang, { contacts: joinList(v.contacts.map((c) => personLabel(c, lang)), lang) });
}
