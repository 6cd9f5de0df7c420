// Wording of group chats bound to an account or a team (issue 19).
import type { Texts } from './index.ts';

export const groupTexts = {
  boundAccount: {
    zh: '已将本群绑定到客户「{name}」。该客户的预警、每周简报和升级提醒会同时发到本群；在群里 @我 提问时，我只回答群成员（客户团队及其上级）都能看到的内容。',
    en: 'This group is now bound to the account "{name}". Its alerts, weekly briefing and escalations are posted here too; when you @ me here I answer only with what every member (the account team and their managers) may see.',
  },
  boundTeam: {
    zh: '已将本群绑定到 {name} 的团队。团队的每周简报会发到本群；在群里 @我 提问时，我只回答团队每位成员都能看到的内容。',
    en: "This group is now bound to {name}'s team. The team's weekly briefing is posted here; when you @ me here I answer only with what every member of the team may see.",
  },
  unbound: { zh: '已解除本群与「{name}」的绑定。', en: 'This group is no longer bound to "{name}".' },
  notBound: { zh: '本群还没有绑定客户或团队。发送“@我 绑定 客户名”即可绑定。', en: 'This group is not bound to an account or a team yet. Send "@me bind <account>" to bind it.' },
  bindUsage: {
    zh: '用法：@我 绑定 客户名，或“绑定 某经理的团队”；解除用“解绑”。',
    en: 'Usage: @me bind <account>, or "bind team <manager>"; "unbind" removes it.',
  },
  bindUnknown: { zh: '没有找到你能看到的客户或经理「{name}」。', en: 'No account or manager "{name}" that you can see.' },
  forbiddenAccount: {
    zh: '只有「{name}」客户团队的成员、他们的上级经理或管理员可以把群绑定到这个客户。',
    en: 'Only a member of the "{name}" account team, a manager above them, or an admin may bind a group to this account.',
  },
  forbiddenTeam: {
    zh: '只有 {name} 本人、其上级经理或管理员可以把群绑定到这个团队。',
    en: "Only {name}, a manager above them, or an admin may bind a group to this team.",
  },
  privateNotice: {
    zh: '{name}，这个回答涉及群里部分成员无权查看的信息，我已私信回复你。',
    en: '{name}, the answer involves information some members of this group may not see, so I sent it to you privately.',
  },
  privateIntro: { zh: '（你在群里问的问题，私下回复你）', en: '(Your question in the group, answered privately)' },
  mentionLine: { zh: '请 {names} 跟进', en: '{names}, please follow up' },
  groupAcked: { zh: '{user} 已确认收到：{list}', en: '{user} acknowledged: {list}' },
  groupAckNothing: { zh: '本群没有待确认的预警。', en: 'There are no unacknowledged alerts in this group.' },
  accountBriefingTitle: { zh: '本周客户简报 · {name}', en: 'Weekly account briefing · {name}' },
  teamsNone: { zh: '还没有绑定任何群。', en: 'No group chats are bound yet.' },
  teamsLine: { zh: '{platform} {chat} → {kind} {name}（{by}）', en: '{platform} {chat} → {kind} {name} ({by})' },
  kindAccount: { zh: '客户', en: 'account' },
  kindTeam: { zh: '团队', en: 'team' },
} satisfies Texts;
