// Feishu / Lark wire types (event subscription v2 and card callbacks), validated with zod.
import { z } from 'zod';

export const encryptedBodySchema = z.object({ encrypt: z.string().min(1) });

export const urlVerificationSchema = z.object({
  type: z.literal('url_verification'),
  challenge: z.string(),
  token: z.string().optional(),
});

export const eventEnvelopeSchema = z.object({
  schema: z.literal('2.0'),
  header: z.looseObject({
    event_id: z.string().min(1),
    event_type: z.string().min(1),
    token: z.string().optional(),
    create_time: z.string().optional(),
    app_id: z.string().optional(),
  }),
  event: z.unknown(),
});
export type EventEnvelope = z.infer<typeof eventEnvelopeSchema>;

const mentionSchema = z.looseObject({
  key: z.string(),
  id: z.looseObject({ open_id: z.string().optional(), user_id: z.string().optional() }),
  name: z.string().optional(),
});

export const messageReceiveSchema = z.looseObject({
  sender: z.looseObject({
    sender_id: z.looseObject({ open_id: z.string().min(1) }),
    sender_type: z.string().optional(),
  }),
  message: z.looseObject({
    message_id: z.string().min(1),
    chat_id: z.string().min(1),
    chat_type: z.string(),
    message_type: z.string(),
    /** A JSON string, e.g. {"text":"@_user_1 hello"}. */
    content: z.string(),
    mentions: z.array(mentionSchema).optional(),
  }),
});
export type MessageReceive = z.infer<typeof messageReceiveSchema>;
export type Mention = z.infer<typeof mentionSchema>;

export const cardActionSchema = z.looseObject({
  operator: z.looseObject({ open_id: z.string().min(1) }),
  action: z.looseObject({
    value: z.union([z.record(z.string(), z.unknown()), z.string()]).optional(),
    tag: z.string().optional(),
  }),
  context: z.looseObject({ open_message_id: z.string().optional(), open_chat_id: z.string().optional() }).optional(),
});
export type CardAction = z.infer<typeof cardActionSchema>;

/** Answer to card.action.trigger: a toast and/or the card that replaces the clicked one. */
export interface CardActionResponse {
  toast?: { type: 'success' | 'info' | 'warning' | 'error'; content: string };
  card?: { type: 'raw'; data: FeishuCard };
}

/** Interactive card (message card JSON 1.0). */
export interface FeishuCard {
  config: { wide_screen_mode: boolean; update_multi: boolean };
  header?: { title: { tag: 'plain_text'; content: string }; template: string };
  elements: unknown[];
}

export const API_RESULT = z.looseObject({ code: z.number(), msg: z.string().optional(), data: z.unknown().optional() });
