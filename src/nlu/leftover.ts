// What is left of a message once the question words are gone: the name of something the user
// asked about that no visible account matched ("西山矿业" for a user who may not see it).
import { normalize } from './normalize.ts';
import { BASE_VOCABULARY } from './vocabulary.ts';

const DATE_OR_NUMBER = [
  /'s\b|’s\b/g,
  /\b(\d+|a|an|one|two|three|four|five|six|ten)\s*(days?|weeks?|months?|years?|hours?)\b/g,
  /\d{4}[-/年]\d{1,2}([-/月]\d{1,2}[日号]?)?/g,
  /\d{1,2}月\d{1,2}[日号]?/g,
  /[0-9零一二两三四五六七八九十百]+\s*(个)?(天|日|周|星期|个月|月|年|小时|%|万|亿|元)/g,
  /(今|明|去|前|后|本|上|下|这|那)(年|月|季度|周|星期|天)(初|底|末)?/g,
  /(上|下|这|本)(个)?(月|周|星期|季度)(初|底|末)?/g,
  /(上|下)半年|月份|以来|至今/g,
  /\b(january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|h1|h2|first half|second half)\b/g,
  /[0-9]+(\.[0-9]+)?/g,
];

/** Connectives that separate two names even inside a run of characters. */
const SPLIT_ANYWHERE = new Set(['和', '与', '及', '、']);
/** Postpositions: a filler at the end of a piece ("…里", "…中"), but a name may start with them. */
const TRAILING_ONLY = new Set(['中', '里', '内', '下', '前', '后', '个', '些']);

function trimEdges(piece: string, single: Set<string>): string {
  let start = 0;
  let end = piece.length;
  while (start < end && single.has(piece[start]) && !TRAILING_ONLY.has(piece[start])) start++;
  while (end > start && single.has(piece[end - 1])) end--;
  return piece.slice(start, end);
}

/**
 * Words that introduce what was discussed ("…谈到发动机问题", "…say about pricing"): what follows
 * the last of them is a topic, so a name is looked for before it first.
 */
const TOPIC_MARKER = /谈到|谈过|谈了|聊到|聊过|聊了|提到|提过|提起|说到|说过|说了|讲到|讲过|讨论|反映|抱怨|\b(?:say|said|says|talk(?:ed)?|mention(?:ed)?|discuss(?:ed)?|about|regarding)\b/g;

/**
 * The name of something the user asked about, left after removing question vocabulary, dates and
 * numbers: the longest such run, preferring one before a topic marker ("上次和X谈到Y" → X);
 * undefined when nothing substantial is left.
 */
export function leftoverName(text: string, vocabulary: { zh: string[]; en: string[] }): string | undefined {
  const norm = normalize(text);
  const markers = [...norm.matchAll(TOPIC_MARKER)];
  const last = markers.at(-1);
  const beforeTopic = last?.index ? longestRun(norm.slice(0, last.index), vocabulary) : undefined;
  return beforeTopic ?? longestRun(norm, vocabulary);
}

function longestRun(normalized: string, vocabulary: { zh: string[]; en: string[] }): string | undefined {
  let s = normalized.replace(TOPIC_MARKER, ' ');
  for (const re of DATE_OR_NUMBER) s = s.replace(re, ' ');
  const zh = [...new Set([...vocabulary.zh, ...BASE_VOCABULARY.zh])].filter(Boolean).sort((a, b) => b.length - a.length);
  // Words split the text wherever they occur; single characters only where they cannot be part
  // of a name (中建华东, 金川有色): connectives anywhere, the others at the edges of what is left.
  for (const w of zh) if (w.length > 1 || SPLIT_ANYWHERE.has(w)) s = s.split(w.toLowerCase()).join(' ');
  const single = new Set(zh.filter((w) => w.length === 1));
  s = s.split(' ').map((piece) => trimEdges(piece, single)).join(' ');
  const enStop = new Set([...vocabulary.en, ...BASE_VOCABULARY.en].flatMap((w) => w.toLowerCase().split(/\s+/)));
  const pieces: string[] = [];
  for (const raw of s.split(/[^\u3400-\u9fffa-z0-9&'.-]+|(?<=[\u3400-\u9fff])(?=[a-z])|(?<=[a-z])(?=[\u3400-\u9fff])/)) {
    const part = raw?.replace(/^[.'&-]+|[.'&-]+$/g, '');
    if (!part) continue;
    if (/[a-z]/.test(part)) {
      if (!enStop.has(part.replace(/'s$/, '')) && part.length >= 2) pieces.push(part);
      else pieces.push('|');
    } else if (part.length >= 2) pieces.push(part);
    else pieces.push('|');
  }
  // Adjacent Latin words form one name ("foo mining"); anything else separates.
  const runs = pieces.join(' ').split('|').map((r) => r.trim()).filter(Boolean);
  const candidates = runs.flatMap((r) => (/[a-z]/.test(r) ? [r] : r.split(' '))).filter((r) => r.length >= 2);
  if (!candidates.length) return undefined;
  return candidates.sort((a, b) => b.length - a.length)[0];
}
