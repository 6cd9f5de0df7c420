#!/usr/bin/env node
// Deterministic (seeded) generator of import-format CSV files at scale, for the benchmarks.
// Per account: 10 contacts, 100 interactions, 5 orders, 1 contract, 2 tickets, 2 opportunities,
// a budget and a team of three; one salesperson per 20 accounts, one manager per 10 salespeople.
// Usage: node bench/generate.mjs --accounts N --out DIR [--seed S]
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

/** mulberry32: small, fast, deterministic. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建国振海涛雪晓宁远帆博文斌浩宇欣怡'.split('');
const PLACES = ['华东', '华北', '华南', '西南', '东北', '华中', '西北', '江南', '北方', '中原', '沿海', '长江', '黄河', '珠江', '渤海', '东海'];
const INDUSTRY = [['建筑工程', '工程集团'], ['矿山', '矿业集团'], ['港口物流', '港务集团'], ['路桥施工', '路桥建设有限公司'], ['新能源', '新能源科技有限公司'], ['建材', '建材有限公司'], ['水利', '水利水电有限公司'], ['市政', '市政建设集团']];
const TITLES = [['董事长', 'executive', 'decision_maker'], ['总经理', 'executive', 'decision_maker'], ['副总经理', 'executive', 'influencer'], ['总工程师', 'executive', 'influencer'], ['设备部部长', 'manager', 'influencer'], ['采购经理', 'manager', 'evaluator'], ['项目经理', 'manager', 'user'], ['机电处处长', 'manager', 'evaluator'], ['采购专员', 'staff', 'gatekeeper'], ['设备管理员', 'staff', 'user']];
const DEPTS = ['公司领导', '设备部', '采购中心', '技术中心', '工程部', '安全环保部', '财务部', '项目部'];
const PRODUCTS = ['电动挖掘机', '旋挖钻机', '塔式起重机', '装载机', '矿用自卸车', '正面吊', '桥梁架设设备', '备件及服务包', '混凝土泵车', '履带起重机'];
const TOPICS = ['交付周期', '售后网点覆盖', '能耗指标', '价格', '付款条件', '远程监控', '备件供应', '操作培训', '设备更新计划', '框架协议续签', '智能施工方案', '安全合规'];
const TYPES = ['visit', 'call', 'meeting', 'email', 'dinner', 'event', 'im'];
const VERBS = { visit: '拜访', call: '电话沟通', meeting: '会议交流', email: '邮件发送资料给', dinner: '宴请', event: '邀请参加展会的', im: '微信沟通' };
const COMPETITORS = ['三一', '徐工', '中联重科', '柳工', '卡特彼勒', '小松'];

const pick = (r, xs) => xs[Math.floor(r() * xs.length)];
const pad = (n, w) => String(n).padStart(w, '0');
const csv = (v) => (v === null || v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

function dateAt(dayOffset) {
  // Day 0 = 2026-11-24; negative is the past.
  return new Date(Date.UTC(2026, 10, 24) + dayOffset * 86400000).toISOString().slice(0, 10);
}

class Out {
  constructor(dir, file, header) {
    this.s = createWriteStream(join(dir, file));
    this.buf = header.join(',') + '\n';
    this.rows = 0;
  }
  async row(values) {
    this.buf += values.map(csv).join(',') + '\n';
    this.rows++;
    if (this.buf.length > 1 << 16) {
      if (!this.s.write(this.buf)) await once(this.s, 'drain');
      this.buf = '';
    }
  }
  async end() {
    this.s.write(this.buf);
    this.s.end();
    await once(this.s, 'finish');
    return this.rows;
  }
}

export async function generate({ accounts: n, out, seed = 42 }) {
  mkdirSync(out, { recursive: true });
  const r = rng(seed);
  const f = {
    users: new Out(out, 'users.csv', ['id', 'name', 'role', 'manager_id', 'email', 'feishu_open_id', 'wecom_userid', 'slack_user_id']),
    accounts: new Out(out, 'accounts.csv', ['id', 'name', 'aliases', 'parent_id', 'industry', 'region', 'tier', 'strategic_value', 'owner_id', 'created_at']),
    contacts: new Out(out, 'contacts.csv', ['id', 'account_id', 'name', 'title', 'department', 'decision_role', 'level', 'attitude', 'phone', 'email', 'active']),
    team: new Out(out, 'account_team.csv', ['account_id', 'user_id', 'team_role']),
    interactions: new Out(out, 'interactions.csv', ['id', 'account_id', 'user_id', 'occurred_at', 'type', 'contact_ids', 'summary', 'next_step', 'next_step_due']),
    orders: new Out(out, 'orders.csv', ['id', 'account_id', 'order_date', 'amount', 'product']),
    contracts: new Out(out, 'contracts.csv', ['id', 'account_id', 'kind', 'signed_at', 'start_date', 'end_date', 'amount', 'status']),
    tickets: new Out(out, 'tickets.csv', ['id', 'account_id', 'kind', 'severity', 'opened_at', 'resolved_at', 'summary']),
    opportunities: new Out(out, 'opportunities.csv', ['id', 'account_id', 'name', 'stage', 'amount', 'expected_close', 'owner_id', 'updated_at']),
    budgets: new Out(out, 'budgets.csv', ['account_id', 'year', 'amount']),
  };
  const sales = Math.max(1, Math.ceil(n / 20));
  const managers = Math.max(1, Math.ceil(sales / 10));
  const person = () => pick(r, SURNAMES) + pick(r, GIVEN) + (r() < 0.5 ? pick(r, GIVEN) : '');
  await f.users.row(['u_admin', '系统管理员', 'admin', '', 'admin@example.com', '', '', '']);
  await f.users.row(['m_0000', person(), 'manager', '', '', '', '', '']);
  for (let m = 1; m < managers; m++) await f.users.row([`m_${pad(m, 4)}`, person(), 'manager', 'm_0000', '', `ou_m${m}`, `m${m}`, '']);
  for (let s = 0; s < sales; s++) await f.users.row([`s_${pad(s, 5)}`, person(), 'sales', `m_${pad(Math.floor(s / 10), 4)}`, `s${s}@example.com`, `ou_s${s}`, `s${s}`, `US${s}`]);

  for (let a = 0; a < n; a++) {
    const id = `AC${pad(a, 6)}`;
    const [industry, suffix] = pick(r, INDUSTRY);
    const place = pick(r, PLACES);
    const name = `${place}${SURNAMES[a % SURNAMES.length]}${GIVEN[(a * 7) % GIVEN.length]}${suffix}${a}`;
    const owner = `s_${pad(a % sales, 5)}`;
    const parent = a % 10 === 9 ? `AC${pad(a - 1, 6)}` : '';
    await f.accounts.row([id, name, `${place}${a}`, parent, industry, place, pick(r, ['S', 'A', 'A', 'B', 'B', 'C']), r() < 0.4 ? 'high' : 'low', owner, dateAt(-400 - Math.floor(r() * 2000))]);
    await f.team.row([id, owner, 'AR']);
    await f.team.row([id, `s_${pad((a + 1) % sales, 5)}`, 'SR']);
    await f.team.row([id, `s_${pad((a + 2) % sales, 5)}`, 'FR']);
    const contactIds = [];
    for (let c = 0; c < 10; c++) {
      const cid = `${id}-C${c}`;
      contactIds.push(cid);
      const [title, level, role] = TITLES[c];
      await f.contacts.row([cid, id, person(), title, DEPTS[c % DEPTS.length], role, level, pick(r, ['supporter', 'neutral', 'neutral', 'opponent']), `139${pad(Math.floor(r() * 1e8), 8)}`, '', 'true']);
    }
    for (let i = 0; i < 100; i++) {
      const type = pick(r, TYPES);
      const day = -Math.floor(r() * 720);
      const who = contactIds[Math.floor(r() * 10)];
      const topic = pick(r, TOPICS);
      const summary = `${VERBS[type]}${pick(r, DEPTS)}负责人，讨论${topic}，对方关注${pick(r, TOPICS)}${r() < 0.2 ? `，提到${pick(r, COMPETITORS)}报价更低` : ''}。`;
      const next = r() < 0.3 ? [`跟进${topic}方案`, dateAt(day + 7 + Math.floor(r() * 14))] : ['', ''];
      await f.interactions.row([`${id}-I${pad(i, 3)}`, id, `s_${pad((a + (i % 3)) % sales, 5)}`, `${dateAt(day)}T${pad(8 + Math.floor(r() * 10), 2)}:00:00+08:00`, type, r() < 0.3 && who !== contactIds[0] ? `${contactIds[0]};${who}` : who, summary, ...next]);
    }
    for (let o = 0; o < 5; o++) await f.orders.row([`${id}-O${o}`, id, dateAt(-Math.floor(r() * 700)), Math.round(50 + r() * 2000) * 10000, pick(r, PRODUCTS)]);
    const end = Math.floor(r() * 720) - 120;
    await f.contracts.row([`${id}-K0`, id, pick(r, ['purchase', 'framework', 'service', 'strategic_agreement']), dateAt(end - 1100), dateAt(end - 1095), dateAt(end), Math.round(100 + r() * 5000) * 10000, end < 0 ? 'expired' : 'active']);
    for (let t = 0; t < 2; t++) {
      const opened = -Math.floor(r() * 200);
      const resolved = r() < 0.7 ? `${dateAt(opened + 1 + Math.floor(r() * 10))}T17:00:00+08:00` : '';
      await f.tickets.row([`${id}-T${t}`, id, pick(r, ['complaint', 'repair', 'inquiry']), pick(r, ['high', 'medium', 'low']), `${dateAt(opened)}T09:00:00+08:00`, resolved, `${pick(r, PRODUCTS)}${pick(r, ['故障', '交付延期', '配件短缺', '报警停机'])}`]);
    }
    for (let p = 0; p < 2; p++) {
      await f.opportunities.row([`${id}-P${p}`, id, `${pick(r, PRODUCTS)}采购项目`, pick(r, ['lead', 'qualify', 'proposal', 'negotiation', 'won', 'lost']), Math.round(100 + r() * 3000) * 10000, dateAt(Math.floor(r() * 300) - 60), owner, dateAt(-Math.floor(r() * 90))]);
    }
    await f.budgets.row([id, 2026, Math.round(500 + r() * 5000) * 10000]);
  }
  const counts = {};
  for (const [k, o] of Object.entries(f)) counts[k] = await o.end();
  return counts;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(arg('accounts', '1000'));
  const out = arg('out', `bench/out/gen-${n}`);
  const counts = await generate({ accounts: n, out, seed: Number(arg('seed', '42')) });
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(JSON.stringify({ out, accounts: n, rows: total, counts }));
}
