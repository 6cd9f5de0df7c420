// The demo world: twelve months of a supplier's key-account business, generated from a seed and
// dated backwards from `today`, so that whenever it is loaded it reads as current — this week's
// visits, today's alerts, contracts about to end. Pure: the same seed and day give the same rows.
import { addDays, isoWeekday, yearElapsedShare, type IsoDate } from '../domain/time.ts';
import { ACCOUNTS, SPECIALISTS, USERS, type DemoAccount } from './cast.ts';
import * as V from './vocabulary.ts';

export type Row = Record<string, string | number>;
export type World = Record<'users' | 'accounts' | 'contacts' | 'account_team' | 'interactions' | 'orders' | 'contracts' | 'tickets' | 'opportunities' | 'budgets' | 'projects', Row[]>;

export interface WorldOptions {
  /** The business day the world is dated to. */
  today: IsoDate;
  /** Hour of the day it is now (0–23): nothing is dated later today. */
  hour: number;
  seed?: number;
}

/** mulberry32: small, fast, deterministic. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CADENCE_DAYS = { S: 6, A: 9, B: 16, C: 35 } as const;
const ORDER_EVERY_DAYS = { S: 35, A: 50, B: 80, C: 140 } as const;
const ORDER_SIZE_WAN = { S: [300, 900], A: [150, 500], B: [50, 200], C: [10, 60] } as const;
const CONTACTS = { S: 8, A: 6, B: 4, C: 3 } as const;
const TYPES = ['visit', 'visit', 'meeting', 'call', 'call', 'email', 'im', 'dinner', 'event'] as const;
const pad = (n: number, w = 3) => String(n).padStart(w, '0');

export function generateWorld(o: WorldOptions): World {
  const r = rng(o.seed ?? 20261124);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const between = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const day = (offset: number) => addDays(o.today, offset);
  /** A working day at or before `offset` (weekends moved to Friday). */
  const workday = (offset: number) => {
    const wd = isoWeekday(day(offset));
    return wd === 6 ? offset - 1 : wd === 7 ? offset - 2 : offset;
  };
  /** A time on that day, never later than now. */
  const at = (offset: number, hour: number) => {
    const h = offset < 0 ? hour : Math.min(hour, o.hour - 1);
    return h < 8 && offset >= 0 ? null : `${day(offset)}T${pad(h, 2)}:${pick(['00', '30'])}:00`;
  };
  const fill = (s: string, product: string, topic: string) => s.replaceAll('{product}', product).replaceAll('{topic}', topic).replaceAll('{competitor}', pick(V.COMPETITORS));

  const w: World = { users: [], accounts: [], contacts: [], account_team: [], interactions: [], orders: [], contracts: [], tickets: [], opportunities: [], budgets: [], projects: [] };
  // Platform ids as a configured tenant would have them: pushes are delivered (to the console channel when no platform runs).
  for (const u of USERS) {
    const handle = u.id.slice(2);
    const ids: Row = u.role === 'admin' ? {} : { feishu_open_id: `ou_${handle}_demo`, wecom_userid: handle, slack_user_id: `U0${handle.toUpperCase()}` };
    w.users.push({ id: u.id, name: u.name, role: u.role, manager_id: u.managerId ?? '', email: `${handle}@hengyuan.example`, ...ids });
  }
  const managerOf = new Map(USERS.map((u) => [u.id, u.managerId ?? '']));
  const year = Number(o.today.slice(0, 4));
  const yearStart = `${year}-01-01`;
  const yearElapsed = yearElapsedShare(o.today);

  for (const a of ACCOUNTS) {
    const en = !!a.english;
    w.accounts.push({ id: a.id, name: a.name, aliases: a.aliases ?? '', parent_id: a.parentId ?? '', industry: a.industry, region: a.region, tier: a.tier, strategic_value: a.strategic, owner_id: a.owner, created_at: day(-between(500, 2500)) });
    const team = SPECIALISTS[managerOf.get(a.owner) ?? ''];
    w.account_team.push({ account_id: a.id, user_id: a.owner, team_role: 'AR' });
    if (team && (a.tier === 'S' || a.tier === 'A')) w.account_team.push({ account_id: a.id, user_id: team.sr, team_role: 'SR' });
    if (team && a.tier !== 'C') w.account_team.push({ account_id: a.id, user_id: team.fr, team_role: 'FR' });

    const contacts = makeContacts(a, r, pick);
    for (const c of contacts) w.contacts.push(c);
    const execs = contacts.filter((c) => c.level === 'executive');
    const others = contacts.filter((c) => c.level !== 'executive');
    const products = en ? V.PRODUCTS_EN : V.PRODUCTS_ZH;
    const topics = en ? V.TOPICS_EN : V.TOPICS_ZH;

    // Interactions, oldest first, at the tier's rhythm. The story decides the last weeks.
    const quietFrom = a.story === 'cooling' ? -40 : a.story === 'overdue' ? -12 : 1;
    const noExecFrom = a.story === 'exec_silence' ? -44 : 1;
    const cadence = CADENCE_DAYS[a.tier];
    const list: Row[] = [];
    for (let d = -365 + between(0, cadence); d <= 0; d += Math.max(2, Math.round(cadence * (0.6 + r() * 0.8)))) {
      const off = workday(d);
      if (off >= quietFrom) break;
      const type = pick(TYPES);
      const hour = type === 'dinner' ? 19 : between(9, 17);
      const when = at(off, hour);
      if (!when) continue;
      const withExec = off < noExecFrom && execs.length > 0 && (type === 'dinner' || r() < (a.tier === 'S' ? 0.4 : 0.3));
      const main = withExec ? pick(execs) : pick(others.length ? others : contacts);
      const second = r() < 0.3 ? pick(others) : undefined;
      const ids = [main.id, ...(second && second.id !== main.id ? [second.id] : [])];
      const product = pick(products);
      const topic = pick(topics);
      const user = type === 'meeting' && team && r() < 0.5 ? team.sr : type === 'visit' && team && r() < 0.2 ? team.fr : a.owner;
      const summary = en ? summaryEn(type, main, fill(pick(V.OUTCOMES_EN), product, topic), product, topic) : summaryZh(type, main, fill(pick(V.OUTCOMES_ZH), product, topic), product, topic);
      const next = r() < 0.35 ? fill(pick(en ? V.NEXT_STEPS_EN : V.NEXT_STEPS_ZH), product, topic) : '';
      list.push({ id: '', account_id: a.id, user_id: user, occurred_at: when, type, contact_ids: ids.join(';'), summary, next_step: next, next_step_due: next ? day(off + between(5, 14)) : '', _off: off });
    }
    // The latest promise is kept in the future, except where the story is a missed one.
    const last = list.at(-1);
    if (last) {
      if (a.story === 'overdue') {
        last.next_step = fill(pick(en ? V.NEXT_STEPS_EN : V.NEXT_STEPS_ZH), pick(products), pick(topics));
        last.next_step_due = day(-5);
      } else if (last.next_step && String(last.next_step_due) <= o.today) last.next_step_due = day(between(2, 10));
    }
    list.forEach((row, i) => {
      row.id = `${a.id}-I${pad(i + 1)}`;
      delete row._off;
      w.interactions.push(row);
    });

    // Orders at the tier's rhythm; a quiet account stopped ordering, a lagging one ordered little this year.
    const sizes = ORDER_SIZE_WAN[a.tier];
    let ordersLast12 = 0;
    let n = 0;
    for (let d = -365 + between(0, 30); d <= -1; d += Math.round(ORDER_EVERY_DAYS[a.tier] * (0.7 + r() * 0.6))) {
      const date = day(workday(d));
      if (a.story === 'cooling' && d > -60) break;
      if (a.story === 'budget_lag' && date >= yearStart && r() < 0.6) continue;
      const amount = between(sizes[0], sizes[1]) * 10000;
      ordersLast12 += amount;
      w.orders.push({ id: `${a.id}-O${pad(++n)}`, account_id: a.id, order_date: date, amount, product: pick(products) });
    }
    // Budget: this year's plan — what it ordered so far plus the usual pace for the rest of the year,
    // so execution keeps up with the year elapsed (a lagging account planned far more).
    const ytd = w.orders.filter((x) => x.account_id === a.id && String(x.order_date) >= yearStart).reduce((s, x) => s + Number(x.amount), 0);
    const plan = ytd + ordersLast12 * Math.max(0, 1 - yearElapsed);
    const budget = Math.round((plan * (a.story === 'budget_lag' ? 1.6 : 0.95 + r() * 0.08)) / 100000) * 100000;
    if (budget > 0) w.budgets.push({ account_id: a.id, year, amount: budget });

    // Contracts: the running one, the one it replaced, and a strategic agreement for group parents.
    const end = a.story === 'expiring' ? between(25, 45) : between(150, 700);
    w.contracts.push({ id: `${a.id}-K1`, account_id: a.id, kind: a.tier === 'S' || a.tier === 'A' ? 'framework' : 'purchase', signed_at: day(end - 1105), start_date: day(end - 1095), end_date: day(end), amount: between(sizes[0] * 4, sizes[1] * 6) * 10000, status: 'active' });
    w.contracts.push({ id: `${a.id}-K0`, account_id: a.id, kind: 'purchase', signed_at: day(end - 2200), start_date: day(end - 2190), end_date: day(end - 1096), amount: between(sizes[0] * 3, sizes[1] * 4) * 10000, status: 'expired' });
    if (a.tier === 'S' && !a.parentId) w.contracts.push({ id: `${a.id}-SA`, account_id: a.id, kind: 'strategic_agreement', signed_at: day(-between(200, 600)), start_date: day(-between(190, 200)), end_date: day(between(400, 900)), amount: '', status: 'active' });

    // Tickets: resolved ones through the year; the story's open complaint.
    const tickets = en ? V.TICKETS_EN : V.TICKETS_ZH;
    let t = 0;
    for (let d = -360 + between(0, 60); d < -20; d += between(60, 140)) {
      const kind = pick(['complaint', 'repair', 'repair', 'inquiry'] as const);
      w.tickets.push({ id: `${a.id}-T${pad(++t)}`, account_id: a.id, kind, severity: pick(['medium', 'low', 'high']), opened_at: `${day(d)}T09:00:00`, resolved_at: `${day(d + between(1, 6))}T17:00:00`, summary: fill(pick(tickets[kind]), pick(products), '') });
    }
    if (a.story === 'complaint' || a.story === 'cooling') {
      const opened = a.story === 'cooling' ? -6 : -3;
      w.tickets.push({ id: `${a.id}-T${pad(++t)}`, account_id: a.id, kind: 'complaint', severity: 'high', opened_at: `${day(opened)}T10:00:00`, resolved_at: '', summary: fill(pick(tickets.complaint), pick(products), '') });
    }

    // Opportunities: the pipeline of S and A accounts (none open where a contract ends unnoticed).
    if (a.tier === 'S' || a.tier === 'A' || a.story === 'stalled') {
      const product = pick(products);
      const name = en ? `${product} renewal ${year + 1}` : `${year + 1}年度${product}采购项目`;
      const stalled = a.story === 'stalled';
      if (a.story !== 'expiring') {
        w.opportunities.push({ id: `${a.id}-P1`, account_id: a.id, name, stage: stalled ? 'proposal' : pick(['qualify', 'proposal', 'negotiation']), amount: between(sizes[0] * 2, sizes[1] * 2) * 10000, expected_close: day(between(30, 150)), owner_id: a.owner, updated_at: day(stalled ? -30 : -between(1, 12)) });
      }
      w.opportunities.push({ id: `${a.id}-P0`, account_id: a.id, name: en ? `${pick(products)} order ${year}` : `${year}年${pick(products)}补充采购`, stage: 'won', amount: between(sizes[0], sizes[1]) * 10000, expected_close: day(-between(60, 200)), owner_id: a.owner, updated_at: day(-between(60, 200)) });
    }
    if (a.tier === 'S' && !a.parentId) w.projects.push({ id: `${a.id}-J1`, account_id: a.id, name: en ? 'Joint autonomous-haulage pilot' : `${a.name.slice(0, 4)}绿色智能装备联合研发`, started_at: day(-between(300, 500)), status: 'active' });
  }
  return w;
}

