// The DingTalk (钉钉) internal-app robot adapter. Messages arrive over Stream Mode (the official
// SDK's WebSocket; no public URL needed) or, with DINGTALK_MODE=webhook, as signed HTTP callbacks
// at POST /webhooks/dingtalk. Answers go out as StandardCard interactive cards through the
// robot API, to the person's chat with the robot or to the group that @-mentioned it.
import { EventAck, TOPIC_CARD, TOPIC_ROBOT, type DWClientDownStream } from 'dingtalk-stream';
import type { Logger } from 'pino';
import type { Config } from '../../src/config.ts';
import type { Adapter, GroupMention, InboundMessage, PendingReply, Recipient, Reply, ReplyImage } from '../../src/chat/types.ts';
import { svgToPng } from '../../src/images/png.ts';
import { mentionLine } from '../shared/mentions.ts';
import { answer, textOnlyReply, withRetries, type RetryOptions } from '../shared/answer.ts';
import { answerVoice, VOICE_MAX_BYTES } from '../shared/voice.ts';
import { BackgroundWork } from '../shared/background.ts';
import { platformIdOf, requirePlatformId } from '../shared/identity.ts';
import { CallDeadline } from '../shared/deadline.ts';
import { RecipientRateLimiter } from '../shared/rate-limit.ts';
import { resendParts, sendOrPark } from '../shared/reply-queue.ts';
import { invalidReason } from '../shared/checks.ts';
import { firstDelivery, header, json, text, type AdapterOptions, type WebhookAdapter, type WebhookRequest, type WebhookResponse } from '../shared/webhook.ts';
import { DingtalkApi } from './api.ts';
import { decodeButtonId, renderDingtalkCards } from './render.ts';
import { StreamClient } from './stream.ts';
import { audioContentSchema, cardCallbackSchema, cardContentSchema, richTextContentSchema, robotMessageSchema, type CardCallback, type DingtalkPart, type DingtalkTarget, type RobotMessage } from './types.ts';
import { cardDedupKeys, messageDedupKeys, verifyDingtalkSignature } from './verify.ts';

export type DingtalkAdapterOptions = AdapterOptions<NonNullable<Config['dingtalk']>>;

const NO_RETRY: RetryOptions = { attempts: 1, delayMs: 0 };

/** One part of an answer: a StandardCard, or a picture uploaded (media/upload) when it is sent. */
type DingtalkAnswerPart = DingtalkPart | { picture: ReplyImage };

export class DingtalkAdapter implements Adapter, WebhookAdapter {
  readonly platform = 'dingtalk' as const;
  readonly work: BackgroundWork;
  readonly api: DingtalkApi;
  private stream?: StreamClient;
  private readonly limiter: RecipientRateLimiter;
  private readonly deadline: CallDeadline;
  private readonly clock: () => Date;
  private readonly log: Logger;

  constructor(private readonly opts: DingtalkAdapterOptions) {
    this.log = opts.log.child({ platform: 'dingtalk' });
    this.clock = opts.clock ?? (() => new Date());
    this.work = new BackgroundWork(this.log);
    this.deadline = new CallDeadline(opts.timeoutMs);
    this.api = new DingtalkApi(opts.config, this.log, this.deadline, this.clock);
    // A DingTalk robot may post about 20 messages a minute into one chat; we queue past that.
    this.limiter = new RecipientRateLimiter({ ...(opts.rateLimit ?? { limit: 20, windowMs: 60_000 }), sleep: (ms) => this.deadline.sleep(ms), stopped: () => this.deadline.stopped });
  }

