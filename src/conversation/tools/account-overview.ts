// The 360° view of one account: tier and segment, owner and iron triangle, recent and executive
// interactions, and what is open (tickets, next steps, contracts ending, opportunities, budget).
import { factLabels } from '../../../prompts/conversation/facts.ts';
import { z } from 'zod';
import { accountTexts } from '../../../prompts/conversation/accounts.ts';
import { HEALTH_BAND, PROJECT_STATUS, STAGE, STRATEGIC_VALUE, TEAM_ROLE, label } from '../../../prompts/conversation/labels.ts';
import { t } from '../../../prompts/index.ts';
import { addDays, daysBetween, toIsoDate, yearElapsedShare } from '../../domain/time.ts';
import { latestHealthSnapshot } from '../../store/account-health.ts';
import { accountTeam, getVisibleAccount } from '../../store/accounts.ts';
import { accountBudget } from '../../store/budgets.ts';
import { accountContracts } from '../../store/contracts.ts';
import { accountInteractions } from '../../store/interactions.ts';
import { accountOpportunities } from '../../store/opportunities.ts';
import { accountOrders, orderTotals } from '../../store/orders.ts';
import { accountProjects } from '../../store/projects.ts';
import { accountCompetitors } from '../../store/pipeline.ts';
import { notePipelineTexts } from '../../../prompts/notes-pipeline.ts';
import { accountTickets } from '../../store/tickets.ts';
import { userNames } from '../../store/users.ts';
import { formatAmount, formatPercent, joinList } from '../../tools/format.ts';
import { countHits, isListQuestion } from '../../nlu/keywords.ts';
import type { Tool } from '../../tools/types.ts';
import { accountArg, accountFor, ref, type AccountRef } from '../../tools/account-arg.ts';
import { ago, personLabel, typeLabel, viewInteractions, type InteractionView } from '../../tools/interactions.ts';

const input = z.object({ account: accountArg });

interface Output {
  account: AccountRef & { tier: string | null; industry: string | null; region: string | null; strategicValue: string | null };
  parent?: AccountRef;
  owner: string;
  team: { role: string; name: string }[];
  lastExecutive?: InteractionView;
  recent: InteractionView[];
  openTickets: { id: string; kind: string; severity: string | null; summary: string | null }[];
  nextStep?: { step: string; due: string | null; overdue: boolean; interactionId: string };
  contract?: { id: string; endDate: string; days: number };
  opportunities: { id: string; name: string; stage: string; amount: number | null }[];
  budget?: { year: number; amount: number; ordered: number; share: number; yearElapsed: number };
  /** Orders of the last 365 days and the latest order ever (the R, F and M of RFM). */
  orders: { from: string; to: string; count: number; total: number; last?: { id: string; date: string; amount: number; product: string | null } };
  projects: { id: string; name: string; status: string | null }[];
  /** Competitors named in notes at the account, most recent first. */
  competitors: { name: string; lastSeen: string | null; mentions: number }[];
  /** The latest nightly snapshot; the health_score tool explains it live. */
  health?: { score: number; asOf: string; band: string | null; suggestedTier: string | null };
}

const OVERVIEW_WORDS = {
  zh: ['概况', '情况', '介绍', '360', '全貌', '总览', '整体', '怎么样', '画像', '基本信息', '客户信息', '详情', '近况', '现状', '摘要'],
  en: ['overview', 'summary', 'tell me about', 'how is', "how's", 'status of', 'profile', 'details', 'brief me', 'briefing on', '360'],
};

