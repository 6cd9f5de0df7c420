// Questions on a data set made by bench/generate.mjs, with the expected facts read from its CSV
// files: names the engine has never seen (with digits), aliases, tiers and periods at random.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { c, type CorpusCase } from './types.ts';

export const GENERATED_SIZE = 40;
const NOW = '2026-11-24T10:00:00+08:00';
const TODAY = '2026-11-24';

type Row = Record<string, string>;
const read = (dir: string, file: string): Row[] => parse(readFileSync(join(dir, file), 'utf8'), { columns: true, skip_empty_lines: true });
const day = (iso: string) => iso.slice(0, 10);
const percent = (share: number) => {
  const p = Math.round(share * 1000) / 10;
  return `${Number.isInteger(p) ? p.toFixed(0) : p.toFixed(1)}%`;
};
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);

export function generatedCorpus(dir: string): CorpusCase[] {
  const accounts = read(dir, 'accounts.csv');
  const contacts = read(dir, 'contacts.csv');
  const orders = read(dir, 'orders.csv');
  const contracts = read(dir, 'contracts.csv');
  const tickets = read(dir, 'tickets.csv');
  const opps = read(dir, 'opportunities.csv');
  const budgets = read(dir, 'budgets.csv');
  const interactions = read(dir, 'interactions.csv');
  const now = Date.parse(NOW);
  const out: CorpusCase[] = [];
  const user = 's_00000';
  const manager = 'm_0000';

  // Eight top-level accounts, spread over the set.
  const picked = accounts.filter((a) => !a.parent_id).filter((_, i) => i % 4 === 0).slice(0, 8);
  for (const a of picked) {
    const name = a.name;
    const alias = a.aliases;
    const contract = contracts.find((k) => k.account_id === a.id)!;
    const open = tickets.filter((t) => t.account_id === a.id && (!t.resolved_at || Date.parse(t.resolved_at) > now) && Date.parse(t.opened_at) <= now);
    const deciders = contacts.filter((p) => p.account_id === a.id && p.decision_role === 'decision_maker').map((p) => p.name);
    const own = orders.filter((o) => o.account_id === a.id && o.order_date <= TODAY).sort((x, y) => y.order_date.localeCompare(x.order_date));
    const thisYear = own.filter((o) => o.order_date.startsWith('2026'));
    const budget = budgets.find((b) => b.account_id === a.id && b.year === '2026');
    const acts = interactions.filter((i) => i.account_id === a.id && Date.parse(i.occurred_at) < now).sort((x, y) => Date.parse(y.occurred_at) - Date.parse(x.occurred_at));
    const openOpps = opps.filter((o) => o.account_id === a.id && !['won', 'lost'].includes(o.stage));
    const mention = acts.find((i) => /提到(三一|徐工|中联重科|柳工|卡特彼勒|小松)/.test(i.summary));

    out.push(
      c('gen-core', user, `${name}的合同什么时候到期?`, [contract.end_date]),
      c('gen-terse', user, `${alias} 合同`, [contract.end_date]),
      c('gen-english', user, `When does the ${name} contract expire?`, [contract.end_date]),
      c('gen-core', user, `${name}的关键决策人是谁`, deciders),
      c('gen-colloquial', user, `${alias}那边谁拍板`, deciders),
      c('gen-orders', user, `${name}最近一次下单是什么时候`, own.length ? [own[0].order_date] : [name], [], { cites: own.length > 0 }),
      c('gen-orders', user, `${name}今年下了几单`, thisYear.length ? [String(thisYear.length), ...thisYear.map((o) => o.id)] : [name], [], { cites: thisYear.length > 0 }),
      c('gen-core', user, `${name}上次互动是什么时候`, [day(new Date(Date.parse(acts[0].occurred_at) + 8 * 3600000).toISOString())]),
      c('gen-follow-up', user, [`${name}怎么样`, '那他们的合同呢?'], [contract.end_date]),
    );
    if (budget && thisYear.length) {
      const share = thisYear.reduce((s, o) => s + Number(o.amount), 0) / Number(budget.amount);
      out.push(c('gen-core', user, `${name}今年预算执行到多少了`, [percent(share)]));
    }
    out.push(c('gen-core', user, `${alias}有哪些未解决的工单`, open.length ? open.map((t) => t.id) : [name], open.length ? [] : [`${a.id}-T0`, `${a.id}-T1`], { cites: open.length > 0 }));
    if (openOpps.length) out.push(c('gen-core', user, `${name}有哪些商机`, openOpps.map((o) => o.id)));
    if (mention) {
      const brand = /提到(三一|徐工|中联重科|柳工|卡特彼勒|小松)/.exec(mention.summary)![1];
      out.push(c('gen-topic', user, `${name}有没有提到过${brand}`, [brand]));
    }
  }

  // Groups and their subsidiaries (every tenth account is the child of the one before).
  for (const child of accounts.filter((a) => a.parent_id).slice(0, 3)) {
    const parent = accounts.find((a) => a.id === child.parent_id)!;
    out.push(c('gen-core', user, `${parent.name}有哪些下属公司`, [child.name]));
  }

  // The whole portfolio, as the salesperson and as the manager.
  const ending = contracts.filter((k) => k.status === 'active' && k.end_date >= TODAY && k.end_date <= addDays(TODAY, 60)).map((k) => k.id);
  out.push(c('gen-portfolio', manager, '未来60天有哪些合同到期?', ending.length ? ending.slice(0, 5) : ['60'], [], { cites: ending.length > 0 }));
  const sTier = accounts.filter((a) => a.tier === 'S').length;
  out.push(c('gen-portfolio', manager, '我团队有几个S级客户', [String(sTier)]));
  out.push(c('gen-portfolio', manager, 'how many accounts does my team have?', [String(accounts.length)]));
  const totals = new Map<string, number>();
  for (const o of orders.filter((o) => o.order_date.startsWith('2026') && o.order_date <= TODAY)) totals.set(o.account_id, (totals.get(o.account_id) ?? 0) + Number(o.amount));
  const best = [...totals.entries()].sort((x, y) => y[1] - x[1])[0];
  out.push(c('gen-portfolio', manager, '今年哪个客户买得最多', [accounts.find((a) => a.id === best[0])!.name]));
  return out;
}
