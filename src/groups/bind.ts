// Binding a group chat to an account or a manager's team, the same way from the chat ("@bot 绑定
// 中建华东"), the CLI (`kam teams bind`) and the console: the target is resolved within what the
// binder may see, and only a team member, a manager above, or an admin may bind.
import type { Db } from '../../db/index.ts';
import { groupTexts } from '../../prompts/groups.ts';
import { t, type Lang } from '../../prompts/index.ts';
import { mayBind, type BindingTarget, type GroupBinding, type GroupPlatform } from '../domain/groups.ts';
import type { User } from '../domain/types.ts';
import { UserInputError } from '../errors.ts';
import { resolveAccountArg } from '../nlu/accounts.ts';
import { accountTeamIds, findTeamLead, reportIds, saveBinding } from '../store/group-bindings.ts';

const TEAM_WORDS = /(的)?团队$|^团队\s*|^team\s+|'s team$|\s+team$/i;

/** What "绑定 X" names: a team ("陈志强的团队", "team u_chen") or an account. */
export async function resolveBindTarget(db: Db, asker: User | undefined, text: string, lang: Lang): Promise<{ target: BindingTarget; name: string }> {
  const raw = text.trim();
  if (!raw) throw new UserInputError(t(groupTexts, 'bindUsage', lang));
  if (TEAM_WORDS.test(raw)) {
    const lead = await findTeamLead(db, raw.replace(TEAM_WORDS, '').trim());
    if (!lead) throw new UserInputError(t(groupTexts, 'bindUnknown', lang, { name: raw }));
    return { target: { kind: 'team', id: lead.id }, name: lead.name };
  }
  // Without an asker (the CLI), the operator may name any account.
  const m = await resolveAccountArg(db, asker?.id ?? (await anyAdmin(db)) ?? '', raw);
  if (m.kind === 'found') return { target: { kind: 'account', id: m.account.id }, name: m.account.name };
  const lead = await findTeamLead(db, raw);
  if (lead) return { target: { kind: 'team', id: lead.id }, name: lead.name };
  throw new UserInputError(t(groupTexts, 'bindUnknown', lang, { name: raw }));
}

async function anyAdmin(db: Db): Promise<string | undefined> {
  const res = await db.query<{ id: string }>("SELECT id FROM users WHERE role = 'admin' ORDER BY id LIMIT 1");
  return res.rows[0]?.id;
}

/** Throws unless `user` may bind (or unbind) a chat to the target. */
export async function checkRight(db: Db, user: User, target: BindingTarget, name: string, lang: Lang): Promise<void> {
  const people = target.kind === 'account' ? await accountTeamIds(db, target.id) : [target.id];
  if (mayBind({ role: user.role, userId: user.id, targetPeople: people, reports: await reportIds(db, user.id) })) return;
  throw new UserInputError(t(groupTexts, target.kind === 'account' ? 'forbiddenAccount' : 'forbiddenTeam', lang, { name }));
}

/** Checks the binder's right (none needed for the operator's CLI) and stores the binding. */
export async function bindGroup(
  db: Db,
  o: { platform: GroupPlatform; chatId: string; binder?: User; target: BindingTarget; name: string; now: Date; lang: Lang },
): Promise<GroupBinding> {
  if (o.binder) await checkRight(db, o.binder, o.target, o.name, o.lang);
  const binding: GroupBinding = { platform: o.platform, chatId: o.chatId, target: o.target, targetName: o.name, boundBy: o.binder?.id ?? null, boundAt: o.now };
  await saveBinding(db, binding);
  return binding;
}

/** Whether `user` may bind or unbind a chat to the target (the same rule as checkRight). */
export async function mayManage(db: Db, user: User, target: BindingTarget): Promise<boolean> {
  if (user.role === 'admin') return true;
  const people = target.kind === 'account' ? await accountTeamIds(db, target.id) : [target.id];
  return mayBind({ role: user.role, userId: user.id, targetPeople: people, reports: await reportIds(db, user.id) });
}
