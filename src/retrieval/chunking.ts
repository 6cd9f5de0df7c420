// Splits source text into passages with @langchain/textsplitters, on boundaries that suit Chinese
// as well as English: paragraphs, lines, then sentence ends (。！？；and their ASCII forms), then
// clause commas. Sentence punctuation stays at the end of its sentence, where it belongs in Chinese.
import type { RecursiveCharacterTextSplitter as Splitter } from '@langchain/textsplitters';

/** Passages stay short: a visit note is usually one; long notes split at sentence ends. */
export const CHUNK_SIZE = 300;
export const CHUNK_OVERLAP = 40;

const SEPARATORS = ['\n\n', '\n', '。', '！', '？', '；', '!', '?', ';', '. ', '，', ',', ' ', ''];

let splitter: Promise<Splitter> | undefined;
/** The splitter, loaded on first use: most texts are short, and `kam ask` should not pay for it. */
function sentenceEndSplitter(): Promise<Splitter> {
  splitter ??= import('@langchain/textsplitters').then(({ RecursiveCharacterTextSplitter }) => {
    class SentenceEndSplitter extends RecursiveCharacterTextSplitter {
      // The stock splitter keeps a separator at the start of the next piece ("。下一句"); keep it at the end.
      override splitOnSeparator(text: string, separator: string): string[] {
        if (!separator) return text.split('');
        const escaped = separator.replace(/[/\-\\^$*+?.()|[\]{}]/g, '\\$&');
        return text.split(new RegExp(`(?<=${escaped})`)).filter((s) => s !== '');
      }
    }
    return new SentenceEndSplitter({ chunkSize: CHUNK_SIZE, chunkOverlap: CHUNK_OVERLAP, separators: SEPARATORS, keepSeparator: true });
  });
  return splitter;
}

/** The passages of one text; a text within the chunk size is its own single passage. */
export async function splitIntoPassages(text: string): Promise<string[]> {
  const clean = text.replace(/\r\n?/g, '\n').trim();
  if (!clean) return [];
  // Most notes are short: skip the splitter's async machinery for them (it matters at 1M rows).
  if (clean.length <= CHUNK_SIZE) return [clean];
  return (await sentenceEndSplitter()).splitText(clean);
}
