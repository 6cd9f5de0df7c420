// What a note says about the pipeline: a stage an opportunity has reached ("商机进入谈判阶段",
// "moved to negotiation"), a new amount for it ("报价改成500万", "quote revised to 5M"), and the
// project it is about ("桥梁架设设备二期方案", "the storage project"). Pure and deterministic.
import type { Stage } from '../../../domain/types.ts';
import { findAmounts } from './amounts.ts';
import { segment, type LexiconWord } from './segment.ts';

export interface PipelineReading {
  /** A stage the note says the opportunity reached. */
  stage?: Stage;
  /** An amount the note says the opportunity's value changed to. */
  amount?: number;
  /** The project the note is about, as written (the name of an opportunity to create). */
  project?: string;
}

const STAGE_WORDS: { stage: Stage; zh: string; en: string }[] = [
  { stage: 'negotiation', zh: '商务谈判|谈判|议价', en: 'negotiations?|negotiating' },
  { stage: 'proposal', zh: '方案|报价|投标', en: 'proposal|quoting|quote' },
  { stage: 'qualify', zh: '需求确认|需求确定|立项|验证', en: 'qualification|qualify|qualified|qualifying' },
  { stage: 'lead', zh: '线索', en: 'lead' },
  { stage: 'won', zh: '赢单|成交|签约', en: 'won|closed[- ]won' },
  { stage: 'lost', zh: '丢单|输单', en: 'lost|closed[- ]lost' },
];
const ZH_STAGE = STAGE_WORDS.map((s) => s.zh).join('|');
const EN_STAGE = STAGE_WORDS.map((s) => s.en).join('|');
/** 商机进入谈判阶段, 项目推进到方案阶段, 已经到了报价阶段. */
const ZH_STAGE_CHANGE = new RegExp(`(?:进入了?|进到了?|推进到|推进至|转入|转到|到了|进展到|已到)\\s*(${ZH_STAGE})\\s*(?:阶段|环节)`);
/** Outcomes stated without a stage word: 赢单了, 中标了, 丢单了, 没中标. */
const ZH_OUTCOME: { stage: Stage; re: RegExp }[] = [
  { stage: 'lost', re: /丢单|输单|落标|没中标|未中标|没拿下/ },
  { stage: 'won', re: /赢单|中标了|拿下了?(?:这单|订单|项目|合同)|签约了|签了合同/ },
];
const EN_STAGE_CHANGE = new RegExp(`\\b(?:moved|moving|advanced|progressed|went|gone|is now|now)\\s+(?:in)?to\\s+(?:the\\s+)?(${EN_STAGE})\\b(?:\\s+stage)?`, 'i');
const EN_OUTCOME = /\b(?:we|deal)\s+(?:have\s+|has\s+)?(won|lost)\b|\b(?:deal|opportunity)\s+(?:is\s+)?(won|lost)\b/i;

/** 报价改成500万, 金额调整为480万, "quote revised to 5M": the amount right after is the new value. */
const AMOUNT_CHANGE =
  /(?:报价|金额|价格|合同额|合同金额|商机金额|预算|总价)\s*(?:改成|改为|调整为|调整到|调到|降到|降为|降至|涨到|提高到|提到|变成|变为|更新为|更新成|定在|定为)|\b(?:quote|price|amount|budget|value)\s+(?:was\s+|is\s+)?(?:revised|changed|lowered|raised|cut|increased|reduced|updated|moved)\s+to\b/gi;

function stageOf(word: string, lang: 'zh' | 'en'): Stage | undefined {
  return STAGE_WORDS.find((s) => new RegExp(`^(?:${lang === 'zh' ? s.zh : s.en})$`, 'i').test(word))?.stage;
}

/** Words that head a project phrase (…项目, …二期, …改造). */
const PROJECT_HEAD = /^(?:项目|工程|方案|改造|升级|更新|采购|扩建|招标|[一二三四五六七八九十\d]期)$/;
/** jieba tags a project phrase is made of: nouns, verbal nouns and verbs (架设), numerals (二期), Latin words. */
const PROJECT_PART = /^(?:n|nz|ng|vn|v|m|eng|b|l)$/;
const NOT_IN_PROJECT = /^(?:聊了?|谈了?|讨论了?|介绍了?|关注|沟通了?|说|看了?|提到|对|的|了|和|跟|与|在|是|有|要|做|给|发|交流)$/;

function zhProject(text: string, lexicon: LexiconWord[]): string | undefined {
  const tokens = segment(text, lexicon);
  for (let i = 0; i < tokens.length; i++) {
    const head = tokens[i];
    const isHead = PROJECT_HEAD.test(head.word) || /^[一二三四五六七八九十\d]期/.test(head.word);
    if (!isHead || head.kind) continue;
    let j = i;
    while (j > 0) {
      const p = tokens[j - 1];
      if (p.kind || p.end !== tokens[j].start || !PROJECT_PART.test(p.tag) || NOT_IN_PROJECT.test(p.word)) break;
      j--;
    }
    if (j === i) continue;
    // A project phrase may run on after its head: 二期 + 方案.
    let end = i;
    if (tokens[i + 1] && PROJECT_HEAD.test(tokens[i + 1].word) && tokens[i + 1].start === head.end) end = i + 1;
    const name = text.slice(tokens[j].start, tokens[end].end);
    if (name.length >= 4 && name.length <= 20) return name;
  }
  return undefined;
}

const EN_PROJECT = /\b((?:[a-z0-9-]+\s+){0,3})((?:upgrade|tender|rollout|expansion|retrofit)(?:\s+project)?|project|phase\s+(?:\d+|one|two|three|ii|iii))\b/i;
const EN_LEAD_WORDS = /^(?:(?:about|on|for|the|a|an|their|our|this|that|new|of|regarding)\s+)+/i;

function enProject(text: string): string | undefined {
  const m = EN_PROJECT.exec(text);
  if (!m) return undefined;
  const words = m[1].replace(EN_LEAD_WORDS, '').trim();
  return words ? `${words} ${m[2]}` : undefined;
}

/** `lexicon`: the note's people, account names and competitors, never part of a project's name. */
export function readPipeline(text: string, lexicon: LexiconWord[] = []): PipelineReading {
  const out: PipelineReading = {};
  const amounts = findAmounts(text);
  const zh = ZH_STAGE_CHANGE.exec(text);
  if (zh) out.stage = stageOf(zh[1], 'zh');
  out.stage ??= ZH_OUTCOME.find((o) => o.re.test(text))?.stage;
  const en = EN_STAGE_CHANGE.exec(text) ?? EN_OUTCOME.exec(text);
  if (!out.stage && en) out.stage = stageOf((en[1] ?? en[2] ?? en[3]).toLowerCase(), 'en');
  for (const m of text.matchAll(AMOUNT_CHANGE)) {
    const end = m.index! + m[0].length;
    const a = amounts.find((x) => x.start >= end && x.start <= end + 4);
    if (a) out.amount = a.value;
  }
  // 推进到方案阶段 names a stage, not a project.
  const rest = zh ? text.slice(0, zh.index) + '，'.repeat(zh[0].length) + text.slice(zh.index + zh[0].length) : text;
  const project = /[\u4e00-\u9fff]/.test(text) ? zhProject(rest, lexicon) : undefined;
  out.project = project ?? enProject(text);
  return out;
}
