// DingTalk wire types: robot messages (Stream topic /v1.0/im/bot/messages/get, or the HTTP
// callback body), card button callbacks (topic /v1.0/card/instances/callback), and the
// StandardCard data our replies render to. Validated with zod; fields absent or null on real
// payloads are optional here.
//
// Sources (checked 2026-12-03):
// - Robot message fields and types: open-dingtalk/dingtalk-stream-sdk-go chatbot/model.go
//   (BotCallbackDataModel: conversationId, atUsers [{dingtalkId, staffId}], chatbotCorpId,
//   chatbotUserId, msgId, senderNick, isAdmin, senderStaffId, sessionWebhookExpiredTime, createAt,
//   senderCorpId, conversationType, senderId, conversationTitle, isInAtList, sessionWebhook, text,
//   robotCode, msgtype, content); open-dingtalk/dingtalk-stream-sdk-python dingtalk_stream/chatbot.py
//   (msgtype text → text.content, picture → content.downloadCode, richText → content.richText, a list
//   of {text} and {downloadCode} items; it reads sessionWebhookExpiredTime with int(), i.e. it may be
//   text); the receive-message doc (open.dingtalk.com/document/orgapp/receive-message, copy at
//   kk.hackerjk.top/study/72.html) types createAt "String" in its table while its sample shows a
//   number, so both are taken. conversationType is "1" (one-to-one) or "2" (group), as text.
// - Audio content {duration (ms, "may be absent"), downloadCode, recognition}: the DingTalk doc as
//   transcribed in Yancy1028/Jusoft.DingtalkStream Robot/ReceivedRobotMessage.AudioContent.cs.
// - Card callback {outTrackId, userId, userIdType, corpId, spaceType, spaceId, type
//   "actionCallback", extension (JSON text), content (JSON text of {cardPrivateData: {actionIds,
//   params}})}: open-dingtalk/dingtalk-stream-sdk-go card/model.go (CardRequest,
//   PrivateCardActionData) and dingtalk-stream-sdk-python dingtalk_stream/card_callback.py.
import { z } from 'zod';
import { optionalText } from '../shared/checks.ts';

/** A message to the robot: one-to-one (conversationType "1") or a group message that @-mentions it ("2"). */
export const robotMessageSchema = z.looseObject({
  msgId: z.string().min(1),
  msgtype: z.string().min(1),
  conversationId: z.string().min(1),
  conversationType: z.enum(['1', '2']),
  conversationTitle: optionalText,
  /** The sender's userId in the organisation (users.dingtalk_user_id); absent for people outside it. */
  senderStaffId: optionalText,
  senderId: z.string().min(1),
  senderNick: optionalText,
  chatbotUserId: optionalText,
  robotCode: optionalText,
  isInAtList: z
    .boolean()
    .nullish()
    .transform((v) => v ?? undefined),
  /** Milliseconds; a number in the samples, typed String in the doc's table. */
  createAt: z
    .union([z.number(), z.string().regex(/^\d+$/)])
    .nullish()
    .transform((v) => (v === null || v === undefined ? undefined : Number(v))),
  atUsers: z
    .array(z.looseObject({ dingtalkId: optionalText, staffId: optionalText }))
    .nullish()
    .transform((v) => v ?? undefined),
  text: z
    .looseObject({ content: z.string() })
    .nullish()
    .transform((v) => v ?? undefined),
  /** msgtype "audio": {duration (ms), downloadCode, recognition}; "richText": {richText: [{text} | {downloadCode}]}; "picture": {downloadCode}. */
  content: z.unknown().optional(),
});

/** A voice message's content: the file's download code, its length and DingTalk's own recognition. */
export const audioContentSchema = z.looseObject({
  downloadCode: z.string().min(1),
  duration: z
    .union([z.number(), z.string().regex(/^\d+$/)])
    .nullish()
    .transform((v) => (v === null || v === undefined ? undefined : Number(v))),
  recognition: optionalText,
});

/** A richText message's content: text runs and pictures (by download code), in order. */
export const richTextContentSchema = z.looseObject({
  richText: z.array(z.looseObject({ text: optionalText })),
});
export type RobotMessage = z.infer<typeof robotMessageSchema>;

/** A press of a card button: outTrackId is the cardBizId we sent the card with. */
export const cardCallbackSchema = z.looseObject({
  outTrackId: z.string().min(1),
  userId: z.string().min(1),
  /** JSON text: {"cardPrivateData": {"actionIds": [...], "params": {...}}}. */
  content: z.string(),
  corpId: optionalText,
  spaceType: optionalText,
  spaceId: optionalText,
  type: optionalText,
  /** 1 when userId is a staff userId (the only kind we ask for). */
  userIdType: z.unknown().optional(),
  /** JSON text; not used. */
  extension: z.unknown().optional(),
});
export type CardCallback = z.infer<typeof cardCallbackSchema>;

export const cardContentSchema = z.looseObject({
  cardPrivateData: z.looseObject({ actionIds: z.array(z.string()).default([]), params: z.record(z.string(), z.unknown()).optional() }),
});

/** The data of DingTalk's built-in StandardCard template (cardTemplateId "StandardCard"). */
export interface StandardCard {
  config: { autoLayout: boolean; enableForward: boolean };
  header?: { title: { type: 'text'; text: string } };
  contents: unknown[];
}

/** One card of an answer: its data, the cardBizId it is sent (and later updated) with, and who it @-mentions. */
export interface DingtalkPart {
  card: StandardCard;
  bizId: string;
  atUserIds?: string[];
}

/** Where a card goes: one person's chat with the robot, or a group (openConversationId). */
export type DingtalkTarget = { userId: string } | { conversationId: string };

export const tokenResultSchema = z.looseObject({ accessToken: z.string().min(1), expireIn: z.number().optional() });
/** DingTalk's new API answers errors with an HTTP 4xx/5xx and this body. */
export const apiErrorSchema = z.looseObject({ code: z.string().optional(), message: z.string().optional(), requestid: z.string().optional() });
