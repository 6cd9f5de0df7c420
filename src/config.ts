// The only reader of process.env: env → zod schema → typed Config. Bad values name the variable.
import { z } from 'zod';
import { ConfigError } from './errors.ts';

/** A boolean variable: true/false, 1/0, yes/no. */
const bool = (fallback: 'true' | 'false') =>
  z
    .string()
    .default(fallback)
    .transform((v, ctx) => {
      const s = v.trim().toLowerCase();
      if (!['true', 'false', '1', '0', 'yes', 'no'].includes(s)) {
        ctx.addIssue({ code: 'custom', message: 'must be true or false' });
        return z.NEVER;
      }
      return s === 'true' || s === '1' || s === 'yes';
    });

/** A whole-number variable within bounds. */
const int = (fallback: number, min: number, max: number) =>
  z
    .string()
    .default(String(fallback))
    .transform((v, ctx) => {
      const n = Number(v.trim());
      if (!/^\d+$/.test(v.trim()) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max}` });
        return z.NEVER;
      }
      return n;
    });

const optional = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const schema = z.object({
  // DATABASE_URL: postgres://user:pass@host:5432/db of a server with pgvector; unset = embedded PGlite
  DATABASE_URL: optional.refine((v) => !v || /^postgres(ql)?:\/\//.test(v), 'must start with postgres:// or postgresql://'),
  // KAM_DATA_DIR: folder of the embedded database
  KAM_DATA_DIR: z.string().default('./data'),
  // PORT / HOST: HTTP listen address
  PORT: int(3000, 0, 65535),
  HOST: z.string().min(1).default('127.0.0.1'),
  // KAM_TIMEZONE (or TZ): business time zone for dates in rules and replies
  KAM_TIMEZONE: optional.refine((v) => !v || validTimeZone(v), 'is not a known IANA time zone (e.g. Asia/Shanghai)'),
  TZ: optional,
  // KAM_LANG: default reply language
  KAM_LANG: z.enum(['zh', 'en']).default('zh'),
  // KAM_API_TOKEN: bearer token for /api/chat and the console; unset = loopback only
  KAM_API_TOKEN: optional,
  // KAM_ALLOWED_HOSTS: host names (comma-separated) served besides localhost / 127.0.0.1 / [::1] when KAM_API_TOKEN is unset
  KAM_ALLOWED_HOSTS: optional,
  // KAM_TRUST_PROXY: behind a reverse proxy, read the client address and https from X-Forwarded-For / -Proto
  KAM_TRUST_PROXY: bool('false'),
  // KAM_DEMO: load the bundled demo data into an empty embedded database on start
  KAM_DEMO: bool('true'),
  // OPENAI_*: any OpenAI-compatible endpoint (OpenAI, DeepSeek, Qwen, Ollama, vLLM ...)
  OPENAI_API_KEY: optional,
  OPENAI_BASE_URL: optional.refine((v) => !v || /^https?:\/\//.test(v), 'must be an http(s) URL'),
  KAM_LLM_MODEL: optional,
  KAM_EMBEDDING_MODEL: optional,
  KAM_LLM_TIMEOUT_MS: int(20000, 1, 600000),
  // KAM_TRANSCRIPTION_*: voice notes through an OpenAI-compatible /audio/transcriptions (e.g. whisper-1, a local whisper server);
  // base URL and key default to OPENAI_BASE_URL / OPENAI_API_KEY
  KAM_TRANSCRIPTION_MODEL: optional,
  KAM_TRANSCRIPTION_BASE_URL: optional.refine((v) => !v || /^https?:\/\//.test(v), 'must be an http(s) URL'),
  KAM_TRANSCRIPTION_API_KEY: optional,
  KAM_TRANSCRIPTION_TIMEOUT_MS: int(30000, 1, 600000),
  // KAM_REEMBED_BATCH / KAM_REEMBED_INTERVAL_MS: passages per background re-embedding batch (0 = the embedder's default) and how often kam start looks for work
  KAM_REEMBED_BATCH: int(0, 0, 100000),
  KAM_REEMBED_INTERVAL_MS: int(60000, 100, 86400000),
  // KAM_VECTOR_INDEX_MIN_ROWS: passages of one embedder from which a vector index is built
  KAM_VECTOR_INDEX_MIN_ROWS: int(20000, 1, 100000000),
  // Feishu / Lark app: developer console → Credentials & Basic Info, and Events & Callbacks → Encryption Strategy
  FEISHU_APP_ID: optional,
  FEISHU_APP_SECRET: optional,
  FEISHU_VERIFICATION_TOKEN: optional,
  FEISHU_ENCRYPT_KEY: optional,
  FEISHU_BASE_URL: z.string().url().default('https://open.feishu.cn'),
  FEISHU_MODE: z.enum(['webhook', 'ws']).default('webhook'),
  // WeCom self-built app: admin console → App Management → the app (AgentId, Secret) and "Receive Messages" (Token, EncodingAESKey)
  WECOM_CORP_ID: optional,
  WECOM_AGENT_ID: optional,
  WECOM_SECRET: optional,
  WECOM_TOKEN: optional,
  WECOM_ENCODING_AES_KEY: optional,
  WECOM_BASE_URL: z.string().url().default('https://qyapi.weixin.qq.com'),
  // Slack app: api.slack.com → OAuth & Permissions (bot token), Basic Information (signing secret, app-level token)
  SLACK_BOT_TOKEN: optional,
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional,
  SLACK_API_URL: z.string().url().default('https://slack.com/api/'),
  // DingTalk internal app: open-dev.dingtalk.com → the app → Credentials (Client ID = AppKey, Client Secret = AppSecret), Robot (RobotCode)
  DINGTALK_CLIENT_ID: optional,
  DINGTALK_CLIENT_SECRET: optional,
  DINGTALK_ROBOT_CODE: optional,
  DINGTALK_API_URL: z.string().url().default('https://api.dingtalk.com'),
  // DINGTALK_OAPI_URL: the older API host, where pictures are uploaded (media/upload)
  DINGTALK_OAPI_URL: z.string().url().default('https://oapi.dingtalk.com'),
  DINGTALK_MODE: z.enum(['stream', 'webhook']).default('stream'),
  // KAM_PLATFORM_TIMEOUT_MS: deadline of every Feishu, WeCom, Slack and DingTalk API call; an answer whose call runs out is parked in the outbox
  KAM_PLATFORM_TIMEOUT_MS: int(10000, 100, 600000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  databaseUrl?: string;
  dataDir: string;
  port: number;
  host: string;
  timeZone: string;
  lang: 'zh' | 'en';
  apiToken?: string;
  /** Host names served in token-less mode besides the loopback ones (lower-case). */
  allowedHosts: string[];
  /** Client address and protocol come from X-Forwarded-* (a reverse proxy in front). */
  trustProxy: boolean;
  demo: boolean;
  logLevel: string;
  /** Deadline of each messaging-platform API call, ms. */
  platformTimeoutMs: number;
  llm?: { apiKey?: string; baseUrl?: string; model: string; embeddingModel?: string; timeoutMs: number };
  embeddingModel?: string;
  /** Speech to text for voice notes (KAM_TRANSCRIPTION_MODEL set). */
  transcription?: { model: string; baseUrl?: string; apiKey?: string; timeoutMs: number };
  /** Background re-embedding: batch size (0 = the embedder's default), tick interval, index threshold. */
  reembed: { batchSize: number; intervalMs: number; indexMinRows: number };
  feishu?: { appId: string; appSecret: string; verificationToken?: string; encryptKey?: string; baseUrl: string; mode: 'webhook' | 'ws' };
  wecom?: { corpId: string; agentId: string; secret: string; token: string; encodingAesKey: string; baseUrl: string };
  slack?: { botToken: string; signingSecret: string; appToken?: string; apiUrl: string };
  dingtalk?: { clientId: string; clientSecret: string; robotCode: string; apiUrl: string; oapiUrl?: string; mode: 'stream' | 'webhook' };
}

type Env = Record<string, string | undefined>;

/** Returns the platform's settings when complete, undefined when none set, and throws naming what is missing otherwise. */
function platform<K extends string>(env: Env, name: string, required: K[], optionalKeys: string[] = []): Record<K, string> | undefined {
  const set = [...required, ...optionalKeys].filter((k) => env[k] && env[k]!.trim() !== '');
  if (!set.length) return undefined;
  const missing = required.filter((k) => !env[k] || env[k]!.trim() === '');
  if (missing.length) throw new ConfigError(`${name} is partly configured: ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing (set ${required.join(', ')})`);
  return Object.fromEntries(required.map((k) => [k, env[k]!.trim()])) as Record<K, string>;
}

export function loadConfig(env: Env = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0] ?? 'environment');
    throw new ConfigError(`${name}=${JSON.stringify(env[name] ?? '')} is invalid: ${issue.message}`);
  }
  const e = parsed.data;
  const tz = e.KAM_TIMEZONE ?? (e.TZ && validTimeZone(e.TZ.replace(/^:/, '')) ? e.TZ.replace(/^:/, '') : undefined) ?? 'Asia/Shanghai';
  if (e.WECOM_ENCODING_AES_KEY && e.WECOM_ENCODING_AES_KEY.length !== 43) {
    throw new ConfigError('WECOM_ENCODING_AES_KEY must be the 43-character EncodingAESKey from the app\'s "Receive Messages" settings');
  }
  const feishu = platform(env, 'Feishu', ['FEISHU_APP_ID', 'FEISHU_APP_SECRET'], ['FEISHU_VERIFICATION_TOKEN', 'FEISHU_ENCRYPT_KEY']);
  const wecom = platform(env, 'WeCom', ['WECOM_CORP_ID', 'WECOM_AGENT_ID', 'WECOM_SECRET', 'WECOM_TOKEN', 'WECOM_ENCODING_AES_KEY']);
  const slack = platform(env, 'Slack', ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET'], ['SLACK_APP_TOKEN']);
  const dingtalk = platform(env, 'DingTalk', ['DINGTALK_CLIENT_ID', 'DINGTALK_CLIENT_SECRET'], ['DINGTALK_ROBOT_CODE']);
  if (feishu && e.FEISHU_MODE === 'webhook' && !e.FEISHU_VERIFICATION_TOKEN && !e.FEISHU_ENCRYPT_KEY) {
    throw new ConfigError('Feishu webhook mode needs FEISHU_VERIFICATION_TOKEN or FEISHU_ENCRYPT_KEY to check callbacks (or set FEISHU_MODE=ws)');
  }
  const llmOn = e.OPENAI_API_KEY || e.OPENAI_BASE_URL;
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: e.KAM_DATA_DIR,
    port: e.PORT,
    host: e.HOST,
    timeZone: tz,
    lang: e.KAM_LANG,
    apiToken: e.KAM_API_TOKEN,
    allowedHosts: (e.KAM_ALLOWED_HOSTS ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase().replace(/^\[|\]$/g, ''))
      .filter(Boolean),
    trustProxy: e.KAM_TRUST_PROXY,
    demo: e.KAM_DEMO,
    logLevel: e.LOG_LEVEL,
    platformTimeoutMs: e.KAM_PLATFORM_TIMEOUT_MS,
    llm: llmOn
      ? { apiKey: e.OPENAI_API_KEY, baseUrl: e.OPENAI_BASE_URL, model: e.KAM_LLM_MODEL ?? 'gpt-4o-mini', embeddingModel: e.KAM_EMBEDDING_MODEL, timeoutMs: e.KAM_LLM_TIMEOUT_MS }
      : undefined,
    embeddingModel: e.KAM_EMBEDDING_MODEL,
    transcription: e.KAM_TRANSCRIPTION_MODEL
      ? {
          model: e.KAM_TRANSCRIPTION_MODEL,
          baseUrl: e.KAM_TRANSCRIPTION_BASE_URL ?? e.OPENAI_BASE_URL,
          apiKey: e.KAM_TRANSCRIPTION_API_KEY ?? e.OPENAI_API_KEY,
          timeoutMs: e.KAM_TRANSCRIPTION_TIMEOUT_MS,
        }
      : undefined,
    reembed: { batchSize: e.KAM_REEMBED_BATCH, intervalMs: e.KAM_REEMBED_INTERVAL_MS, indexMinRows: e.KAM_VECTOR_INDEX_MIN_ROWS },
    feishu: feishu && {
      appId: feishu.FEISHU_APP_ID,
      appSecret: feishu.FEISHU_APP_SECRET,
      verificationToken: e.FEISHU_VERIFICATION_TOKEN,
      encryptKey: e.FEISHU_ENCRYPT_KEY,
      baseUrl: e.FEISHU_BASE_URL,
      mode: e.FEISHU_MODE,
    },
    wecom: wecom && {
      corpId: wecom.WECOM_CORP_ID,
      agentId: wecom.WECOM_AGENT_ID,
      secret: wecom.WECOM_SECRET,
      token: wecom.WECOM_TOKEN,
      encodingAesKey: wecom.WECOM_ENCODING_AES_KEY,
      baseUrl: e.WECOM_BASE_URL,
    },
    slack: slack && { botToken: slack.SLACK_BOT_TOKEN, signingSecret: slack.SLACK_SIGNING_SECRET, appToken: e.SLACK_APP_TOKEN, apiUrl: e.SLACK_API_URL },
    dingtalk: dingtalk && {
      clientId: dingtalk.DINGTALK_CLIENT_ID,
      clientSecret: dingtalk.DINGTALK_CLIENT_SECRET,
      // An internal app's robot code is its Client ID unless the console shows another.
      robotCode: e.DINGTALK_ROBOT_CODE?.trim() || dingtalk.DINGTALK_CLIENT_ID,
      apiUrl: e.DINGTALK_API_URL,
      oapiUrl: e.DINGTALK_OAPI_URL,
      mode: e.DINGTALK_MODE,
    },
  };
}
