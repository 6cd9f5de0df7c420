// Turns a question into what the two rankers use: the topic (question words, the account's name
// and filler removed), keyword term groups (one group per concept: a bigram, an English word with
// its Chinese equivalents), and the text to embed.
import { EN_TO_ZH, ZH_SYNONYMS } from './glossary.ts';
import { keywordTerms } from './grams.ts';

// Question words and filler: they say how something is asked, not what about. Longest first.
const ZH_FILLER = [
  '有没有人', '有谁', '有人', '是什么时候', '什么时候', '啥时候', '哪一天', '上一次', '最近一次', '有没有', '是不是', '怎么样', '为什么',
  '查一下', '找一下', '搜一下', '看一下', '说了什么', '谈了什么', '聊了什么', '讨论了什么', '说了啥', '谈了啥', '聊了啥',
  '上次', '上回', '最近', '之前', '啥', '以前', '何时', '哪天', '是否', '什么', '怎么', '如何', '哪些', '哪个', '一下',
  '谈到', '谈过', '谈了', '聊到', '聊过', '聊了', '提到', '提过', '提起', '说到', '说过', '说了', '讲到', '讲过',
  '提到过', '谈到过', '说到过', '聊到过', '讲到过', '提起过', '反映过', '抱怨过',
  '讨论过', '讨论', '沟通过', '沟通', '反馈', '反映', '涉及', '关于', '有关', '方面', '相关',
  '问题', '情况', '事情', '内容', '记录', '历史', '我们', '他们', '她们', '对方', '客户', '那边', '这边',
];
const ZH_FILLER_LONGEST_FIRST = [...ZH_FILLER].sort((a, b) => b.length - a.length);
// Single characters are removed only when they are particles or joiners; most others are part of
// words (对手, 说明, 事故) and would break them.
const ZH_PARTICLES = /[的了吗呢吧啊呀和跟与]/g;
const EN_FILLER = new Set(
  ('what when did do does done we they he she say said says about the a an of on in to with last time times talk talked talking ' +
    'discuss discussed discussion mention mentioned regarding re any anything tell me find search show notes note history issue issues ' +
    'problem problems is was were are be been at for from our us their them it its how why who which there that this latest recent ' +
    'recently ever first told ask asked raise raised bring brought up something anyone anybody someone somebody has have had customer client account')
    .split(/\s+/),
);

export interface QueryTerms {
  /** The question reduced to its topic (what the passages should be about). */
  topic: string;
  /** Keyword groups: a passage matches a group when it contains any of the group's terms. */
  groups: string[][];
  /** The text the embedder turns into the query vector (topic plus equivalents). */
  embedText: string;
}

/** Removes the given names (the account the question is about) and question words. */
export function questionTopic(text: string, names: string[] = []): string {
  let s = ` ${text.normalize('NFKC').toLowerCase()} `;
  for (const n of [...names].filter(Boolean).sort((a, b) => b.length - a.length)) s = s.split(n.normalize('NFKC').toLowerCase()).join(' ');
  s = s.replace(/[?？!！。,，、;；:："“”'‘’()（）]/g, ' ');
  for (const w of ZH_FILLER_LONGEST_FIRST) s = s.split(w).join(' ');
  s = s.replace(ZH_PARTICLES, ' ');
  const words = s.split(/\s+/).filter((w) => w && !EN_FILLER.has(w) && !/^[a-z]$/.test(w));
  return words.join(' ').trim();
}

export function analyzeQuery(text: string, names: string[] = []): QueryTerms {
  const topic = questionTopic(text, names);
  // Colloquial words are looked up before filler removal cuts them ("坏了" → 故障).
  const raw = text.normalize('NFKC').toLowerCase();
  const synonyms = Object.entries(ZH_SYNONYMS).filter(([k]) => raw.includes(k));
  const groups: string[][] = [];
  const extra: string[] = [];
  const seen = new Set<string>();
  const addGroup = (terms: string[]) => {
    const fresh = terms.filter((x) => !seen.has(x));
    if (!fresh.length) return;
    for (const x of fresh) seen.add(x);
    groups.push(fresh);
  };
  for (const word of topic.split(' ')) {
    if (!word) continue;
    if (/[\u3400-\u9fff]/.test(word)) {
      for (const term of keywordTerms(word)) {
        const widened = synonyms.filter(([k]) => keywordTerms(k).includes(term)).flatMap(([, v]) => v.flatMap(keywordTerms));
        addGroup([term, ...widened]);
      }
    } else {
      for (const term of keywordTerms(word)) {
        const zh = EN_TO_ZH[term] ?? EN_TO_ZH[word] ?? [];
        addGroup([term, ...zh.flatMap(keywordTerms)]);
        extra.push(...zh);
      }
    }
  }
  // A colloquialism the topic lost entirely (a particle inside it) still adds its concept.
  for (const [, v] of synonyms) {
    addGroup(v.flatMap(keywordTerms));
    extra.push(...v);
  }
  return { topic, groups, embedText: [topic, ...new Set(extra)].join(' ').trim() };
}
