// Slack wire types: Events API envelopes, interactivity payloads and slash commands, with zod.
import { z } from 'zod';
import { optionalText } from '../shared/checks.ts';

export const urlVerificationSchema = z.object({ type: z.literal('url_verification'), challenge: z.string() });

export const eventCallbackSchema = z.looseObject({
  type: z.literal('event_callback'),
  event_id: z.string().min(1),
  team_id: optionalText,
  event: z.looseObject({ type: z.string() }),
});

export const blockActionsSchema = z.looseObject({
  type: z.literal('block_actions'),
  trigger_id: optionalText,
  user: z.looseObject({ id: z.string().min(1) }),
  actions: z.array(z.looseObject({ action_id: z.string(), value: optionalText, action_ts: optionalText })).min(1),
});

export const slashCommandSchema = z.looseObject({
  command: z.string().min(1),
  text: z.string().default(''),
  user_id: z.string().min(1),
  channel_id: z.string().min(1),
  trigger_id: optionalText,
  response_url: optionalText,
});

/**
 * Slack's own system user: it writes into a DM with the app (reminders, "Slackbot" notices);
 * those are not questions from a person.
 */
export const SLACK_SYSTEM_USERS = new Set(['USLACKBOT']);

/** The events our listeners read (app_mention and message). */
export const messageEventSchema = z.looseObject({
  type: z.string(),
  user: optionalText,
  bot_id: optionalText,
  subtype: optionalText,
  text: z
    .string()
    .nullish()
    .transform((v) => v ?? ''),
  channel: z.string().min(1),
  channel_type: optionalText,
  ts: z.string(),
  thread_ts: optionalText,
  files: z
    .array(z.unknown())
    .nullish()
    .transform((v) => v ?? undefined),
});
export type MessageEvent = z.infer<typeof messageEventSchema>;

/** The fields of a shared file we read for voice (api.slack.com/types/file): audio clips and uploads. */
export const sharedFileSchema = z.looseObject({
  id: z.string().optional(),
  mimetype: z.string().optional(),
  subtype: z.string().optional(),
  size: z.number().optional(),
  duration_ms: z.number().optional(),
  url_private: z.string().optional(),
  url_private_download: z.string().optional(),
});
export type SharedFile = z.infer<typeof sharedFileSchema>;

/** The first audio file of a message (a recorded clip or an uploaded audio file) that can be downloaded. */
export function audioFile(files: unknown[] | undefined): SharedFile | undefined {
  for (const f of files ?? []) {
    const file = sharedFileSchema.safeParse(f);
    if (!file.success) continue;
    const audio = file.data.mimetype?.startsWith('audio/') || file.data.subtype === 'slack_audio';
    if (audio && (file.data.url_private_download || file.data.url_private)) return file.data;
  }
  return undefined;
}

/** One chat.postMessage / chat.update payload (without channel). */
export interface SlackMessage {
  text: string;
  blocks: unknown[];
}
