// Feishu / Lark wire types (event subscription v2 and card callbacks), validated with zod.
import { z } from 'zod';
import { optionalText } from '../shared/checks.ts';

export const encryptedBodySchema = z.object({ encrypt: z.string().min(1) });

export const urlVerificationSchema = z.object({
  type: z.literal('url_verification'),
  challenge: z.string(),
  token: optionalText,
});

export const eventEnvelopeSchema = z.object({
  schema: z.literal('2.0'),
  header: z.looseObject({
    event_id: z.string().min(1),
    event_type: z.string().min(1),
    token: optionalText,
    create_time: optionalText,
    app_id: optionalText,
  }),
  event: z.unknown(),
});
export type EventEnvelope = z.infer<typeof eventEnvelopeSchema>;

// Feishu sends null for ids the app may not read (user_id without the employee-id scope, union_id)
// and for absent names: every optional field takes null as "not given".
const mentionSchema = z.looseObject({
  key: z.string(),
  id: z.looseObject({ open_id: optionalText, user_id: optionalText, union_id: optionalText }),
  name: optionalText,
});

export const messageReceiveSchema = z.looseObject({
  sender: z.looseObject({
    sender_id: z.looseObject({ open_id: z.string().min(1), user_id: optionalText, union_id: optionalText }),
    sender_type: optionalText,
  }),
  message: z.looseObject({
    message_id: z.string().min(1),
    chat_id: z.string().min(1),
    chat_type: z.string(),
    message_type: z.string(),
    /** A JSON string, e.g. {"text":"@_user_1 hello"}. */
    content: z.string(),
    mentions: z
      .array(mentionSchema)
      .nullish()
      .transform((v) => v ?? undefined),
  }),
});
export type MessageReceive = z.infer<typeof messageReceiveSchema>;
export type Mention = z.infer<typeof mentionSchema>;

export const cardActionSchema = z.looseObject({
  operator: z.looseObject({ open_id: z.string().min(1) }),
  action: z.looseObject({
    value: z
      .union([z.record(z.string(), z.unknown()), z.string()])
      .nullish()
      .transform((v) => v ?? undefined),
    tag: optionalText,
  }),
  context: z
    .looseObject({ open_message_id: optionalText, open_chat_id: optionalText })
    .nullish()
    .transform((v) => v ?? undefined),
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
