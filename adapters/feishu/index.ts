// The Feishu / Lark adapter: POST /webhooks/feishu (event v2 + card callbacks), or the SDK's
// long connection (WSClient) when FEISHU_MODE=ws. Answers go out as interactive cards.
import { createHash } from 'node:crypto';
import * as lark from '@larksuiteoapi/node-sdk';
import type { Logger } from 'pino';
import { platformTexts } from '../../prompts/platforms.ts';
import { t } from '../../prompts/index.ts';
import type { Config } from '../../src/config.ts';
import type { Adapter, GroupMention, InboundMessage, PendingReply, Recipient, Reply, ReplyImage } from '../../src/chat/types.ts';
import { mentionLine } from '../shared/mentions.ts';
import { svgToPng } from '../../src/images/png.ts';
import { answer, textOnlyReply, withRetries, type RetryOptions } from '../shared/answer.ts';
import { answerVoice, VOICE_MAX_BYTES } from '../shared/voice.ts';
import { resendParts, sendOrPark } from '../shared/reply-queue.ts';
import { BackgroundWork } from '../shared/background.ts';
import { platformIdOf, requirePlatformId } from '../shared/identity.ts';
import { RecipientRateLimiter } from '../shared/rate-limit.ts';
import { invalidReason } from '../shared/checks.ts';
import { firstDelivery, header, json, text, type AdapterOptions, type WebhookAdapter, type WebhookRequest, type WebhookResponse } from '../shared/webhook.ts';
import { FeishuApi } from './api.ts';
import { CallDeadline } from '../shared/deadline.ts';
import { decodeButtonValue, renderFeishuCards } from './render.ts';
import {
  cardActionSchema,
  encryptedBodySchema,
  eventEnvelopeSchema,
  messageReceiveSchema,
  urlVerificationSchema,
  type CardAction,
  type CardActionResponse,
  type EventEnvelope,
  type FeishuCard,
  type Mention,
  type MessageReceive,
} from './types.ts';
import { decryptFeishu, eventIsFresh, feishuDedupKeys, verifyFeishuSignature, verifyFeishuToken } from './verify.ts';

export interface FeishuAdapterOptions extends AdapterOptions<NonNullable<Config['feishu']>> {
  /** How long a button press may take before we answer with a toast and patch the card later. */
  cardDeadlineMs?: number;
}

/** An answer goes into a chat, or (in a group) as a reply to the message that asked. */
type FeishuTarget = { chatId: string } | { chatId: string; replyTo: string };

/** What one message of an answer carries: a card, or a picture (rendered and uploaded when it is sent). */
type FeishuContent = { card: FeishuCard } | { image: ReplyImage };

/** One message of an answer with its idempotency key (Feishu drops a resend with the same uuid for an hour). */
type FeishuPart = FeishuContent & { uuid: string };

/** The cards of an answer, then its pictures. */
function feishuContents(reply: Reply): FeishuContent[] {
  return [...renderFeishuCards(reply).map((card) => ({ card })), ...(reply.images ?? []).map((image) => ({ image }))];
}

export class FeishuAdapter implements Adapter, WebhookAdapter {
  readonly platform = 'feishu' as const;
  readonly work: BackgroundWork;
  readonly api: FeishuApi;
  /** Dispatches decrypted events; also what the long connection delivers into. */
  readonly dispatcher: lark.EventDispatcher;
  private ws?: lark.WSClient;
  private readonly limiter: RecipientRateLimiter;
  private readonly deadline: CallDeadline;
  private readonly clock: () => Date;
  private readonly log: Logger;
  private botOpenId?: Promise<string | undefined>;

  constructor(private readonly opts: FeishuAdapterOptions) {
    this.log = opts.log.child({ platform: 'feishu' });
    this.clock = opts.clock ?? (() => new Date());
    this.work = new BackgroundWork(this.log);
    this.deadline = new CallDeadline(opts.timeoutMs);
    this.api = new FeishuApi(opts.config, this.log, this.deadline);
    // Feishu allows 5 messages per second to one person or chat.
    this.limiter = new RecipientRateLimiter({ ...(opts.rateLimit ?? { limit: 5, windowMs: 1000 }), sleep: (ms) => this.deadline.sleep(ms), stopped: () => this.deadline.stopped });
    this.dispatcher = new lark.EventDispatcher({ loggerLevel: lark.LoggerLevel.error }).register({
      'im.message.receive_v1': (data: Record<string, unknown>) => this.onEvent(envelopeFromSdk(data), this.clock()),
      'card.action.trigger': (data: Record<string, unknown>) => this.onEvent(envelopeFromSdk(data), this.clock()),
    } as Record<string, (data: any) => Promise<unknown>>);
  }

