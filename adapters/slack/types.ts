// Slack wire types: Events API envelopes, interactivity payloads and slash commands, with zod.
import { z } from 'zod';

export const urlVerificationSchema = z.object({ type: z.literal('url_verification'), challenge: z.string() });

export const eventCallbackSchema = z.looseObject({
  type: z.literal('event_callback'),
  event_id: z.string().min(1),
  team_id: z.string().optional(),
  event: z.looseObject({ type: z.string() }),
});

export const blockActionsSchema = z.looseObject({
  type: z.literal('block_actions'),
  trigger_id: z.string().optional(),
  user: z.looseObject({ id: z.string().min(1) }),
  actions: z.array(z.looseObject({ action_id: z.string(), value: z.string().optional(), action_ts: z.string().optional() })).min(1),
});

export const slashCommandSchema = z.looseObject({
  command: z.string().min(1),
  text: z.string().default(''),
  user_id: z.string().min(1),
  channel_id: z.string().min(1),
  trigger_id: z.string().optional(),
  response_url: z.string().optional(),
});

/** The events our listeners read (app_mention and message). */
export const messageEventSchema = z.looseObject({
  type: z.string(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  subtype: z.string().optional(),
  text: z.string().default(''),
  channel: z.string().min(1),
  channel_type: z.string().optional(),
  ts: z.string(),
  thread_ts: z.string().optional(),
  files: z.array(z.unknown()).optional(),
});
export type MessageEvent = z.infer<typeof messageEventSchema>;

/** One chat.postMessage / chat.update payload (without channel). */
export interface SlackMessage {
  text: string;
  blocks: unknown[];
}
