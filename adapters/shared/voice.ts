// Voice notes, the same on every platform: the platform's own recognition when it sent one, else
// the media downloaded through the platform's API and transcribed; the text is then answered
// exactly as if typed, and the answer opens with the transcript so a mishearing can be fixed.
import type { Logger } from 'pino';
import { fill, t, type Lang } from '../../prompts/index.ts';
import { voiceTexts } from '../../prompts/voice.ts';
import type { InboundMessage, Reply } from '../../src/chat/types.ts';
import { PlatformError } from '../../src/errors.ts';
import type { MessageHandler } from '../../src/chat/webhook.ts';
import { audioDurationMs } from '../../src/voice/audio.ts';
import { TranscriptionError, type Transcriber } from '../../src/voice/transcribe.ts';
import { answer } from './answer.ts';

/** Longest voice message transcribed (WeCom and WeChat cap recordings at 60 s as well). */
export const VOICE_MAX_SECONDS = 60;
/** Largest voice file downloaded or uploaded for transcription. */
export const VOICE_MAX_BYTES = 10 * 1024 * 1024;

export interface VoiceMessage {
  /** Text the platform recognised itself (WeCom `Recognition`, DingTalk `recognition`). */
  recognition?: string;
  /** Playing time the platform reports, ms. */
  durationMs?: number;
  /** File size the platform reports before the download. */
  sizeBytes?: number;
  /** Fetches the audio through the platform's API (throws when it cannot). */
  download(): Promise<Buffer>;
}

type VoiceText = { ok: true; text: string } | { ok: false; reply: Reply };

const say = (lang: Lang, key: keyof typeof voiceTexts, vars?: Record<string, string | number>): VoiceText => ({
  ok: false,
  reply: { lang, text: t(voiceTexts, key, lang, vars) },
});

function tooLong(lang: Lang, ms: number): VoiceText | undefined {
  return ms > VOICE_MAX_SECONDS * 1000 ? say(lang, 'tooLong', { seconds: Math.round(ms / 1000), max: VOICE_MAX_SECONDS }) : undefined;
}

function tooLarge(lang: Lang, bytes: number): VoiceText | undefined {
  const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
  return bytes > VOICE_MAX_BYTES ? say(lang, 'tooLarge', { mb: mb(bytes), max: mb(VOICE_MAX_BYTES) }) : undefined;
}

/** The voice message's text, or the reply that says why there is none. */
export async function voiceToText(voice: VoiceMessage, transcriber: Transcriber | undefined, lang: Lang, log: Logger): Promise<VoiceText> {
  const recognised = voice.recognition?.trim();
  if (voice.durationMs !== undefined) {
    const long = tooLong(lang, voice.durationMs);
    if (long) return long;
  }
  if (recognised) return { ok: true, text: recognised };
  if (!transcriber) return say(lang, 'notConfigured');
  if (voice.sizeBytes !== undefined) {
    const large = tooLarge(lang, voice.sizeBytes);
    if (large) return large;
  }
  let audio: Buffer;
  try {
    audio = await voice.download();
  } catch (err) {
    // The platform APIs stop reading past VOICE_MAX_BYTES (code too_large).
    if (err instanceof PlatformError && err.code === 'too_large') return say(lang, 'tooLargeFile', { max: Math.round(VOICE_MAX_BYTES / 1024 / 1024) });
    log.warn({ err }, 'voice message download failed');
    return say(lang, 'downloadFailed');
  }
  const large = tooLarge(lang, audio.length);
  if (large) return large;
  const played = audioDurationMs(audio);
  const long = played !== undefined ? tooLong(lang, played) : undefined;
  if (long) return long;
  let text: string;
  try {
    text = await transcriber.transcribe(audio);
  } catch (err) {
    log.warn({ err, bytes: audio.length }, 'voice message transcription failed');
    return say(lang, err instanceof TranscriptionError && err.kind === 'format' ? 'unreadable' : 'failed');
  }
  if (!text.trim()) return say(lang, 'empty');
  return { ok: true, text: text.trim() };
}

/** The answer with the transcript above everything else (below the title, which renderers show as a heading). */
export function withTranscript(reply: Reply, transcript: string): Reply {
  const line = fill(voiceTexts.transcript[reply.lang], { text: transcript });
  return { ...reply, text: `${line}\n\n${reply.text}`, data: reply.data };
}

/** Answers a voice message: its text through the engine as if typed, the transcript shown first. */
export async function answerVoice(
  handler: MessageHandler,
  msg: Omit<InboundMessage, 'text'>,
  voice: VoiceMessage,
  transcriber: Transcriber | undefined,
  lang: Lang,
  log: Logger,
): Promise<Reply> {
  const heard = await voiceToText(voice, transcriber, lang, log);
  if (!heard.ok) return heard.reply;
  const reply = await answer(handler, { ...msg, text: heard.text }, lang, log);
  return withTranscript(reply, heard.text);
}