  /** In ws mode: connects out to Feishu and waits (up to `connectWaitMs`) until the link is up. */
  async start(connectWaitMs = 10_000): Promise<void> {
    if (this.opts.config.mode !== 'ws') return;
    let settle: (outcome: string) => void = () => {};
    const ready = new Promise<string>((resolve) => (settle = resolve));
    this.ws = new lark.WSClient({
      appId: this.opts.config.appId,
      appSecret: this.opts.config.appSecret,
      domain: this.opts.config.baseUrl.replace(/\/+$/, ''),
      loggerLevel: lark.LoggerLevel.warn,
      onReady: () => settle('ready'),
      onError: (err: Error) => {
        this.log.error({ err }, 'feishu long connection failed');
        settle('error');
      },
    });
    await this.ws.start({ eventDispatcher: this.dispatcher });
    const timer = setTimeout(() => settle('pending'), connectWaitMs);
    const outcome = await ready;
    clearTimeout(timer);
    if (outcome === 'ready') this.log.info('feishu long connection ready');
    // Not up yet: the SDK keeps reconnecting in the background; start-up goes on meanwhile.
    else if (outcome === 'pending') this.log.warn('feishu long connection not ready yet; still trying');
  }

  /** Stops taking events; answers still running get a grace period, then their calls are cut short and parked. */
  async stop(): Promise<void> {
    this.ws?.close({ force: true });
    this.ws = undefined;
    await this.work.settle(this.opts.stopGraceMs ?? 3000, () => this.deadline.abort());
  }

  canReach(recipient: Recipient): boolean {
    return platformIdOf(recipient, 'feishu') !== undefined;
  }

  async send(recipient: Recipient, reply: Reply, key?: string): Promise<void> {
    const openId = requirePlatformId(recipient, 'feishu');
    for (const [i, card] of renderFeishuCards(reply).entries()) {
      await this.limiter.schedule(openId, () => this.api.sendCard('open_id', openId, card, key ? idempotencyKey(key, i) : undefined));
    }
  }

  /** Posts cards into a group chat the bot is in, @-mentioning people as <at id=open_id></at>. Throws PlatformError. */
  async sendToGroup(chatId: string, reply: Reply, opts: { mentions: GroupMention[]; key: string }): Promise<void> {
    const line = mentionLine(reply, opts.mentions, (openId) => `<at id=${openId}></at>`, (s) => s.replace(/</g, '&lt;'));
    const cards = renderFeishuCards(reply);
    if (line && cards.length) cards[0] = { ...cards[0], elements: [{ tag: 'div', text: { tag: 'lark_md', content: line } }, ...cards[0].elements] };
    for (const [i, card] of cards.entries()) {
      await this.limiter.schedule(chatId, () => this.api.sendCard('chat_id', chatId, card, idempotencyKey(opts.key, i)));
    }
  }

  async resendReply(pending: PendingReply, progress: (rest: PendingReply) => Promise<void>): Promise<void> {
    const target = pending.target as FeishuTarget;
    await resendParts(pending as PendingReply<FeishuPart>, (part) => this.sendPart(target, part, { attempts: 1, delayMs: 0 }), progress);
  }