  /** Stream Mode: connects out to DingTalk and waits (up to `connectWaitMs`) until the link is up. */
  async start(connectWaitMs = 10_000): Promise<void> {
    if (this.opts.config.mode !== 'stream') return;
    const client = new StreamClient({ clientId: this.opts.config.clientId, clientSecret: this.opts.config.clientSecret }, this.opts.config.apiUrl);
    client.registerCallbackListener(TOPIC_ROBOT, (frame) => void this.onStreamFrame(frame, 'robot'));
    client.registerCallbackListener(TOPIC_CARD, (frame) => void this.onStreamFrame(frame, 'card'));
    // Events we do not subscribe to in the console are acknowledged and ignored.
    client.registerAllEventListener(() => ({ status: EventAck.SUCCESS }));
    this.stream = client;
    void client.connect();
    const until = Date.now() + connectWaitMs;
    while (!client.connected && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    if (client.connected) this.log.info('dingtalk stream connected');
    else this.log.warn('dingtalk stream not connected yet; the SDK keeps trying');
  }

  /** Stops taking events; answers still running get a grace period, then their calls are cut short and parked. */
  async stop(): Promise<void> {
    this.stream?.disconnect();
    this.stream = undefined;
    await this.work.settle(this.opts.stopGraceMs ?? 3000, () => this.deadline.abort());
  }

  canReach(recipient: Recipient): boolean {
    return platformIdOf(recipient, 'dingtalk') !== undefined;
  }

  async send(recipient: Recipient, reply: Reply): Promise<void> {
    const userId = requirePlatformId(recipient, 'dingtalk');
    const cause = `push:${recipient.userId}:${this.clock().getTime()}`;
    for (const part of renderDingtalkCards(reply, cause)) await this.sendPart({ userId }, part, NO_RETRY);
  }

  /** Posts into a group the robot is in (openConversationId), @-mentioning people by userId. Throws PlatformError. */
  async sendToGroup(conversationId: string, reply: Reply, opts: { mentions: GroupMention[]; key: string }): Promise<void> {
    const line = mentionLine(reply, opts.mentions, (_id, m) => `@${m.name}`);
    const parts = renderDingtalkCards(reply, opts.key, line);
    const atUserIds = opts.mentions.flatMap((m) => (m.platformId ? [m.platformId] : []));
    if (parts.length && atUserIds.length) parts[0] = { ...parts[0], atUserIds };
    const names = Object.fromEntries(opts.mentions.flatMap((m) => (m.platformId ? [[m.platformId, m.name]] : [])));
    for (const part of parts) await this.sendPart({ conversationId }, part, NO_RETRY, names);
  }

  async resendReply(pending: PendingReply, progress: (rest: PendingReply) => Promise<void>): Promise<void> {
    const target = pending.target as DingtalkTarget;
    await resendParts(pending as PendingReply<DingtalkAnswerPart>, (part) => this.sendPart(target, part, NO_RETRY), progress);
  }

  async handleWebhook(req: WebhookRequest): Promise<WebhookResponse> {
    if (this.opts.config.mode !== 'webhook') return text(404, 'DingTalk runs in Stream Mode here (set DINGTALK_MODE=webhook for HTTP callbacks)');
    if (req.method !== 'POST') return text(405, 'method not allowed');
    const now = this.clock();
    const check = verifyDingtalkSignature(this.opts.config.clientSecret, header(req, 'timestamp'), header(req, 'sign'), now);
    if (!check.ok) {
      this.log.warn({ event: 'webhook_refused', reason: check.reason }, 'dingtalk callback refused');
      return text(401, 'unauthorized');
    }
    let body: unknown;
    try {
      body = JSON.parse(req.rawBody.toString('utf8'));
    } catch {
      return text(400, 'body is not JSON');
    }
    const message = robotMessageSchema.safeParse(body);
    if (message.success) {
      await this.receiveMessage(message.data, now);
      return json(200, {});
    }
    const card = cardCallbackSchema.safeParse(body);
    if (card.success) {
      await this.receiveCard(card.data, now);
      return json(200, {});
    }
    this.log.warn({ event: 'webhook_invalid', reason: invalidReason(message.error) }, 'dingtalk callback is neither a robot message nor a card callback');
    return text(400, 'unrecognized callback');
  }

  /** Stream frames: acknowledged at once (DingTalk redelivers unacknowledged ones within 60 s), then handled. */
  private async onStreamFrame(frame: DWClientDownStream, kind: 'robot' | 'card'): Promise<void> {
    this.stream?.socketCallBackResponse(frame.headers.messageId, {});
    const now = this.clock();
    let data: unknown;
    try {
      data = JSON.parse(frame.data);
    } catch {
      this.log.warn({ event: 'webhook_invalid', topic: frame.headers.topic }, 'dingtalk stream frame is not JSON');
      return;
    }
    if (kind === 'robot') {
      const m = robotMessageSchema.safeParse(data);
      if (m.success) await this.receiveMessage(m.data, now);
      else this.log.warn({ event: 'webhook_invalid', reason: invalidReason(m.error) }, 'dingtalk robot message failed validation');
      return;
    }
    const c = cardCallbackSchema.safeParse(data);
    if (c.success) await this.receiveCard(c.data, now);
    else this.log.warn({ event: 'webhook_invalid', reason: invalidReason(c.error) }, 'dingtalk card callback failed validation');
  }

  private async receiveMessage(m: RobotMessage, now: Date): Promise<void> {
    if (!(await firstDelivery(this.opts.db, this.log, 'dingtalk', messageDedupKeys(m), now))) return;
    this.work.run(`dingtalk ${m.msgId}`, () => this.answerMessage(m, now));
  }

  private async receiveCard(c: CardCallback, now: Date): Promise<void> {
    const content = cardContentSchema.safeParse(safeJson(c.content));
    const actionId = content.success ? content.data.cardPrivateData.actionIds[0] : undefined;
    const action = decodeButtonId(actionId);
    if (!action) {
      const reason = content.success ? 'not one of our buttons' : 'content is not {"cardPrivateData": {"actionIds": [...]}}';
      this.log.warn({ event: 'card_ignored', reason, outTrackId: c.outTrackId }, 'dingtalk card callback ignored');
      return;
    }
    if (!(await firstDelivery(this.opts.db, this.log, 'dingtalk', cardDedupKeys(c, actionId!), now))) return;
    this.work.run(`dingtalk card ${c.outTrackId}`, () => this.pressButton(c, action, now));
  }

  private async answerMessage(m: RobotMessage, now: Date): Promise<void> {
    const group = m.conversationType === '2';
    const asker = m.senderStaffId ?? m.senderId;
    const audio = m.msgtype === 'audio' ? audioContentSchema.safeParse(m.content) : undefined;
    let reply: Reply;
    if (audio?.success) {
      const msg = { platform: 'dingtalk' as const, platformUserId: asker, chatId: m.conversationId, chatType: group ? ('group' as const) : ('p2p' as const), mentioned: group, receivedAt: now, eventId: m.msgId };
      const { downloadCode, duration, recognition } = audio.data;
      const voice = { recognition, durationMs: duration, download: () => this.api.downloadMessageFile(downloadCode, VOICE_MAX_BYTES) };
      reply = await answerVoice(this.opts.handler, msg, voice, this.opts.transcriber, this.opts.lang, this.log);
    } else if (messageText(m) === undefined) {
      if (audio) this.log.warn({ event: 'webhook_invalid', reason: invalidReason(audio.error!) }, 'dingtalk voice message without a usable content');
      reply = textOnlyReply(this.opts.lang);
    } else {
      const msg: InboundMessage = {
        platform: 'dingtalk',
        platformUserId: asker,
        chatId: m.conversationId,
        chatType: group ? 'group' : 'p2p',
        // DingTalk delivers group messages only when they @ the robot, and drops the mention from the text.
        mentioned: group,
        text: messageText(m)!,
        receivedAt: now,
        eventId: m.msgId,
      };
      reply = await answer(this.opts.handler, msg, this.opts.lang, this.log);
    }
    const target: DingtalkTarget = group ? { conversationId: m.conversationId } : { userId: asker };
    const pictures = (reply.images ?? []).map((picture) => ({ picture }));
    await this.answerIn(target, [...renderDingtalkCards(reply, m.msgId), ...pictures], reply, asker, m.msgId, now);
  }

  /** A button: the engine's answer replaces the pressed card; parts beyond the first follow as new cards. */
  private async pressButton(c: CardCallback, action: NonNullable<ReturnType<typeof decodeButtonId>>, now: Date): Promise<void> {
    const group = c.spaceType === 'IM_GROUP' && Boolean(c.spaceId);
    const msg: InboundMessage = {
      platform: 'dingtalk',
      platformUserId: c.userId,
      chatId: group ? c.spaceId! : c.userId,
      chatType: group ? 'group' : 'p2p',
      mentioned: true,
      text: '',
      action,
      receivedAt: now,
      eventId: `${c.outTrackId}:${c.userId}`,
    };
    const reply = await answer(this.opts.handler, msg, this.opts.lang, this.log);
    const cause = `card:${c.outTrackId}:${c.userId}:${now.getTime()}`;
    const [first, ...more] = renderDingtalkCards(reply, cause);
    await withRetries(() => this.api.updateCard(c.outTrackId, first.card), this.opts.retry ?? { attempts: 3, delayMs: 1000 }, (ms) => this.deadline.sleep(ms));
    const target: DingtalkTarget = group ? { conversationId: c.spaceId! } : { userId: c.userId };
    if (more.length) await this.answerIn(target, more, reply, c.userId, `${cause}#more`, now);
  }

  /** Sends an answer's cards in order through the chat's rate-limited lane; transient failures park the rest in the outbox. */
  private async answerIn(target: DingtalkTarget, parts: DingtalkAnswerPart[], reply: Reply, asker: string, cause: string, now: Date): Promise<void> {
    const pending: PendingReply<DingtalkAnswerPart> = { platform: 'dingtalk', target, parts };
    const retry = this.opts.retry ?? { attempts: 3, delayMs: 1000 };
    await sendOrPark({ db: this.opts.db, log: this.log, now, asker, cause, reply }, pending, (part) => this.sendPart(target, part, retry));
  }

  private async sendPart(target: DingtalkTarget, part: DingtalkAnswerPart, retry: RetryOptions, atNames?: Record<string, string>): Promise<void> {
    if ('picture' in part) {
      const png = svgToPng(part.picture.svg, { onMissingFont: () => this.log.warn('no CJK font found for pictures: install fonts-wqy-zenhei (or fonts-noto-cjk)') });
      const mediaId = await withRetries(() => this.api.uploadImage(png, part.picture.name), retry, (ms) => this.deadline.sleep(ms));
      const lane = 'userId' in target ? `user:${target.userId}` : `chat:${target.conversationId}`;
      await this.limiter.schedule(lane, () => withRetries(() => this.api.sendImage(target, mediaId), retry, (ms) => this.deadline.sleep(ms)));
      return;
    }
    const lane = 'userId' in target ? `user:${target.userId}` : `chat:${target.conversationId}`;
    await this.limiter.schedule(lane, () => withRetries(() => this.api.sendCard(target, part, atNames), retry, (ms) => this.deadline.sleep(ms)));
  }
}

/**
 * The text of a message: msgtype "text", or the text runs of a "richText" one (DingTalk sends a
 * one-to-one message with formatting or a picture as richText). Undefined when it has no text part.
 */
function messageText(m: RobotMessage): string | undefined {
  if (m.msgtype === 'text') return m.text?.content.trim();
  if (m.msgtype !== 'richText') return undefined;
  const rich = richTextContentSchema.safeParse(m.content);
  if (!rich.success) return undefined;
  const runs = rich.data.richText.flatMap((r) => (r.text?.trim() ? [r.text.trim()] : []));
  return runs.join('\n') || undefined;
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}
