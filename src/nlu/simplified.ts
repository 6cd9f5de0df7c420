// Traditional characters read as simplified ones (華瑞集團 → 华瑞集团, 什麼 → 什么), so names, contacts and
// question words match whatever script the user types in. The conversion is OpenCC's (opencc-js),
// loaded only for a text holding a character outside GB2312, the simplified set every mainland
// name is written in: most messages never pay for the converter's dictionaries.
import { createRequire } from 'node:module';

let gb2312: Set<string> | undefined;
/** The 6,763 Han characters (and a few symbols) of GB2312, decoded from its code table once. */
function simplifiedSet(): Set<string> {
  if (!gb2312) {
    const bytes: number[] = [];
    for (let hi = 0xb0; hi <= 0xf7; hi++) for (let lo = 0xa1; lo <= 0xfe; lo++) bytes.push(hi, lo);
    gb2312 = new Set(new TextDecoder('gbk').decode(new Uint8Array(bytes)));
  }
  return gb2312;
}

type Convert = (text: string) => string;
let convert: Convert | undefined;
function converter(): Convert {
  convert ??= (createRequire(import.meta.url)('opencc-js/t2cn') as { Converter(o: { from: string; to: string }): Convert }).Converter({ from: 't', to: 'cn' });
  return convert;
}

const HAN = /[\u3400-\u9fff]/g;

/** The text with traditional characters converted to simplified; unchanged when there are none. */
export function toSimplified(text: string): string {
  const han = text.match(HAN);
  if (!han) return text;
  const known = simplifiedSet();
  if (han.every((ch) => known.has(ch))) return text;
  return converter()(text);
}