  async handleWebhook(req: WebhookRequest): Promise<WebhookResponse> {
    if (this.opts.config.mode === 'ws') return text(404, 'Feishu runs over the long connection here (FEISHU_MODE=ws)');
    if (req.method !== 'POST') return text(405, 'method not allowed');
    const { encryptKey, verificationToken } = this.opts.config;
    const now = this.clock();
    if (encryptKey) {
      const sig = verifyFeishuSignature(
        encryptKey,
        { timestamp: header(req, 'x-lark-request-timestamp'), nonce: header(req, 'x-lark-request-nonce'), signature: header(req, 'x-lark-signature') },
        req.rawBody,
        now,
      );
      // Feishu posts the URL check unsigned (its docs exclude it from signing; the SDK answers it
      // before any signature check): only an encrypted url_verification passes without one.
      if (!sig.ok) return this.answerUnsignedChallenge(req.rawBody, encryptKey) ?? this.refuse(sig.reason);
    }
    let body: unknown;
    try {
      body = JSON.parse(req.rawBody.toString('utf8'));
      const enc = encryptedBodySchema.safeParse(body);
      if (enc.success) {
        if (!encryptKey) return this.refuse('encrypted callback but FEISHU_ENCRYPT_KEY is not set');
        body = decryptFeishu(encryptKey, enc.data.encrypt);
      }
    } catch {
      return encryptKey ? this.refuse('body does not decrypt with the Encrypt Key') : text(400, 'body is not JSON');
    }

    const challenge = urlVerificationSchema.safeParse(body);
    if (challenge.success) return this.answerChallenge(challenge.data);
    const envelope = eventEnvelopeSchema.safeParse(body);
    if (!envelope.success) {
      this.log.warn({ event: 'webhook_invalid', reason: invalidReason(envelope.error) }, 'feishu callback is not an event v2 envelope');
      return text(400, 'unrecognized callback');
    }
    const tok = verifyFeishuToken(verificationToken, envelope.data.header.token);
    if (!tok.ok) return this.refuse(tok.reason);
    // Without an Encrypt Key nothing signs the request: a captured event must not replay once
    // its dedup key has been pruned, so events older than the dedup window are refused.
    if (!encryptKey) {
      const fresh = eventIsFresh(envelope.data.header.create_time, now);
      if (!fresh.ok) return this.refuse(fresh.reason);
    }
    return json(200, (await this.onEvent(envelope.data, now)) ?? {});
  }

  /** The challenge of an unsigned body, when it decrypts with our key to a url_verification. */
  private answerUnsignedChallenge(rawBody: Buffer, encryptKey: string): WebhookResponse | undefined {
    try {
      const enc = encryptedBodySchema.safeParse(JSON.parse(rawBody.toString('utf8')));
      if (!enc.success) return undefined;
      const challenge = urlVerificationSchema.safeParse(decryptFeishu(encryptKey, enc.data.encrypt));
      return challenge.success ? this.answerChallenge(challenge.data) : undefined;
    } catch {
      return undefined;
    }
  }

  private answerChallenge(challenge: { challenge: string; token?: string }): WebhookResponse {
    const tok = verifyFeishuToken(this.opts.config.verificationToken, challenge.token);
    if (!tok.ok) return this.refuse(tok.reason);
    return json(200, { challenge: challenge.challenge });
  }

  private refuse(reason: string): WebhookResponse {
    this.log.warn({ event: 'webhook_refused', reason }, 'feishu callback refused');
    return text(401, 'unauthorized');
  }

  /** Validated, deduplicated, acknowledged: the common path of webhook and long connection. */
  private async onEvent(envelope: EventEnvelope, now: Date): Promise<CardActionResponse | Record<string, never>> {
    const type = envelope.header.event_type;
    const eventId = envelope.header.event_id;
    if (type === 'im.message.receive_v1') {
      const ev = messageReceiveSchema.safeParse(envelope.event);
      if (!ev.success) {
        this.log.warn({ event: 'webhook_invalid', eventId, reason: invalidReason(ev.error) }, 'feishu message event failed validation');
        return {};
      }
      const botId = await this.resolveBotOpenId();
      const isGroup = ev.data.message.chat_type !== 'p2p';
      const mentioned = mentionsBot(ev.data.message.mentions, botId);
      if (isGroup && !mentioned) return {};
      if (!(await firstDelivery(this.opts.db, this.log, 'feishu', feishuDedupKeys(envelope), now))) return {};
      this.work.run(`feishu ${eventId}`, () => this.answerMessage(ev.data, botId, isGroup, mentioned, eventId, now));
      return {};
    }
    if (type === 'card.action.trigger') {
      const ev = cardActionSchema.safeParse(envelope.event);
      if (!ev.success) {
        this.log.warn({ event: 'webhook_invalid', eventId, reason: invalidReason(ev.error) }, 'feishu card action failed validation');
        return {};
      }
      if (!(await firstDelivery(this.opts.db, this.log, 'feishu', feishuDedupKeys(envelope), now))) return {};
      return this.pressButton(ev.data, eventId, now);
    }
    this.log.debug({ eventType: type, eventId }, 'feishu event type not handled');
    return {};
  }

