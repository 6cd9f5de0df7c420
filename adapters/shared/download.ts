// Reading a downloaded file's body with a size cap: a file over the cap is refused as soon as
// the cap is passed (or up front when Content-Length says so), never read whole into memory.
import type { Logger } from 'pino';
import { platformError } from './errors.ts';

export async function readCapped(res: Response, maxBytes: number, log: Logger, platform: string, call: string): Promise<Buffer> {
  const tooLarge = () => platformError(log, platform, call, 'too_large', `file over ${maxBytes} bytes`, false);
  if (Number(res.headers.get('content-length') ?? 0) > maxBytes) {
    await res.body?.cancel();
    throw tooLarge();
  }
  if (!res.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}