function makeContacts(a: DemoAccount, r: () => number, pick: <T>(xs: readonly T[]) => T): Row[] {
  const titles = a.english ? V.TITLES_EN : V.TITLES_ZH;
  const count = Math.min(CONTACTS[a.tier], titles.length);
  // An account without a known decision maker skips the decision-making titles.
  const chosen = (a.story === 'no_dm' ? titles.filter((t) => t[2] !== 'decision_maker') : titles).slice(0, count);
  // No two people of one account share a surname or a given name: they are told apart in replies.
  const used = new Set<string>();
  const fresh = (xs: readonly string[]) => {
    let x: string;
    do x = pick(xs);
    while (used.has(x));
    used.add(x);
    return x;
  };
  return chosen.map(([title, department, role, level], i) => {
    const name = a.english ? `${fresh(V.FIRST_EN)} ${fresh(V.LAST_EN)}` : fresh(V.SURNAMES) + fresh(V.GIVEN);
    const attitude = i === 0 ? 'supporter' : pick(['supporter', 'neutral', 'neutral', 'opponent']);
    return { id: `${a.id}-C${i + 1}`, account_id: a.id, name, title, department, decision_role: role, level, attitude, phone: `139${String(Math.floor(r() * 1e8)).padStart(8, '0')}`, email: '', active: 'true' };
  });
}

