// Chinese word segmentation of a note (jieba, through @node-rs/jieba's prebuilt binary), so the
// people finder can tell where words end: a name never cuts a word ("赵磊吃饭" is 赵磊 + 吃饭), never
// sits inside an organisation's name (北方路桥 holds no 方路桥) and is never a competitor (徐工).
// The note's own vocabulary — the account's contacts, its names, the competitor list — is placed
// first as fixed words, and only the text between them is cut by jieba; nothing is added to the
// shared dictionary, so one note's names never change how another note is read.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';

export type LexiconKind = 'person' | 'organisation' | 'competitor';

export interface LexiconWord {
  word: string;
  kind: LexiconKind;
}

export interface Token {
  word: string;
  start: number;
  end: number;
  /** jieba's part-of-speech tag (nr person, ns place, v verb, ...); 'x' for words it guessed or punctuation. */
  tag: string;
  /** Set for a word of the note's own vocabulary. */
  kind?: LexiconKind;
}

/**
 * Dictionary words rarer than this are left out: building the whole 349,000-word dictionary
 * costs ~360 ms, the 105,000 words kept ~85 ms (quiet machine), and rare words (mostly idioms and
 * names of places nobody writes in a note) barely change how a note is cut.
 */
const MIN_FREQUENCY = 10;

let instance: Jieba | undefined;

/**
 * jieba's dictionary without its rare words. Filtering the 5 MB file costs more than loading what
 * is left, so the result is kept beside the package (node_modules/.cache/kam, like the CLI bundle)
 * and read from there by later processes; when that folder cannot be written it is filtered anew.
 */
function dictionary(require: NodeRequire): Buffer {
  const source = require.resolve('@node-rs/jieba/dict.txt');
  const { version } = require('@node-rs/jieba/package.json') as { version: string };
  const cached = join(dirname(source), '..', '..', '.cache', 'kam', `jieba-${version}-min${MIN_FREQUENCY}.txt`);
  try {
    return readFileSync(cached);
  } catch {
    // not cached yet
  }
  const kept = readFileSync(source, 'utf8')
    .split('\n')
    .filter((l) => {
      const a = l.indexOf(' ');
      const b = l.indexOf(' ', a + 1);
      return a > 0 && Number(l.slice(a + 1, b > 0 ? b : undefined)) >= MIN_FREQUENCY;
    });
  const dict = Buffer.from(kept.join('\n') + '\n');
  try {
    mkdirSync(dirname(cached), { recursive: true });
    const tmp = `${cached}.${process.pid}.tmp`;
    writeFileSync(tmp, dict);
    renameSync(tmp, cached);
  } catch {
    // a read-only install filters on every first note
  }
  return dict;
}

function jieba(): Jieba {
  if (instance) return instance;
  const require = createRequire(import.meta.url);
  const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
  instance = Jieba.withDict(dictionary(require));
  return instance;
}

/** Loads the dictionary now (it loads on first use otherwise); for benchmarks and warm-up. */
export function loadSegmenter(): void {
  jieba();
}

const HAN = /[\u4e00-\u9fff]/;

/** Where each vocabulary word occurs, longest words first, never overlapping. */
function placeVocabulary(text: string, lexicon: LexiconWord[]): Token[] {
  const placed: Token[] = [];
  const words = [...new Map(lexicon.filter((w) => w.word.length >= 2 && HAN.test(w.word)).map((w) => [w.word, w])).values()].sort((a, b) => b.word.length - a.word.length);
  for (const w of words) {
    for (let at = text.indexOf(w.word); at >= 0; at = text.indexOf(w.word, at + 1)) {
      const end = at + w.word.length;
      if (placed.some((p) => at < p.end && end > p.start)) continue;
      placed.push({ word: w.word, start: at, end, tag: w.kind === 'person' ? 'nr' : w.kind === 'competitor' ? 'nz' : 'nt', kind: w.kind });
    }
  }
  return placed.sort((a, b) => a.start - b.start);
}

function cut(text: string, offset: number): Token[] {
  const out: Token[] = [];
  let pos = 0;
  for (const { word, tag } of jieba().tag(text, true)) {
    const at = text.indexOf(word, pos);
    if (at < 0) continue;
    out.push({ word, tag, start: offset + at, end: offset + at + word.length });
    pos = at + word.length;
  }
  return out;
}

/** The words of a text, in order, with the vocabulary words kept whole. */
export function segment(text: string, lexicon: LexiconWord[] = []): Token[] {
  if (!HAN.test(text)) return [];
  const fixed = placeVocabulary(text, lexicon);
  const out: Token[] = [];
  let pos = 0;
  for (const f of fixed) {
    if (f.start > pos) out.push(...cut(text.slice(pos, f.start), pos));
    out.push(f);
    pos = f.end;
  }
  if (pos < text.length) out.push(...cut(text.slice(pos), pos));
  return out;
}

/** What the people finder asks of the words around a candidate name. */
export class Words {
  constructor(readonly tokens: Token[]) {}

  /** A dictionary word of two or more Han characters that spans `at` (starts before it, ends after it). */
  private wordAcross(at: number): Token | undefined {
    return this.tokens.find((t) => t.start < at && t.end > at && t.end - t.start >= 2 && t.tag !== 'x' && HAN.test(t.word));
  }

  /**
   * Whether a person's name cannot stand at [start, end): it would cut a word of the dictionary
   * or the note's vocabulary in two, or it is (or lies in) an organisation or a competitor.
   */
  blocksName(start: number, end: number): boolean {
    if (!this.tokens.length) return false;
    if (this.tokens.some((t) => t.kind && t.kind !== 'person' && t.start < end && t.end > start)) return true;
    return !!(this.wordAcross(start) ?? this.wordAcross(end));
  }

  /** Whether a dictionary word other than a name starts at `start` within [start, end) (安装 in 安装队, 成效). */
  startsCommonWord(start: number, end: number): boolean {
    return this.tokens.some((t) => t.start === start && t.end <= end && t.end - t.start >= 2 && !t.kind && t.tag !== 'x' && !t.tag.startsWith('nr') && HAN.test(t.word));
  }

  /** Whether one of the note's organisation names (the account as written) ends exactly at `at`. */
  organisationEndsAt(at: number): boolean {
    return this.tokens.some((t) => t.kind === 'organisation' && t.end === at);
  }

  /** Whether a word of the text ends exactly at `at` (the next character starts a new word). */
  endsWordAt(at: number): boolean {
    return this.tokens.some((t) => t.end === at);
  }
}

/** No segmentation: every span is allowed (the finder then relies on its character rules alone). */
export const NO_WORDS = new Words([]);
