// Speech to text through any OpenAI-compatible POST {base}/audio/transcriptions (OpenAI, a local
// whisper server, vLLM ...). Formats such endpoints do not take (AMR, WeCom's voice) are decoded
// in process and sent as WAV.
import type { Config } from '../config.ts';
import { AMR_SAMPLE_RATE, decodeAmr, wavFile } from './amr.ts';
import { sniffAudio, uploadName } from './audio.ts';

export interface Transcriber {
  /** The spoken text; throws TranscriptionError when the endpoint or the audio fails. */
  transcribe(audio: Buffer, opts?: { lang?: 'zh' | 'en' }): Promise<string>;
}

export class TranscriptionError extends Error {
  constructor(
    message: string,
    readonly kind: 'format' | 'endpoint',
  ) {
    super(message);
    this.name = 'TranscriptionError';
  }
}

/** The audio as the endpoint takes it: a file name, a type and the bytes. */
export function uploadableAudio(audio: Buffer): { name: string; type: string; bytes: Buffer } {
  const format = sniffAudio(audio);
  if (format === 'amr') {
    let pcm: Int16Array;
    try {
      pcm = decodeAmr(audio);
    } catch (err) {
      throw new TranscriptionError(`AMR audio could not be decoded: ${(err as Error).message}`, 'format');
    }
    return { name: 'voice.wav', type: 'audio/wav', bytes: wavFile(pcm, AMR_SAMPLE_RATE) };
  }
  if (format === 'unknown') throw new TranscriptionError('the audio is in a format we do not recognise', 'format');
  return { ...uploadName(format), bytes: audio };
}

export class OpenAiTranscriber implements Transcriber {
  constructor(private readonly cfg: NonNullable<Config['transcription']>) {}

  async transcribe(audio: Buffer, opts: { lang?: 'zh' | 'en' } = {}): Promise<string> {
    const file = uploadableAudio(audio);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
    form.append('model', this.cfg.model);
    form.append('response_format', 'json');
    if (opts.lang) form.append('language', opts.lang);
    const base = (this.cfg.baseUrl ?? 'https://api.openai.com/v1').replace(/\/+$/, '');
    let res: Response;
    try {
      res = await fetch(`${base}/audio/transcriptions`, {
        method: 'POST',
        headers: this.cfg.apiKey ? { authorization: `Bearer ${this.cfg.apiKey}` } : {},
        body: form,
        signal: AbortSignal.timeout(this.cfg.timeoutMs),
      });
    } catch (err) {
      throw new TranscriptionError(`transcription endpoint unreachable: ${(err as Error).message}`, 'endpoint');
    }
    const body = await res.text();
    if (!res.ok) throw new TranscriptionError(`transcription endpoint answered ${res.status}: ${body.slice(0, 200)}`, 'endpoint');
    let text: unknown;
    try {
      text = (JSON.parse(body) as { text?: unknown }).text;
    } catch {
      text = body;
    }
    if (typeof text !== 'string') throw new TranscriptionError('transcription endpoint answered without text', 'endpoint');
    return text.trim();
  }
}

/** The configured transcriber, or undefined when KAM_TRANSCRIPTION_MODEL is unset. */
export function transcriberFor(config: Config): Transcriber | undefined {
  return config.transcription ? new OpenAiTranscriber(config.transcription) : undefined;
}