function summaryZh(type: string, c: Row, outcome: string, product: string, topic: string): string {
  const who = `${c.department}${c.name}${c.title}`;
  switch (type) {
    case 'visit': return `拜访${who}，介绍${product}，${outcome}。`;
    case 'meeting': return `与${who}召开${topic}专题会，${outcome}。`;
    case 'call': return `电话沟通${c.name}${c.title}，确认${topic}安排，${outcome}。`;
    case 'email': return `邮件发送${product}${topic}资料给${c.name}${c.title}。`;
    case 'dinner': return `与${c.name}${c.title}晚宴交流，${c.name}肯定了今年合作，${outcome}。`;
    case 'event': return `邀请${c.name}${c.title}参加新品发布会，现场演示${product}，${outcome}。`;
    default: return `微信沟通${c.name}${c.title}，${outcome}。`;
  }
}

function summaryEn(type: string, c: Row, outcome: string, product: string, topic: string): string {
  const who = `${c.name} (${c.title})`;
  switch (type) {
    case 'visit': return `Visited ${who} to present our ${product}; ${outcome}.`;
    case 'meeting': return `Meeting with ${who} on ${topic}; ${outcome}.`;
    case 'call': return `Call with ${who} about ${topic}; ${outcome}.`;
    case 'email': return `Sent ${who} the ${topic} documentation for our ${product}.`;
    case 'dinner': return `Dinner with ${who}; ${outcome}.`;
    case 'event': return `Hosted ${who} at our product launch with a ${product} demo; ${outcome}.`;
    default: return `Messaged ${who}; ${outcome}.`;
  }
}
