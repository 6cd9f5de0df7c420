// Character encodings of imported CSV files. The format is UTF-8 (CONTRACT.md §4), but Excel's
// "CSV" on Chinese Windows saves GBK: `kam import --encoding gbk` reads such files (as GB18030, its
// superset), while a file that is valid UTF-8 is still read as UTF-8, so one folder may mix both.
// Bytes that do not decode become U+FFFD, which the importer reports with its line instead of
// storing garbled names.
import { createReadStream } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { UserInputError } from '../errors.ts';

export type CsvEncoding = 'utf-8' | 'gbk';

/** What csv-parse's decoder (and GB18030's) put where bytes do not decode. */
export const REPLACEMENT_CHAR = '\uFFFD';

/** `--encoding` names: utf-8 / utf8, and gbk with its relatives gb2312 and gb18030. */
export function parseEncoding(name: string): CsvEncoding {
  const n = name.trim().toLowerCase().replace(/[-_]/g, '');
  if (n === 'utf8') return 'utf-8';
  if (n === 'gbk' || n === 'gb2312' || n === 'gb18030') return 'gbk';
  throw new UserInputError(`unknown encoding "${name}" (expected utf-8 or gbk)`);
}

/** Whether the whole file is valid UTF-8 (ASCII included). */
export async function isUtf8File(path: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(path)) decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/** The file as a stream of UTF-8 bytes, decoded from `encoding`. */
export function utf8Stream(path: string, encoding: CsvEncoding): Readable {
  const bytes = createReadStream(path);
  if (encoding === 'utf-8') return bytes;
  const decoder = new TextDecoder('gb18030');
  return bytes.pipe(
    new Transform({
      transform(chunk: Buffer, _enc, done) {
        done(null, decoder.decode(chunk, { stream: true }));
      },
      flush(done) {
        done(null, decoder.decode());
      },
    }),
  );
}

/** The problem reported for the first cell holding undecodable bytes. */
export function undecodableCell(column: string, encoding: CsvEncoding): string {
  return encoding === 'utf-8'
    ? `"${column}" holds bytes that are not UTF-8 (shown as ${REPLACEMENT_CHAR}): the file looks saved in another encoding — Excel's "CSV" on Chinese Windows is GBK. Save it as "CSV UTF-8", or import with --encoding gbk`
    : `"${column}" holds bytes that are neither UTF-8 nor GBK (shown as ${REPLACEMENT_CHAR}): save the file as "CSV UTF-8"`;
}