export const accountOverviewTool: Tool<typeof input, Output> = {
  name: 'account_overview',
  description: "A 360° overview of one account: tier, industry, owner, account team, health score, last executive interaction, recent interactions, open tickets, next step, expiring contract, open opportunities, this year's budget execution, joint projects.",
  input,
  examples: { zh: ['介绍一下{account}的情况', '{account}怎么样?'], en: ['Overview of {account}', 'Tell me about {account}'] },
  async run(ctx, args) {
    const db = ctx.app.db;
    const uid = ctx.user.id;
    const a = await accountFor(ctx, args.account);
    const today = toIsoDate(ctx.now, ctx.tz);
    const year = Number(today.slice(0, 4));
    const [team, owners, recentRaw, execRaw, tickets, contracts, opps, budget, orders, projects, parent, health, history, competitors] = await Promise.all([
      accountTeam(db, uid, a.id),
      userNames(db, [a.owner_id]),
      accountInteractions(db, uid, a.id, { until: ctx.now, limit: 3 }),
      accountInteractions(db, uid, a.id, { until: ctx.now, limit: 1, executiveOnly: true }),
      accountTickets(db, uid, a.id, { openOnly: true, asOf: ctx.now }),
      accountContracts(db, uid, a.id),
      accountOpportunities(db, uid, a.id, { openOnly: true }),
      accountBudget(db, uid, a.id, year),
      orderTotals(db, uid, [a.id], `${year}-01-01`, today),
      accountProjects(db, uid, a.id),
      a.parent_id ? getVisibleAccount(db, uid, a.parent_id) : Promise.resolve(undefined),
      latestHealthSnapshot(db, uid, a.id, today),
      accountOrders(db, uid, a.id, '1900-01-01', today),
      accountCompetitors(db, uid, a.id),
    ]);
    const yearAgo = addDays(today, -365);
    const lastYear = history.filter((o) => o.order_date >= yearAgo);
    const lastOrder = history[0];
    const recent = await viewInteractions(ctx, recentRaw);
    const [lastExecutive] = await viewInteractions(ctx, execRaw);
    // The latest committed next step, if nothing has happened since it was committed.
    const latest = recent[0];
    const nextStep = latest?.nextStep ? { step: latest.nextStep, due: latest.nextStepDue, overdue: !!latest.nextStepDue && latest.nextStepDue < today, interactionId: latest.id } : undefined;
    const active = contracts.filter((c) => c.status === 'active' && c.end_date >= today).sort((x, y) => x.end_date.localeCompare(y.end_date))[0];
    const ordered = orders.get(a.id) ?? 0;
    return {
      account: { ...ref(a), tier: a.tier, industry: a.industry, region: a.region, strategicValue: a.strategic_value },
      parent: parent ? ref(parent) : undefined,
      owner: owners.get(a.owner_id) ?? a.owner_id,
      team: team.map((m) => ({ role: m.team_role, name: m.name })),
      lastExecutive,
      recent,
      openTickets: tickets.map((x) => ({ id: x.id, kind: x.kind, severity: x.severity, summary: x.summary })),
      nextStep,
      contract: active ? { id: active.id, endDate: active.end_date, days: daysBetween(today, active.end_date) } : undefined,
      opportunities: opps.map((o) => ({ id: o.id, name: o.name, stage: o.stage, amount: o.amount })),
      budget: budget && budget.amount > 0 ? { year, amount: budget.amount, ordered, share: ordered / budget.amount, yearElapsed: yearElapsedShare(today) } : undefined,
      projects: projects.map((p) => ({ id: p.id, name: p.name, status: p.status })),
      competitors: competitors.map((c) => ({ name: c.name, lastSeen: c.last_seen, mentions: c.mentions })),
      health,
      orders: {
        from: yearAgo,
        to: today,
        count: lastYear.length,
        total: lastYear.reduce((s, o) => s + Number(o.amount), 0),
        last: lastOrder ? { id: lastOrder.id, date: lastOrder.order_date, amount: Number(lastOrder.amount), product: lastOrder.product } : undefined,
      },
    };
  },
  render(ctx, out) {
    const lang = ctx.lang;
    const a = out.account;
    const head = t(accountTexts, 'overviewHead', lang, { account: a.name });
    const basics = [
      t(accountTexts, 'ovBasics', lang, {
        tier: a.tier ? t(accountTexts, 'tierLabel', lang, { tier: a.tier }) : t(accountTexts, 'tierUnknown', lang),
        industry: a.industry ?? '-',
        region: a.region ?? '-',
        value: label(STRATEGIC_VALUE, a.strategicValue, lang) || '-',
      }),
      ...(out.parent ? [t(accountTexts, 'ovParent', lang, { name: out.parent.name })] : []),
      t(accountTexts, 'ovOwner', lang, { name: out.owner }),
      out.team.length ? t(accountTexts, 'ovTeam', lang, { team: out.team.map((m) => `${label(TEAM_ROLE, m.role, lang)} ${m.name}`).join(lang === 'zh' ? '、' : ', ') }) : t(accountTexts, 'ovNoTeam', lang),
      out.lastExecutive
        ? t(accountTexts, 'ovLastExec', lang, { date: out.lastExecutive.date, ago: ago(out.lastExecutive.daysAgo, lang), person: joinList(out.lastExecutive.contacts.filter((c) => c.level === 'executive').map((c) => personLabel(c, lang)), lang) })
        : t(accountTexts, 'ovNoExec', lang),
    ];
    if (out.health) {
      const suggest = out.health.suggestedTier && out.health.suggestedTier !== a.tier ? t(accountTexts, 'ovSuggestTier', lang, { tier: out.health.suggestedTier }) : '';
      const band = out.health.band ? label(HEALTH_BAND, out.health.band, lang) + (lang === 'zh' ? ',' : ', ') : '';
      basics.push(t(accountTexts, 'ovHealth', lang, { score: out.health.score, band, asOf: out.health.asOf, suggest }));
    }
    if (out.budget) {
      basics.push(t(accountTexts, 'ovBudget', lang, { ordered: formatAmount(out.budget.ordered, lang), budget: formatAmount(out.budget.amount, lang), share: formatPercent(out.budget.share), elapsed: formatPercent(out.budget.yearElapsed) }));
    }
    const o = out.orders;
    if (o.last) basics.push(t(accountTexts, 'ovOrders', lang, { from: o.from, to: o.to, count: o.count, total: formatAmount(o.total, lang), date: o.last.date, product: o.last.product ?? '-', amount: formatAmount(o.last.amount, lang) }));
    else basics.push(t(accountTexts, 'ovNoOrders', lang));
    if (out.competitors.length) {
      const list = out.competitors.map((c) => t(notePipelineTexts, 'competitorItem', lang, { name: c.name, date: c.lastSeen ?? '-', n: c.mentions }));
      basics.push(t(notePipelineTexts, 'ovCompetitors', lang, { list: list.join(lang === 'zh' ? '、' : ', ') }));
    }
    if (out.projects.length) basics.push(t(accountTexts, 'ovProjects', lang, { list: out.projects.map((p) => `${p.name}${p.status ? `(${label(PROJECT_STATUS, p.status, lang)})` : ''}`).join(lang === 'zh' ? '、' : ', ') }));
    const recent = out.recent.map((i) => t(accountTexts, 'ovRecentLine', lang, { date: i.date, type: typeLabel(i.type, lang), summary: i.summary }));
    const open: string[] = [];
    if (out.openTickets.length) open.push(t(accountTexts, 'ovTickets', lang, { count: out.openTickets.length, list: out.openTickets.map((x) => `${x.id} ${x.summary ?? ''}`.trim()).join(lang === 'zh' ? ';' : '; ') }));
    if (out.nextStep) open.push(t(accountTexts, 'ovNextStep', lang, { step: out.nextStep.step, date: out.nextStep.due ?? '-', overdue: out.nextStep.overdue ? t(accountTexts, 'ovOverdue', lang) : '' }));
    if (out.contract) open.push(t(accountTexts, 'ovContract', lang, { id: out.contract.id, date: out.contract.endDate, days: out.contract.days }));
    if (out.opportunities.length) {
      const total = out.opportunities.reduce((s, o) => s + (o.amount ?? 0), 0);
      open.push(t(accountTexts, 'ovOpps', lang, { count: out.opportunities.length, amount: formatAmount(total, lang), list: out.opportunities.map((o) => `${o.name}(${label(STAGE, o.stage, lang)})`).join(lang === 'zh' ? '、' : ', ') }));
    }
    if (!open.length) open.push(t(accountTexts, 'ovNothingOpen', lang));
    const recentTitle = t(accountTexts, 'ovRecentHead', lang);
    const openTitle = t(accountTexts, 'ovOpenHead', lang);
    const text = [head, ...basics, ...(recent.length ? [recentTitle, ...recent] : []), openTitle, ...open].join('\n');
    return {
      lang,
      title: head,
      text,
      sections: [{ lines: basics }, ...(recent.length ? [{ title: recentTitle, lines: recent }] : []), { title: openTitle, lines: open }],
      facts: [
        { label: t(factLabels, 'tier', lang), value: a.tier ?? '-' },
        ...(out.health ? [{ label: t(factLabels, 'health', lang), value: `${out.health.score}/100` }] : []),
        { label: t(factLabels, 'owner', lang), value: out.owner },
      ],
      citations: [
        ...out.recent.map((i) => ({ source: 'interaction' as const, id: i.id, date: i.date, accountId: a.id, author: i.user.name })),
        ...(out.lastExecutive && !out.recent.some((i) => i.id === out.lastExecutive!.id) ? [{ source: 'interaction' as const, id: out.lastExecutive.id, date: out.lastExecutive.date, accountId: a.id, author: out.lastExecutive.user.name }] : []),
        ...(o.last ? [{ source: 'order' as const, id: o.last.id, date: o.last.date, accountId: a.id }] : []),
        ...out.openTickets.map((x) => ({ source: 'ticket' as const, id: x.id, accountId: a.id })),
        ...(out.contract ? [{ source: 'contract' as const, id: out.contract.id, date: out.contract.endDate, accountId: a.id }] : []),
        ...out.opportunities.map((x) => ({ source: 'opportunity' as const, id: x.id, accountId: a.id })),
      ],
    };
  },
  subjectAccount: (out) => out.account.id,
  offline: {
    account: 'required',
    keywords: OVERVIEW_WORDS,
    score: (u) => {
      const s = countHits(u, OVERVIEW_WORDS) ? 1.5 : 0;
      return s && isListQuestion(u) ? 0 : s;
    },
    input: (_u, accountId) => ({ account: accountId ?? '' }),
  },
};
