// Visit notes written against data made by bench/generate.mjs (names the sample never has: accounts
// such as 华东王伟工程集团0 whose names hold a contact's name, ten titled contacts each), from
// templates of how notes are typed, each with the facts that follow from the generated rows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { NoteCase } from './sample-notes.ts';

const COMPETITORS: [string, string][] = [['三一', '三一'], ['徐工', '徐工'], ['中联重科', '中联重科'], ['柳工', '柳工'], ['卡特', '卡特彼勒'], ['小松', '小松']];

type Row = Record<string, string>;
const read = (dir: string, file: string): Row[] => parse(readFileSync(join(dir, file)), { columns: true }) as Row[];

/** Ten notes per generated account, as its owner, about contacts picked by index. */
export function generatedNotes(dir: string): NoteCase[] {
  const accounts = read(dir, 'accounts.csv');
  const contacts = read(dir, 'contacts.csv');
  const out: NoteCase[] = [];
  accounts.forEach((a, i) => {
    const people = contacts.filter((c) => c.account_id === a.id);
    // Two contacts sharing a surname would make a surname reference a question: pick distinct ones.
    const c = (k: number) => people[(k + i) % people.length];
    const [comp, canonical] = COMPETITORS[i % COMPETITORS.length];
    const n = 100 + 50 * i;
    const g = (text: string, expect: Omit<NoteCase['expect'], 'account'>): NoteCase => ({ class: 'generated', user: a.owner_id, text, expect: { ...expect, account: a.id } });
    out.push(
      g(`今天拜访了${a.name}的${c(0).title}${c(0).name},聊了设备更新,预算大约${n}万`, { contacts: [c(0).name], type: 'visit', amounts: [n * 10_000] }),
      g(`今天和${a.name}的${c(1).name}${c(1).title}吃饭,他说${comp}也在报价,下周三前发方案`, { contacts: [c(1).name], type: 'dinner', competitors: [canonical], due: '2026-12-02' }),
      g(`记一下:${a.name} ${c(2).name} 电话 月底前给报价`, { contacts: [c(2).name], type: 'call', due: '2026-11-30' }),
      g(`今天跟${a.name}的${c(3).name}开了个会,讨论了付款条件,周五前回复`, { contacts: [c(3).name], type: 'meeting', due: '2026-11-27' }),
      g(`上午去${a.name}见了${c(4).name}和${c(5).name},对方关注交付周期`, { contacts: [c(4).name, c(5).name], type: 'visit' }),
      g(`今天call了${a.name}的${c(6).name},budget大概${n}万,周五前send quote`, { contacts: [c(6).name], type: 'call', amounts: [n * 10_000], due: '2026-11-27' }),
      g(`${a.name}新来的采购总监赵一鸣今天见了,${comp}和小松都在接触`, { contacts: [c(0).name === '赵一鸣' ? c(0).name : '赵一鸣'], competitors: [...new Set([canonical, '小松'])] }),
      g(`给${a.name}的${c(7).name}发了邮件,附上报价单`, { contacts: [c(7).name], type: 'email' }),
      g(`今天和${a.name}的${c(8).name}微信聊了下,下周二前把合同发过去`, { contacts: [c(8).name], type: 'im', nextStep: '把合同发过去', due: '2026-12-01' }),
      g(`昨天在展会上碰到${a.name}的${c(9).title}${c(9).name},对智能施工方案很感兴趣`, { contacts: [c(9).name], type: 'event' }),
    );
  });
  return out;
}
