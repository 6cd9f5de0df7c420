// Wording of voice notes: the transcript shown above the answer, and what is said when a voice
// message cannot be turned into text.
import type { Texts } from './index.ts';

export const voiceTexts = {
  transcript: {
    zh: '🎙️ 语音转写：「{text}」（识别有误可点「编辑」修改）',
    en: '🎙️ Voice transcript: "{text}" (if it misheard you, fix it with Edit)',
  },
  notConfigured: {
    zh: '收到语音，但还没有配置语音转写。管理员可设置 KAM_TRANSCRIPTION_MODEL（如 whisper-1），以及 KAM_TRANSCRIPTION_BASE_URL / KAM_TRANSCRIPTION_API_KEY 指向任一 OpenAI 兼容的 /audio/transcriptions 服务（默认沿用 OPENAI_BASE_URL / OPENAI_API_KEY），或在企业微信应用里开启语音识别。在此之前请直接打字告诉我。',
    en: 'I got your voice message, but speech-to-text is not set up. An admin can set KAM_TRANSCRIPTION_MODEL (e.g. whisper-1), plus KAM_TRANSCRIPTION_BASE_URL / KAM_TRANSCRIPTION_API_KEY for any OpenAI-compatible /audio/transcriptions service (OPENAI_BASE_URL / OPENAI_API_KEY by default), or turn on the platform\'s voice recognition. Until then, please type your message.',
  },
  tooLong: {
    zh: '这条语音有 {seconds} 秒，超过了 {max} 秒的上限。请分成几条短语音，或直接打字。',
    en: 'That voice message is {seconds} s long, over the {max} s limit. Please split it into shorter messages or type it.',
  },
  tooLarge: {
    zh: '这条语音文件太大（{mb} MB，上限 {max} MB），无法转写。请录短一点，或直接打字。',
    en: 'That voice file is too large to transcribe ({mb} MB, limit {max} MB). Please record a shorter one or type it.',
  },
  tooLargeFile: {
    zh: '这条语音文件超过了 {max} MB 的上限，无法转写。请录短一点，或直接打字。',
    en: 'That voice file is over the {max} MB limit and cannot be transcribed. Please record a shorter one or type it.',
  },
  downloadFailed: {
    zh: '没能从平台下载这条语音，请稍后重发，或直接打字。',
    en: 'I could not download that voice message from the platform. Please send it again in a moment, or type it.',
  },
  unreadable: {
    zh: '这条语音的格式无法识别，没能转写。请重新录制，或直接打字。',
    en: 'I could not read the format of that voice message. Please record it again, or type it.',
  },
  failed: {
    zh: '语音转写服务暂时出错了，没能听懂这条语音。请稍后再试，或直接打字。',
    en: 'The speech-to-text service failed on that voice message. Please try again later, or type it.',
  },
  empty: {
    zh: '这条语音里没有听到说话内容，请再录一次，或直接打字。',
    en: 'I heard no speech in that voice message. Please record it again, or type it.',
  },
} satisfies Texts;
