// Greetings, thanks and acknowledgements ("你好", "thanks", "cool!!"): answered briefly, with what
// the bot can do, instead of "I didn't quite get that". Only a message made of nothing else counts:
// "你好,中建华东的合同?" is a question.
import { z } from 'zod';
import { t } from '../../../prompts/index.ts';
import { smallTalkTexts } from '../../../prompts/small-talk.ts';
import { personalExamples } from '../../tools/examples.ts';
import type { Tool } from '../../tools/types.ts';

const KINDS = ['greeting', 'morning', 'evening', 'presence', 'thanks', 'ack', 'farewell'] as const;
type Kind = (typeof KINDS)[number];

const input = z.object({ kind: z.enum(KINDS).default('greeting').describe('What the user said: a greeting, thanks, an acknowledgement, ...') });

/** Phrases of each kind, most specific kind first (thanks wins over "ok" in "ok thx"). */
const PHRASES: { kind: Kind; zh: string[]; en: string[] }[] = [
  { kind: 'thanks', zh: ['谢谢你', '谢谢', '多谢', '感谢', '辛苦了', '辛苦', '谢啦', '谢了', '3q'], en: ['thank you', 'thanks', 'thank', 'thx', 'ty', 'cheers', 'appreciate it', 'appreciated'] },
  { kind: 'farewell', zh: ['再见', '拜拜', '回头见', '晚安'], en: ['goodbye', 'bye', 'see you', 'see ya', 'good night', 'later'] },
  { kind: 'morning', zh: ['早上好', '早安', '上午好', '早'], en: ['good morning', 'morning'] },
  { kind: 'evening', zh: ['晚上好', '下午好'], en: ['good evening', 'good afternoon', 'evening'] },
  { kind: 'presence', zh: ['在吗', '在不在', '在么', '有人吗'], en: ['are you there', 'anyone there', 'you there'] },
  { kind: 'greeting', zh: ['你好', '您好', '哈喽', '嗨', '大家好', '喂'], en: ['hello', 'hi', 'hey', 'hiya', 'yo', 'howdy', 'greetings', 'hi there', 'hello there'] },
  { kind: 'ack', zh: ['好的', '好滴', '好吧', '收到', '明白', '知道了', '了解', '可以', '不错', '厉害', '太棒了', '棒', '牛', '好'], en: ['ok', 'okay', 'k', 'cool', 'great', 'nice', 'awesome', 'got it', 'sure', 'perfect', 'good', 'fine', 'alright', 'noted', 'wow'] },
];
/** Words that may stand beside the phrase without making it a question. */
const FILLER = { zh: ['助手', '小助手', '机器人', '啊', '呀', '哦', '噢', '嗯', '呢', '啦', '了', '吧', '哈', '哈哈', '嘿', '的'], en: ['there', 'bot', 'assistant', 'so', 'much', 'very', 'a', 'lot', 'again', 'all', 'buddy', 'mate', 'man', 'guys', 'team', 'kam'] };

function escapeRegex(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What kind of small talk the whole message is, or undefined when it says anything else. */
export function smallTalkKind(norm: string): Kind | undefined {
  let rest = norm.replace(/[\p{P}\p{S}\s~～]+/gu, ' ').trim();
  if (!rest || [...rest].length > 30) return undefined;
  let kind: Kind | undefined;
  for (const p of PHRASES) {
    for (const w of [...p.zh, ...p.en].sort((a, b) => b.length - a.length)) {
      const re = /[a-z]/.test(w) ? new RegExp(`(^|\\s)${escapeRegex(w)}(?=\\s|$)`, 'g') : new RegExp(escapeRegex(w), 'g');
      if (re.test(rest)) {
        kind ??= p.kind;
        rest = rest.replace(re, ' ');
      }
    }
  }
  if (!kind) return undefined;
  for (const w of [...FILLER.zh].sort((a, b) => b.length - a.length)) rest = rest.split(w).join(' ');
  const left = rest.split(/\s+/).filter((w) => w && !FILLER.en.includes(w));
  return left.length ? undefined : kind;
}

/** Small talk over a catalog of tools (the registry passes itself: the reply offers a few of their examples). */
export const createSmallTalkTool = (catalog: () => Tool[]): Tool<typeof input, { kind: Kind; examples: string[] }> => ({
  name: 'small_talk',
  description: 'Answers a greeting, thanks or acknowledgement briefly and says what the assistant can do. Use only when the message asks nothing.',
  input,
  async run(ctx, { kind }) {
    const templates = ['last_interaction', 'contracts', 'orders'].map((n) => catalog().find((x) => x.name === n)?.examples?.[ctx.lang][0]).filter((x): x is string => !!x);
    const examples = (await personalExamples(ctx.app, ctx.user.id, ctx.lang, templates)).filter((x): x is string => x !== null);
    return { kind, examples };
  },
  render(ctx, out) {
    const lang = ctx.lang;
    const quote = (s: string) => (lang === 'zh' ? `「${s}」` : `"${s}"`);
    const head = t(smallTalkTexts, out.kind, lang);
    // After thanks or goodbye, one short line is enough.
    const text = out.kind === 'thanks' || out.kind === 'farewell' ? head : `${head}${lang === 'zh' ? '' : ' '}${t(smallTalkTexts, 'capabilities', lang, { examples: out.examples.map(quote).join(lang === 'zh' ? '、' : ', ') })}`;
    return { lang, text, data: { tool: 'small_talk', kind: out.kind } };
  },
  offline: {
    account: 'none',
    keywords: { zh: [], en: [] },
    score: (u) => (smallTalkKind(u.norm) ? 6 : 0),
    input: (u) => ({ kind: smallTalkKind(u.norm) ?? 'greeting' }),
  },
});