  private async answerMessage(ev: MessageReceive, botId: string | undefined, isGroup: boolean, mentioned: boolean, eventId: string, now: Date): Promise<void> {
    const m = ev.message;
    const body = messageText(m.message_type, m.content);
    const audio = audioContent(m.message_type, m.content);
    let reply: Reply;
    if (audio) {
      const msg = { platform: 'feishu' as const, platformUserId: ev.sender.sender_id.open_id, chatId: m.chat_id, chatType: isGroup ? ('group' as const) : ('p2p' as const), mentioned, receivedAt: now, eventId };
      const voice = { durationMs: audio.duration, download: () => this.api.downloadResource(m.message_id, audio.file_key, VOICE_MAX_BYTES) };
      reply = await answerVoice(this.opts.handler, msg, voice, this.opts.transcriber, this.opts.lang, this.log);
    } else if (body === undefined) {
      reply = textOnlyReply(this.opts.lang);
    } else {
      const msg: InboundMessage = {
        platform: 'feishu',
        platformUserId: ev.sender.sender_id.open_id,
        chatId: m.chat_id,
        chatType: isGroup ? 'group' : 'p2p',
        mentioned,
        text: stripMentions(body, m.mentions, botId).trim(),
        receivedAt: now,
        eventId,
      };
      reply = await answer(this.opts.handler, msg, this.opts.lang, this.log);
    }
    const target: FeishuTarget = isGroup ? { chatId: m.chat_id, replyTo: m.message_id } : { chatId: m.chat_id };
    await this.answerInChat(target, feishuContents(reply), reply, ev.sender.sender_id.open_id, eventId, 0, now);
  }

  /**
   * Sends the cards of an answer in order through the chat's rate-limited lane, with a few quick
   * retries; what still fails transiently is parked in the outbox for the worker.
   */
  private async answerInChat(target: FeishuTarget, contents: FeishuContent[], reply: Reply, asker: string, eventId: string, offset: number, now: Date): Promise<void> {
    const pending: PendingReply<FeishuPart> = { platform: 'feishu', target, parts: contents.map((content, i) => ({ ...content, uuid: idempotencyKey(eventId, i + offset) })) };
    const retry = this.opts.retry ?? { attempts: 3, delayMs: 1000 };
    await sendOrPark({ db: this.opts.db, log: this.log, now, asker, cause: offset ? `${eventId}#${offset}` : eventId, reply }, pending, (part) => this.sendPart(target, part, retry));
  }

  private async sendPart(target: FeishuTarget, part: FeishuPart, retry: RetryOptions): Promise<void> {
    if ('image' in part) {
      const png = svgToPng(part.image.svg, { onMissingFont: () => this.log.warn('no CJK font found for pictures: install fonts-wqy-zenhei (or fonts-noto-cjk)') });
      const imageKey = await withRetries(() => this.api.uploadImage(png), retry, (ms) => this.deadline.sleep(ms));
      await this.limiter.schedule(target.chatId, () => withRetries(() => this.api.sendImage(target, imageKey, part.uuid), retry, (ms) => this.deadline.sleep(ms)));
      return;
    }
    const card = part.card;
    await this.limiter.schedule(target.chatId, () =>
      withRetries(
        () => ('replyTo' in target ? this.api.replyCard(target.replyTo, card, part.uuid) : this.api.sendCard('chat_id', target.chatId, card, part.uuid).then(() => undefined)),
        retry,
        (ms) => this.deadline.sleep(ms),
      ),
    );
  }

