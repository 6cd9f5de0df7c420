// Splits long replies to a platform's size limit: between lines when possible, and inside an
// over-long line only between user-perceived characters (never through a UTF-8 sequence, a
// surrogate pair or an emoji cluster). Line breaks at a cut are dropped; nothing else is.
export type Measure = (s: string) => number;

export const utf8Bytes: Measure = (s) => Buffer.byteLength(s, 'utf8');
export const codePoints: Measure = (s) => [...s].length;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function splitLongLine(line: string, limit: number, measure: Measure): string[] {
  const out: string[] = [];
  let cur = '';
  for (const { segment } of graphemes.segment(line)) {
    if (cur && measure(cur + segment) > limit) {
      out.push(cur);
      cur = '';
    }
    cur += segment;
  }
  if (cur) out.push(cur);
  return out;
}

/** Parts each at most `limit` by `measure`, in order; joining them back loses only cut line breaks. */
export function splitText(text: string, limit: number, measure: Measure = codePoints): string[] {
  if (limit < 8) throw new RangeError('limit too small to split text');
  if (measure(text) <= limit) return text ? [text] : [];
  const parts: string[] = [];
  let cur: string | null = null;
  const flush = () => {
    if (cur !== null && cur !== '') parts.push(cur);
    cur = null;
  };
  for (const line of text.split('\n')) {
    const candidate: string = cur === null ? line : `${cur}\n${line}`;
    if (measure(candidate) <= limit) {
      cur = candidate;
      continue;
    }
    flush();
    if (measure(line) <= limit) {
      cur = line;
      continue;
    }
    const pieces = splitLongLine(line, limit, measure);
    parts.push(...pieces.slice(0, -1));
    cur = pieces[pieces.length - 1] ?? null;
  }
  flush();
  return parts;
}

/** Cuts a string to at most `limit` (by measure), adding an ellipsis when something was cut. */
export function truncate(s: string, limit: number, measure: Measure = codePoints): string {
  if (measure(s) <= limit) return s;
  let out = '';
  for (const { segment } of graphemes.segment(s)) {
    if (measure(`${out}${segment}…`) > limit) break;
    out += segment;
  }
  return `${out}…`;
}
