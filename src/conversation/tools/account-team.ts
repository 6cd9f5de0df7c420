// "江南港务的客户经理是谁?", "谁负责西山矿业的交付", "iron triangle of Xishan Mining": the
// account's team by iron-triangle role (AR account manager, SR solution expert, FR delivery
// manager) and its owner, leading with the role asked about.
import { z } from 'zod';
import { TEAM_ROLE, label } from '../../../prompts/conversation/labels.ts';
import { teamTexts } from '../../../prompts/conversation/team.ts';
import { t } from '../../../prompts/index.ts';
import type { TeamRole } from '../../domain/types.ts';
import type { Utterance } from '../../nlu/utterance.ts';
import { accountTeam } from '../../store/accounts.ts';
import { userNames } from '../../store/users.ts';
import { any, countHits } from '../../nlu/keywords.ts';
import { joinList } from '../../tools/format.ts';
import type { Tool } from '../../tools/types.ts';
import { accountArg, accountFor, ref, type AccountRef } from '../../tools/account-arg.ts';

const ROLES: TeamRole[] = ['AR', 'SR', 'FR'];

const input = z.object({
  account: accountArg,
  role: z.enum(['AR', 'SR', 'FR']).optional().describe('The role asked about: AR account manager, SR solution expert, FR delivery manager'),
});

interface Output {
  account: AccountRef;
  owner: string;
  members: { role: TeamRole; userId: string; name: string }[];
  role?: TeamRole;
}

/** Words naming each role, as salespeople say them. */
const ROLE_WORDS: Record<TeamRole, { zh: string[]; en: string[] }> = {
  AR: { zh: ['客户经理', '大客户经理', '销售经理', '跟单'], en: ['account manager', 'account executive', 'sales rep', 'salesperson', 'ar'] },
  SR: { zh: ['解决方案专家', '解决方案经理', '方案经理', '方案专家', '售前', '解决方案'], en: ['solution expert', 'solutions expert', 'solution architect', 'solutions engineer', 'presales', 'pre-sales', 'sr'] },
  FR: { zh: ['交付经理', '交付负责人', '服务经理', '实施经理', '交付', '实施'], en: ['delivery manager', 'delivery lead', 'implementation', 'delivery', 'fr'] },
};
const TEAM_WORDS = {
  zh: ['铁三角', '客户团队', '团队成员', '项目团队', '谁负责', '负责人是谁', '谁在跟', '谁跟进', '谁对接', '谁管'],
  en: ['iron triangle', 'account team', 'who owns', 'who is responsible', "who's responsible", 'who covers', 'who handles', 'who is on', "who's on"],
};
const WHO = { zh: ['是谁', '谁', '哪位'], en: ['who'] };

function roleAsked(u: Utterance): TeamRole | undefined {
  return ROLES.find((r) => countHits(u, ROLE_WORDS[r]) > 0);
}

export const accountTeamTool: Tool<typeof input, Output> = {
  name: 'account_team',
  description:
    "The account's team by iron-triangle role: AR account manager, SR solution expert, FR delivery manager, and the account owner. Use for 'who is the account manager / delivery manager of X', 'who handles X', 'X's iron triangle'.",
  input,
  examples: { zh: ['{account}的客户经理是谁?', '{account}的铁三角'], en: ['Who is the delivery manager of {account}?', 'Account team of {account}'] },
  async run(ctx, args) {
    const account = await accountFor(ctx, args.account);
    const [team, owners] = await Promise.all([accountTeam(ctx.app.db, ctx.user.id, account.id), userNames(ctx.app.db, [account.owner_id])]);
    return {
      account: ref(account),
      owner: owners.get(account.owner_id) ?? account.owner_id,
      members: team.map((m) => ({ role: m.team_role, userId: m.user_id, name: m.name })),
      role: args.role,
    };
  },
  render(ctx, out) {
    const lang = ctx.lang;
    const names = new Map(ROLES.map((role) => [role, out.members.filter((m) => m.role === role).map((m) => m.name)]));
    const namesIn = (role: TeamRole) => names.get(role)!;
    const lines = ROLES.map((role) =>
      t(teamTexts, 'line', lang, { role: label(TEAM_ROLE, role, lang), code: role, names: namesIn(role).length ? joinList(namesIn(role), lang) : t(teamTexts, 'vacant', lang) }),
    );
    const vacant = ROLES.filter((role) => !namesIn(role).length);
    const head = t(teamTexts, 'head', lang, { account: out.account.name });
    const lead = out.role
      ? namesIn(out.role).length
        ? t(teamTexts, 'asked', lang, { account: out.account.name, role: label(TEAM_ROLE, out.role, lang), names: joinList(namesIn(out.role), lang) })
        : t(teamTexts, 'askedVacant', lang, { account: out.account.name, role: label(TEAM_ROLE, out.role, lang) })
      : undefined;
    const tail = [t(teamTexts, 'owner', lang, { name: out.owner }), ...(vacant.length ? [t(teamTexts, 'gaps', lang, { roles: joinList(vacant.map((r) => label(TEAM_ROLE, r, lang)), lang) })] : [])];
    return {
      lang,
      title: head,
      text: [...(lead ? [lead] : []), head, ...lines, ...tail].join('\n'),
      sections: [{ title: head, lines }, { lines: tail }],
      citations: [{ source: 'account', id: out.account.id, accountId: out.account.id }],
      data: { tool: 'account_team', ...out },
    };
  },
  subjectAccount: (out) => out.account.id,
  offline: {
    // Only with an account named or talked about: "我负责交付的客户" is a portfolio question.
    account: 'required',
    keywords: { zh: [...TEAM_WORDS.zh, ...ROLES.flatMap((r) => ROLE_WORDS[r].zh)], en: [...TEAM_WORDS.en, ...ROLES.flatMap((r) => ROLE_WORDS[r].en)] },
    score(u) {
      if (u.mention.kind !== 'found' && !u.refersBack) return 0;
      if (countHits(u, TEAM_WORDS)) return 3.5;
      return roleAsked(u) && any(u, WHO) ? 3.5 : 0;
    },
    input: (u, accountId) => ({ account: accountId ?? '', role: roleAsked(u) }),
  },
};
