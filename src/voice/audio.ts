// What a downloaded voice message is, from its first bytes (platforms name formats loosely), and
// how long it plays where the container says so without decoding.
import { amrDurationMs, isAmr } from './amr.ts';

export type AudioFormat = 'amr' | 'ogg' | 'wav' | 'mp3' | 'm4a' | 'webm' | 'unknown';

export function sniffAudio(bytes: Uint8Array): AudioFormat {
  const head = Buffer.from(bytes.subarray(0, 12));
  if (isAmr(bytes)) return 'amr';
  if (head.toString('latin1', 0, 4) === 'OggS') return 'ogg';
  if (head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WAVE') return 'wav';
  if (head.toString('latin1', 0, 3) === 'ID3' || (head[0] === 0xff && (head[1] & 0xe0) === 0xe0)) return 'mp3';
  if (head.toString('latin1', 4, 8) === 'ftyp') return 'm4a';
  if (head.readUInt32BE(0) === 0x1a45dfa3) return 'webm';
  return 'unknown';
}

/** The file name and type an OpenAI-compatible endpoint recognises the upload by. */
export function uploadName(format: Exclude<AudioFormat, 'amr' | 'unknown'>): { name: string; type: string } {
  const types = { ogg: 'audio/ogg', wav: 'audio/wav', mp3: 'audio/mpeg', m4a: 'audio/mp4', webm: 'audio/webm' } as const;
  return { name: `voice.${format}`, type: types[format] };
}

/** Ogg Opus: the last page's granule position, less the pre-skip, at 48 kHz. */
function oggDurationMs(bytes: Uint8Array): number | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const last = buf.lastIndexOf('OggS', buf.length - 27, 'latin1');
  if (last < 0) return undefined;
  const granule = Number(buf.readBigUInt64LE(last + 6));
  const head = buf.indexOf('OpusHead', 0, 'latin1');
  if (head < 0) return undefined;
  const preSkip = buf.readUInt16LE(head + 10);
  return Math.max(0, Math.round(((granule - preSkip) / 48000) * 1000));
}

function wavDurationMs(bytes: Uint8Array): number | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const data = buf.indexOf('data', 12, 'latin1');
  const byteRate = buf.readUInt32LE(28);
  if (data < 0 || !byteRate) return undefined;
  return Math.round(((buf.length - data - 8) / byteRate) * 1000);
}

/** Playing time when the container tells it (AMR, Ogg Opus, WAV); undefined otherwise. */
export function audioDurationMs(bytes: Uint8Array, format = sniffAudio(bytes)): number | undefined {
  try {
    if (format === 'amr') return amrDurationMs(bytes);
    if (format === 'ogg') return oggDurationMs(bytes);
    if (format === 'wav') return wavDurationMs(bytes);
  } catch {
    return undefined;
  }
  return undefined;
}
