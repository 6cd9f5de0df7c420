// AMR-NB (WeCom voice, 8 kHz) in and out of 16-bit PCM, in process: the opencore-amr codec that
// benz-amr-recorder ships compiled to plain JavaScript (src/amrnb.js). That file is written as a
// browser worker (it answers `self.onmessage` with `self.postMessage`), so it runs once in its
// own vm context with a `self` of ours, and every call is a synchronous message to it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createContext, runInContext } from 'node:vm';

export const AMR_SAMPLE_RATE = 8000;
const AMR_MAGIC = '#!AMR\n';
/** Bytes of one 20 ms frame by frame type (AMR-NB storage format, RFC 4867 §5). */
const FRAME_BYTES = [13, 14, 16, 18, 20, 21, 27, 32, 6, 1, 1, 1, 1, 1, 1, 1];

interface Codec {
  call(msg: { command: 'decode'; buffer: Uint8Array } | { command: 'encode'; samples: Float32Array; sampleRate: number }): Uint8Array | Float32Array | null;
}

let codec: Codec | undefined;

function loadCodec(): Codec {
  if (codec) return codec;
  const require = createRequire(import.meta.url);
  const source = readFileSync(require.resolve('benz-amr-recorder/src/amrnb.js'), 'utf8');
  let answer: { amr: Uint8Array | Float32Array | null } | undefined;
  const self: { onmessage?: (e: { data: unknown }) => void; postMessage: (m: { amr: Uint8Array | Float32Array | null }) => void } = {
    postMessage: (m) => {
      answer = m;
    },
  };
  const sandbox = { module: { exports: undefined as unknown }, self, TextEncoder, console: { log() {}, warn() {}, error() {} } };
  createContext(sandbox);
  runInContext(`${source}\n;module.exports();`, sandbox, { filename: 'amrnb.js' });
  if (typeof self.onmessage !== 'function') throw new Error('the AMR codec did not start');
  const onmessage = self.onmessage;
  codec = {
    call(msg) {
      answer = undefined;
      onmessage({ data: msg });
      const got = answer as { amr: Uint8Array | Float32Array | null } | undefined;
      return got?.amr ?? null;
    },
  };
  return codec;
}

export function isAmr(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, AMR_MAGIC.length)).toString('latin1') === AMR_MAGIC;
}

/** Playing time of an AMR-NB file from its frame headers (20 ms each), without decoding. */
export function amrDurationMs(bytes: Uint8Array): number {
  let frames = 0;
  for (let at = AMR_MAGIC.length; at < bytes.length; frames++) at += FRAME_BYTES[(bytes[at] >> 3) & 15];
  return frames * 20;
}

/** Decodes AMR-NB to 16-bit mono PCM at 8 kHz; throws when the bytes are not AMR. */
export function decodeAmr(bytes: Uint8Array): Int16Array {
  if (!isAmr(bytes)) throw new Error('not an AMR-NB file (no #!AMR header)');
  const samples = loadCodec().call({ command: 'decode', buffer: new Uint8Array(bytes) });
  if (!samples || !(samples.length > 0)) throw new Error('the AMR file holds no audio');
  const pcm = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) pcm[i] = Math.max(-32768, Math.min(32767, Math.round((samples[i] as number) * 32768)));
  return pcm;
}

/** Encodes 16-bit mono PCM at 8 kHz as AMR-NB 12.2 kbit/s (tests and fixtures). */
export function encodeAmr(pcm: Int16Array): Buffer {
  const samples = new Float32Array(pcm.length);
  for (let i = 0; i < pcm.length; i++) samples[i] = pcm[i] / 32768;
  const out = loadCodec().call({ command: 'encode', samples, sampleRate: AMR_SAMPLE_RATE });
  if (!out) throw new Error('AMR encoding failed');
  return Buffer.from(out as Uint8Array);
}

/** A RIFF WAVE file of 16-bit mono PCM. */
export function wavFile(pcm: Int16Array, sampleRate: number): Buffer {
  const data = Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength);
  const head = Buffer.alloc(44);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(36 + data.length, 4);
  head.write('WAVEfmt ', 8, 'latin1');
  head.writeUInt32LE(16, 16);
  head.writeUInt16LE(1, 20); // PCM
  head.writeUInt16LE(1, 22); // mono
  head.writeUInt32LE(sampleRate, 24);
  head.writeUInt32LE(sampleRate * 2, 28);
  head.writeUInt16LE(2, 32);
  head.writeUInt16LE(16, 34);
  head.write('data', 36, 'latin1');
  head.writeUInt32LE(data.length, 40);
  return Buffer.concat([head, data]);
}
