// Splits a note into sentences and clauses, keeping offsets into the original text.
export interface Span {
  start: number;
  end: number;
  text: string;
}

const SENTENCE_END = /[。！!？?；;\n]|\.(?=\s|$)/g;
const CLAUSE_END = /[，,、]/g;

function split(text: string, start: number, end: number, re: RegExp): Span[] {
  const out: Span[] = [];
  let s = start;
  re.lastIndex = 0;
  const part = text.slice(start, end);
  for (const m of part.matchAll(re)) {
    const e = start + m.index! + m[0].length;
    if (text.slice(s, e).trim()) out.push({ start: s, end: e, text: text.slice(s, e) });
    s = e;
  }
  if (text.slice(s, end).trim()) out.push({ start: s, end, text: text.slice(s, end) });
  return out;
}

export function sentences(text: string): Span[] {
  return split(text, 0, text.length, SENTENCE_END);
}

/** Clauses of one sentence, split at commas; a clause keeps its trailing punctuation. */
export function clauses(text: string, sentence: Span): Span[] {
  return split(text, sentence.start, sentence.end, CLAUSE_END);
}

/**
 * A space between two Chinese words parts them like a comma (记一下 吴刚 投诉 明天派人), also before
 * a Latin or digit run written into the next word (很满意 Q1前要出方案, 聊得不错 12月15日前签).
 */
const HAN_SPACE = /(?<=[\u4e00-\u9fff])[ \t\u3000]+(?=[\u4e00-\u9fff]|[A-Za-z0-9]{1,6}[\u4e00-\u9fff])/g;

/** Every clause of the text; with `spaces`, the space-separated parts of terse notes are clauses too. */
export function allClauses(text: string, opts: { spaces?: boolean } = {}): Span[] {
  const all = sentences(text).flatMap((s) => clauses(text, s));
  return opts.spaces ? all.flatMap((c) => split(text, c.start, c.end, HAN_SPACE)) : all;
}

/** The text with the given spans cut out, tidied of doubled or dangling punctuation. */
export function without(text: string, cut: Span[]): string {
  let out = '';
  let pos = 0;
  for (const c of [...cut].sort((a, b) => a.start - b.start)) {
    out += text.slice(pos, c.start);
    pos = Math.max(pos, c.end);
  }
  out += text.slice(pos);
  return out
    .replace(/\s*([，,、；;])\s*([。.!！?？])/g, '$2')
    .replace(/([，,、；;])\s*(?=[，,、；;])/g, '')
    .replace(/^[\s，,、；;。.]+/, '')
    .replace(/[\s，,、；;]+$/, '')
    .trim();
}
