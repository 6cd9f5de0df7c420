// Reading WeCom's XML packets. Nothing here backtracks: the signed Encrypt element is found with
// plain index scans (so the signature is checked before any parsing), and whole packets are read
// by fast-xml-parser, which is linear in the input, with entity expansion off (no DOCTYPE
// entities; only the five predefined ones are decoded, in plain text nodes).
import { XMLParser } from 'fast-xml-parser';

const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  trimValues: false,
  cdataPropName: '#cdata',
});

const OPEN = '<Encrypt>';
const CDATA = '<![CDATA[';

/**
 * The text of the first <Encrypt> element, exactly as it is signed, or undefined when the body
 * has none. Runs in time linear in the body whatever it holds.
 */
export function encryptElement(xml: string): string | undefined {
  const open = xml.indexOf(OPEN);
  if (open < 0) return undefined;
  let start = open + OPEN.length;
  while (start < xml.length && isSpace(xml.charCodeAt(start))) start++;
  if (xml.startsWith(CDATA, start)) {
    const from = start + CDATA.length;
    const end = xml.indexOf(']]>', from);
    return end < 0 ? undefined : xml.slice(from, end);
  }
  const end = xml.indexOf('</Encrypt>', start);
  return end < 0 ? undefined : xml.slice(start, end).trim();
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/**
 * The flat elements of a WeCom packet's root as a record (WeCom packets are one level deep apart
 * from details we do not use, which are left out). CDATA is kept verbatim; plain text is trimmed
 * and its predefined entities decoded. A repeated element keeps its first value. Throws on XML
 * that cannot be read.
 */
export function parseFlatXml(xml: string): Record<string, string> {
  const doc = parser.parse(xml) as Record<string, unknown>;
  const root = doc.xml;
  const out: Record<string, string> = {};
  if (!root || typeof root !== 'object') return out;
  for (const [name, raw] of Object.entries(root as Record<string, unknown>)) {
    if (name.startsWith('#')) continue;
    const value = textOf(Array.isArray(raw) ? raw[0] : raw);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

function textOf(node: unknown): string | undefined {
  if (typeof node === 'string') return decodeEntities(node.trim());
  if (!node || typeof node !== 'object') return undefined;
  const { '#cdata': cdata, ...rest } = node as Record<string, unknown>;
  if (cdata === undefined || Object.keys(rest).some((k) => k !== '#text')) return undefined;
  return Array.isArray(cdata) ? cdata.join('') : String(cdata);
}

function decodeEntities(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e]!);
}