  /**
   * A button: the engine's answer replaces the card in the callback response when it is ready
   * within the deadline; otherwise a toast now and a PATCH of the card when it is.
   */
  private async pressButton(ev: CardAction, eventId: string, now: Date): Promise<CardActionResponse> {
    const action = decodeButtonValue(ev.action.value);
    if (!action) return {};
    const chatId = ev.context?.open_chat_id ?? ev.operator.open_id;
    const msg: InboundMessage = {
      platform: 'feishu',
      platformUserId: ev.operator.open_id,
      chatId,
      chatType: 'p2p',
      mentioned: true,
      text: '',
      action,
      receivedAt: now,
      eventId,
    };
    const pending = answer(this.opts.handler, msg, this.opts.lang, this.log);
    const inTime = await raceDeadline(pending, this.opts.cardDeadlineMs ?? 2500);
    const messageId = ev.context?.open_message_id;
    if (inTime) {
      const [first, ...more] = renderFeishuCards(inTime);
      if (more.length) this.work.run(`feishu ${eventId} rest`, () => this.answerInChat({ chatId }, more.map((card) => ({ card })), inTime, ev.operator.open_id, eventId, 1, now));
      return { card: { type: 'raw', data: first } };
    }
    this.work.run(`feishu ${eventId} late card`, async () => {
      const reply = await pending;
      const [first, ...more] = renderFeishuCards(reply);
      if (messageId) await withRetries(() => this.api.patchCard(messageId, first), this.opts.retry ?? { attempts: 3, delayMs: 1000 }, (ms) => this.deadline.sleep(ms));
      else more.unshift(first);
      await this.answerInChat({ chatId }, more.map((card) => ({ card })), reply, ev.operator.open_id, eventId, 1, now);
    });
    return { toast: { type: 'info', content: t(platformTexts, 'working', this.opts.lang) } };
  }

  private resolveBotOpenId(): Promise<string | undefined> {
    this.botOpenId ??= this.api.botOpenId().catch((err) => {
      this.log.warn({ err }, 'could not read the bot open_id; treating any @-mention in a group as addressed to the bot');
      this.botOpenId = undefined;
      return undefined;
    });
    return this.botOpenId;
  }
}

/** The SDK flattens header and event into one object; rebuild the v2 envelope from it. */
function envelopeFromSdk(data: Record<string, unknown>): EventEnvelope {
  return eventEnvelopeSchema.parse({
    schema: '2.0',
    header: { event_id: data.event_id, event_type: data.event_type, create_time: data.create_time },
    event: data,
  });
}

/** Text of a text or rich-text (post) message; undefined for anything else (image, file, audio…). */
export function messageText(messageType: string, content: string): string | undefined {
  let parsed: any;
  try {
    parsed = JSON.parse(content);
  } catch {
    return undefined;
  }
  if (messageType === 'text') return typeof parsed?.text === 'string' ? parsed.text : undefined;
  if (messageType === 'post') {
    const post = parsed?.content ? parsed : (Object.values(parsed ?? {})[0] as any);
    const rows: any[][] = Array.isArray(post?.content) ? post.content : [];
    // @-mentions (tag "at") are dropped: in a group they address the bot.
    const lines = rows.map((row) => row.map((el) => (el?.tag === 'text' || el?.tag === 'a' ? (el.text ?? '') : '')).join(''));
    const joined = [post?.title, ...lines].filter((l) => l && String(l).trim()).join('\n');
    return joined || undefined;
  }
  return undefined;
}

/** An audio message's content (`{"file_key":"file_v3_…","duration":2000}`, duration in ms), or undefined for other types. */
export function audioContent(messageType: string, content: string): { file_key: string; duration?: number } | undefined {
  if (messageType !== 'audio') return undefined;
  try {
    const parsed = JSON.parse(content) as { file_key?: unknown; duration?: unknown };
    if (typeof parsed.file_key !== 'string' || !parsed.file_key) return undefined;
    return { file_key: parsed.file_key, duration: typeof parsed.duration === 'number' ? parsed.duration : undefined };
  } catch {
    return undefined;
  }
}

/** Whether the bot is among the mentions; unknown bot id: any mention counts (Feishu pushes group messages that @ the bot). */
export function mentionsBot(mentions: Mention[] | undefined, botOpenId: string | undefined): boolean {
  if (!mentions?.length) return false;
  return botOpenId ? mentions.some((m) => m.id.open_id === botOpenId) : true;
}

/** Removes the bot's @-placeholder and turns other people's placeholders into @name. */
export function stripMentions(body: string, mentions: Mention[] | undefined, botOpenId: string | undefined): string {
  let out = body;
  for (const m of mentions ?? []) {
    const isBot = botOpenId ? m.id.open_id === botOpenId : !m.id.user_id;
    out = out.split(m.key).join(isBot ? '' : `@${m.name ?? ''}`);
  }
  return out.replace(/[ \t]{2,}/g, ' ');
}

function idempotencyKey(eventId: string, part: number): string {
  return createHash('sha256').update(`${eventId}#${part}`).digest('hex').slice(0, 40);
}

async function raceDeadline<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([p, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
