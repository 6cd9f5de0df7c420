// Every question of ../shared/sample-data/EXPECTED.md through the turn loop, and paraphrases of
// each question type in Chinese and English: the same facts whatever the wording.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import type { AppContext } from '../../src/app.ts';
import { sampleDb } from '../helpers/db.ts';
import { ask, everything, testApp } from './helpers.ts';

let db: Db;
let app: AppContext;
beforeAll(async () => {
  db = await sampleDb();
  app = testApp(db);
});
afterAll(() => db.close());

interface Case {
  user: string;
  texts: string[];
  /** Each entry: one of the alternatives must appear in the reply text. */
  must: string[][];
  mustNot?: string[];
  lang?: 'zh' | 'en';
}

const cases: Record<string, Case[]> = {
  'last executive interaction': [
    {
      user: 'u_zhang',
      texts: ['中建华东最近一次高层拜访是什么时候?', '华东工程最近一次见高层是哪天?', '上次和中建华东的领导见面是什么时候', '中建华东的高层我们最后一次接触是哪一天?', '请问中建华东最近的高层互动'],
      must: [['2026-11-10'], ['刘建国']],
      lang: 'zh',
    },
    {
      user: 'u_zhang',
      texts: ['When did we last meet an executive at Zhongjian Huadong?', 'last executive meeting with Zhongjian Huadong?', 'When was our most recent exec interaction with Huadong Gongcheng?', 'Zhongjian Huadong: when did we last see senior leadership?'],
      must: [['2026-11-10'], ['刘建国']],
      lang: 'en',
    },
    {
      user: 'u_li',
      texts: ['When did we last meet an executive at Xishan Mining?', 'Last time we talked to an executive at Xishan?', 'xishan mining last executive contact', '西山矿业最近一次高层互动是什么时候', '西山矿业上次见老总是哪天?', '最近一次跟西山的高管联系是啥时候'],
      must: [['2026-09-30'], ['马振华']],
    },
  ],
  'decision chain': [
    {
      user: 'u_zhang',
      texts: ['中建华东的关键决策人是谁?', '中建华东谁拍板?', '中建华东的决策链', '华东工程那边谁说了算?'],
      must: [['刘建国'], ['决策']],
      lang: 'zh',
    },
    {
      user: 'u_zhang',
      texts: ['Who is the decision maker at Zhongjian Huadong?', 'decision chain of Zhongjian Huadong', 'Who decides at Huadong Gongcheng?', 'key people at Zhongjian Huadong'],
      must: [['刘建国'], ['decision maker']],
      lang: 'en',
    },
    {
      user: 'u_zhang',
      texts: ['北方路桥的决策人是谁?', 'Who are the decision makers at Beifang Luqiao?', 'North Road Bridge decision chain'],
      must: [['何军'], ['没有记录任何决策者', 'no decision maker']],
    },
  ],
  subsidiaries: [
    {
      user: 'u_zhang',
      texts: ['中建华东有哪些下属公司?', '中建华东的子公司有哪些', '华东工程旗下有哪些单位?', '中建华东集团下面有几家分公司'],
      must: [['中建华东第一工程公司'], ['中建华东第二工程公司']],
      lang: 'zh',
    },
    {
      user: 'u_zhang',
      texts: ['What subsidiaries does Zhongjian Huadong have?', 'Zhongjian Huadong subsidiaries', 'show the group structure of Zhongjian Huadong', 'child accounts of Huadong Gongcheng'],
      must: [['中建华东第一工程公司'], ['中建华东第二工程公司'], ['Subsidiaries']],
      lang: 'en',
    },
    {
      user: 'u_zhang',
      texts: ['华东一公司的上级单位是哪家?', 'What is the parent company of Huadong Yi Gongsi?'],
      must: [['中建华东工程集团']],
    },
  ],
  'budget execution': [
    {
      user: 'u_zhang',
      texts: ['中建华东今年预算执行到多少了?', '中建华东今年的预算完成率', '华东工程今年采购了多少,预算执行情况?', '中建华东2026年预算执行'],
      must: [['85%'], ['1,700万'], ['2,000万']],
      lang: 'zh',
    },
    {
      user: 'u_li',
      texts: ['What is the budget execution of Xishan Mining this year?', 'How much of its budget has Xishan Mining spent?', 'xishan budget 2026', 'Budget execution for Xishan Mining Group'],
      must: [['40%'], ['¥6,000,000'], ['¥15,000,000']],
      lang: 'en',
    },
  ],
  contracts: [
    {
      user: 'u_li',
      texts: ['江南港务的合同什么时候到期?', '江南港务合同哪天到期', '江南港务的合同还有多久到期?', '江南港务集团有哪些合同'],
      must: [['2027-01-10'], ['47']],
      lang: 'zh',
    },
    {
      user: 'u_li',
      texts: ['When does the Jiangnan Port contract expire?', 'Jiangnan Port contracts', 'contract end date for Jiangnan Port Group', 'Is the Jiangnan Port agreement expiring soon?'],
      must: [['2027-01-10'], ['47 days']],
      lang: 'en',
    },
    {
      user: 'u_li',
      texts: ['未来60天有哪些合同到期?', 'Which contracts end in the next 60 days?', '60天内到期的合同'],
      must: [['CT-A300-01']],
      mustNot: ['CT-A200-SA'],
    },
  ],
  'open tickets': [
    {
      user: 'u_li',
      texts: ['西山矿业有哪些未解决的工单?', '西山矿业还有没处理完的工单吗', '西山那边的报修处理了吗?', '西山矿业的工单'],
      must: [['T003'], ['发动机故障']],
      mustNot: ['T004'],
      lang: 'zh',
    },
    {
      user: 'u_li',
      texts: ['Open tickets at Xishan Mining?', 'Does Xishan Mining have any unresolved issues?', 'xishan mining tickets', 'What repairs are pending for Xishan Mining?'],
      must: [['T003']],
      mustNot: ['T004'],
      lang: 'en',
    },
    {
      user: 'u_li',
      texts: ['我的客户有没有未解决的投诉?', 'Any open complaints across my accounts?', '有哪些未处理的投诉'],
      must: [['T004']],
      mustNot: ['T001', 'T003'],
    },
  ],
  'silent accounts': [
    {
      user: 'u_chen',
      texts: ['我团队里哪些客户超过30天没有高层互动?', '团队有哪些客户30天以上没见过高层了', '哪些客户超过一个月没有高层联系', '我团队哪些客户的高层沉默超过30天'],
      must: [['西山矿业'], ['江南港务']],
      mustNot: ['中建华东工程集团', '蓝海新能源', '北方路桥'],
      lang: 'zh',
    },
    {
      user: 'u_chen',
      texts: [
        'Which accounts in my team have had no executive interaction for more than 30 days?',
        'team accounts with no executive contact for over 30 days',
        'Which customers have not been contacted at executive level for a month?',
        'List my accounts with no exec interaction in over 30 days',
      ],
      must: [['西山矿业'], ['江南港务']],
      mustNot: ['中建华东工程集团', '蓝海新能源', '北方路桥'],
      lang: 'en',
    },
  ],
  'not visible': [
    {
      user: 'u_zhang',
      texts: ['西山矿业的合同什么时候到期?', '西山矿业有哪些未解决的工单?', 'When did we last meet an executive at Xishan Mining?', '西山矿业的决策人是谁', 'Xishan Mining budget this year', '马振华的电话是多少?'],
      must: [],
      mustNot: ['西山矿业集团', 'CT-A200', '2028-02-28', 'A200', '2026-09-30', 'T003', '13900002001', '李娜'],
    },
  ],
  'accounts by tier': [
    {
      user: 'u_zhang',
      texts: ['我的S级客户有哪些?', '列一下我名下的S级客户', '我负责的客户里哪些是S级', 'List my tier S accounts', 'Which of my accounts are tier S?', 'my S-tier customers'],
      must: [['中建华东工程集团']],
      mustNot: ['北方路桥', '兴业建材', '西山矿业'],
    },
  ],
  overview: [
    {
      user: 'u_li',
      texts: ['介绍一下江南港务的情况', '江南港务怎么样?', '江南港务', 'Tell me about Jiangnan Port', 'Overview of Jiangnan Port', 'jiangnan port summary'],
      must: [['江南港务集团'], ['李娜'], ['T004'], ['CT-A300-01']],
    },
  ],
  opportunities: [
    {
      user: 'u_li',
      texts: ['西山矿业有哪些商机?', '西山矿业在谈的项目', '西山矿业的销售机会进展如何', 'Open opportunities at Xishan Mining?', 'xishan mining pipeline', 'What deals do we have with Xishan Mining?'],
      must: [['P200'], ['矿用挖掘机更新项目']],
    },
    {
      user: 'u_li',
      texts: ['我的商机有哪些?', '我在跟的销售机会', '所有在谈商机', 'Show my pipeline', 'my open opportunities', 'What deals are open?'],
      must: [['P200'], ['P500']],
      mustNot: ['P100', 'P400'],
    },
  ],
  contacts: [
    {
      user: 'u_zhang',
      texts: ['刘建国的电话是多少?', '刘总的联系方式', '刘建国是谁', "What's Liu Jianguo's phone number?", 'Who is Liu Jianguo?', 'contact details of Mr. Liu'],
      must: [['13800001001'], ['集团副总经理']],
    },
    {
      user: 'u_zhang',
      texts: ['何总工的电话是多少?', '北方路桥的何总是谁?'],
      must: [['何军'], ['总工程师']],
    },
  ],
  'last discussion': [
    {
      user: 'u_li',
      texts: ['上次和西山矿业聊了什么?', '西山矿业上次谈了什么', '跟西山矿业最近一次沟通了什么内容', 'What did we discuss with Xishan Mining last time?', 'what was discussed with xishan mining', 'What did we talk about with Xishan Mining recently?'],
      must: [['2026-11-18'], ['联合实验室']],
    },
    {
      user: 'u_li',
      texts: ['最近六周江南港务有哪些互动?', '过去40天和江南港务的沟通记录', '江南港务最近两个月的拜访记录', 'Interactions with Jiangnan Port in the last 6 weeks', 'Jiangnan Port interaction history for the past 40 days', 'show the log of Jiangnan Port over the last 2 months'],
      must: [['2026-11-22'], ['2026-10-20']],
      mustNot: ['2026-09-08'],
    },
  ],
};

describe('account questions (offline engine, sample data at 2026-11-24 10:00)', () => {
  for (const [type, list] of Object.entries(cases)) {
    describe(type, () => {
      for (const c of list) {
        for (const text of c.texts) {
          it(`[${c.user}] ${text}`, async () => {
            const r = await ask(app, c.user, text);
            for (const alts of c.must) expect(alts.some((a) => r.text.includes(a)), `expected one of ${alts.join(' | ')} in:\n${r.text}`).toBe(true);
            for (const bad of c.mustNot ?? []) expect(everything(r), `leaked ${bad}`).not.toContain(bad);
            const lang = c.lang ?? (/[\u4e00-\u9fff]/.test(text) ? 'zh' : 'en');
            expect(r.lang).toBe(lang);
          });
        }
      }
    });
  }
});
