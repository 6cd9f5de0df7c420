// The WeCom (企业微信) self-built app adapter: GET/POST /webhooks/wecom callbacks in, answers sent
// actively through /cgi-bin/message/send. A self-built app receives one-to-one messages only
// (the callback format, DOC /90239, names the sender and no chat); it can post into group chats
// it created itself through /cgi-bin/appchat/send (`sendToGroup`).
import type { Logger } from 'pino';
import type { Config } from '../../src/config.ts';
import type { Adapter, GroupMention, InboundMessage, PendingReply, Recipient, Reply, ReplyImage } from '../../src/chat/types.ts';
import { svgToPng } from '../../src/images/png.ts';
import { mentionLine, withFirstLine } from '../shared/mentions.ts';
import { answer, textOnlyReply, withRetries, type RetryOptions } from '../shared/answer.ts';
import { answerVoice, VOICE_MAX_BYTES } from '../shared/voice.ts';
import { resendParts, sendOrPark } from '../shared/reply-queue.ts';
import { BackgroundWork } from '../shared/background.ts';
import { platformIdOf, requirePlatformId } from '../shared/identity.ts';
import { RecipientRateLimiter } from '../shared/rate-limit.ts';
import { firstDelivery, text, type AdapterOptions, type WebhookAdapter, type WebhookRequest, type WebhookResponse } from '../shared/webhook.ts';
import { WecomApi } from './api.ts';
import { CallDeadline } from '../shared/deadline.ts';
import { decodeButtonKey, doneLabel, isOurTaskId, renderWecom, renderWecomChat, taskIdFor } from './render.ts';
import { envelopeSchema, parseWecomMessage, type WecomCardEvent, type WecomChatOutgoing, type WecomMessage, type WecomOutgoing } from './types.ts';
import { decryptForCorp, verifyWecomSignature, wecomDedupKeys } from './verify.ts';
import { encryptElement, parseFlatXml } from './xml.ts';

/** The packet's flat elements, or undefined when it is not readable XML. */
function readXml(xml: string): Record<string, string> | undefined {
  try {
    return parseFlatXml(xml);
  } catch {
    return undefined;
  }
}

export type WecomAdapterOptions = AdapterOptions<NonNullable<Config['wecom']>>;

/** Where a WeCom message goes: one member (message/send) or an app-created group (appchat/send). */
type WecomTarget = { touser: string } | { chatid: string };

const NO_RETRY: RetryOptions = { attempts: 1, delayMs: 0 };

/** One part of an answer: a rendered message, or a picture uploaded (media/upload) when it is sent. */
type WecomPart = WecomOutgoing | { picture: ReplyImage };

/** The reply's messages, then its pictures (the text stands on its own without them). */
function wecomParts(parts: WecomOutgoing[], reply: Reply): WecomPart[] {
  return [...parts, ...(reply.images ?? []).map((picture) => ({ picture }))];
}

export class WecomAdapter implements Adapter, WebhookAdapter {
  readonly platform = 'wecom' as const;
  readonly work: BackgroundWork;
  readonly api: WecomApi;
  private readonly limiter: RecipientRateLimiter;
  private readonly deadline: CallDeadline;
  private readonly clock: () => Date;
  private readonly log: Logger;

  constructor(private readonly opts: WecomAdapterOptions) {
    this.log = opts.log.child({ platform: 'wecom' });
    this.clock = opts.clock ?? (() => new Date());
    this.work = new BackgroundWork(this.log);
    this.deadline = new CallDeadline(opts.timeoutMs);
    this.api = new WecomApi(opts.config, this.log, this.deadline, this.clock);
    // WeCom drops app messages past 30 per minute to one member; we queue instead.
    this.limiter = new RecipientRateLimiter({ ...(opts.rateLimit ?? { limit: 30, windowMs: 60_000 }), sleep: (ms) => this.deadline.sleep(ms), stopped: () => this.deadline.stopped });
  }

  /** Answers still running get a grace period, then their calls are cut short and parked. */
  async stop(): Promise<void> {
    await this.work.settle(this.opts.stopGraceMs ?? 3000, () => this.deadline.abort());
  }

  canReach(recipient: Recipient): boolean {
    return platformIdOf(recipient, 'wecom') !== undefined;
  }

  async send(recipient: Recipient, reply: Reply): Promise<void> {
    const userid = requirePlatformId(recipient, 'wecom');
    // Pushes leave retrying to the outbox that called us.
    for (const part of wecomParts(renderWecom(reply, taskIdFor(`push:${recipient.userId}:${this.clock().getTime()}`)), reply)) {
      await this.sendPart({ touser: userid }, part, NO_RETRY);
    }
  }

  /**
   * Posts a reply into a group chat the app created (appchat; markdown parts of ≤2,048 bytes,
   * no buttons). WeCom refuses groups the app did not create. Throws PlatformError.
   */
  async sendToGroup(chatid: string, reply: Reply, opts: { mentions: GroupMention[] } = { mentions: [] }): Promise<void> {
    const line = mentionLine(reply, opts.mentions, (userid) => `<@${userid}>`);
    for (const part of wecomParts(renderWecomChat(withFirstLine(reply, line)), reply)) await this.sendPart({ chatid }, part, NO_RETRY);
  }

  async resendReply(pending: PendingReply, progress: (rest: PendingReply) => Promise<void>): Promise<void> {
    const target = pending.target as WecomTarget;
    await resendParts(pending as PendingReply<WecomPart>, (part) => this.sendPart(target, part, NO_RETRY), progress);
  }

  async handleWebhook(req: WebhookRequest): Promise<WebhookResponse> {
    if (req.method === 'GET') return this.verifyUrl(req);
    if (req.method !== 'POST') return text(405, 'method not allowed');
    return this.receive(req);
  }

  /** GET: WeCom checks the callback URL by asking us to decrypt echostr. */
  private verifyUrl(req: WebhookRequest): WebhookResponse {
    const { token, encodingAesKey, corpId } = this.opts.config;
    const check = verifyWecomSignature(
      token,
      { msgSignature: req.query.msg_signature, timestamp: req.query.timestamp, nonce: req.query.nonce, encrypted: req.query.echostr },
      this.clock(),
    );
    if (!check.ok) return this.refuse('url_verification', check.reason);
    const plain = decryptForCorp(encodingAesKey, corpId, req.query.echostr!);
    if (!plain.ok) return this.refuse('url_verification', plain.reason);
    return text(200, plain.message);
  }

  private async receive(req: WebhookRequest): Promise<WebhookResponse> {
    const { token, encodingAesKey, corpId } = this.opts.config;
    const now = this.clock();
    // The signature covers the Encrypt element: it is found by a linear scan and checked before
    // the body is parsed at all, so unsigned bytes cost no more than reading them.
    const raw = req.rawBody.toString('utf8');
    const encrypted = encryptElement(raw);
    if (!encrypted) return this.refuse('message', 'body is not an encrypted WeCom packet');
    const check = verifyWecomSignature(
      token,
      { msgSignature: req.query.msg_signature, timestamp: req.query.timestamp, nonce: req.query.nonce, encrypted },
      now,
    );
    if (!check.ok) return this.refuse('message', check.reason);
    const outer = envelopeSchema.safeParse(readXml(raw));
    if (!outer.success || outer.data.Encrypt !== encrypted) return this.refuse('message', 'signed body is not a well-formed WeCom packet');
    const plain = decryptForCorp(encodingAesKey, corpId, encrypted);
    if (!plain.ok) return this.refuse('message', plain.reason);

    let message: WecomMessage;
    try {
      message = parseWecomMessage(parseFlatXml(plain.message));
    } catch {
      this.log.warn({ event: 'webhook_invalid' }, 'wecom callback decrypted but is not a message we understand');
      return text(400, 'unrecognized message');
    }
    const keys = wecomDedupKeys(message);
    if (!(await firstDelivery(this.opts.db, this.log, 'wecom', keys, now))) return text(200, '');
    this.work.run(`wecom ${keys[0]}`, () => this.process(message, now));
    // An empty 200 tells WeCom we got it (no passive reply); the answer follows via message/send.
    return text(200, '');
  }

  private refuse(kind: string, reason: string): WebhookResponse {
    this.log.warn({ event: 'webhook_refused', kind, reason }, 'wecom callback refused');
    return text(401, 'unauthorized');
  }

  private async process(message: WecomMessage, now: Date): Promise<void> {
    const lang = this.opts.lang;
    switch (message.kind) {
      case 'text': {
        const m = message.msg;
        const reply = await answer(this.opts.handler, this.inbound(m.FromUserName, m.Content.trim(), now, `msg:${m.MsgId}`), lang, this.log);
        await this.answerMember(m.FromUserName, reply, `msg:${m.MsgId}`, now);
        return;
      }
      case 'voice': {
        const m = message.msg;
        const voice = { recognition: m.Recognition, download: () => this.api.downloadMedia(m.MediaId, VOICE_MAX_BYTES) };
        const reply = await answerVoice(this.opts.handler, this.inbound(m.FromUserName, '', now, `msg:${m.MsgId}`), voice, this.opts.transcriber, lang, this.log);
        await this.answerMember(m.FromUserName, reply, `msg:${m.MsgId}`, now);
        return;
      }
      case 'nonText':
        await this.answerMember(message.msg.FromUserName, textOnlyReply(lang), `nontext:${message.msg.MsgId ?? message.msg.CreateTime}`, now);
        return;
      case 'card':
        await this.pressButton(message.msg, now);
        return;
      case 'otherEvent':
        return;
    }
  }

  private async pressButton(ev: WecomCardEvent, now: Date): Promise<void> {
    // Another sender's card on the same app (an approval, a notice): not a button of ours.
    if (!isOurTaskId(ev.TaskId)) {
      this.log.info({ event: 'webhook_ignored', reason: 'card is not ours', taskId: ev.TaskId }, 'wecom card event ignored');
      return;
    }
    const msg = { ...this.inbound(ev.FromUserName, '', now, `card:${ev.TaskId}:${ev.CreateTime}`), action: decodeButtonKey(ev.EventKey) };
    const reply = await answer(this.opts.handler, msg, this.opts.lang, this.log);
    if (ev.ResponseCode) {
      try {
        await this.limiter.schedule(ev.FromUserName, () => this.api.updateCardButton(ev.FromUserName, ev.ResponseCode!, doneLabel(reply)));
      } catch (err) {
        this.log.warn({ err, taskId: ev.TaskId }, 'wecom card update failed; the answer is still sent');
      }
    }
    await this.answerMember(ev.FromUserName, reply, `card:${ev.TaskId}:${ev.CreateTime}:${ev.EventKey}`, now);
  }

  private inbound(userid: string, body: string, now: Date, eventId: string): InboundMessage {
    return { platform: 'wecom', platformUserId: userid, chatId: userid, chatType: 'p2p', mentioned: false, text: body, receivedAt: now, eventId };
  }

  /**
   * Answers a member in the app's one-to-one chat, every part in order through their rate-limited
   * lane with a few quick retries; what still fails transiently is parked in the outbox.
   */
  private async answerMember(userid: string, reply: Reply, cause: string, now: Date): Promise<void> {
    const pending: PendingReply<WecomPart> = { platform: 'wecom', target: { touser: userid }, parts: wecomParts(renderWecom(reply, taskIdFor(cause)), reply) };
    const retry = this.opts.retry ?? { attempts: 3, delayMs: 1000 };
    await sendOrPark({ db: this.opts.db, log: this.log, now, asker: userid, cause, reply }, pending, (part) => this.sendPart(pending.target as WecomTarget, part, retry));
  }

  private async sendPart(target: WecomTarget, given: WecomPart, retry: RetryOptions): Promise<void> {
    let part: WecomOutgoing;
    if ('picture' in given) {
      const png = svgToPng(given.picture.svg, { onMissingFont: () => this.log.warn('no CJK font found for pictures: install fonts-wqy-zenhei (or fonts-noto-cjk)') });
      const mediaId = await withRetries(() => this.api.uploadImage(png, given.picture.name), retry, (ms) => this.deadline.sleep(ms));
      part = { msgtype: 'image', image: { media_id: mediaId } };
    } else part = given;
    if ('chatid' in target) {
      if (part.msgtype === 'template_card') return; // never rendered for groups; kept out of appchat/send
      const chatPart: WecomChatOutgoing = part;
      await this.limiter.schedule(`chat:${target.chatid}`, () => withRetries(() => this.api.sendToChat(target.chatid, chatPart), retry, (ms) => this.deadline.sleep(ms)));
      return;
    }
    await this.limiter.schedule(target.touser, () => withRetries(() => this.api.send(target.touser, part), retry, (ms) => this.deadline.sleep(ms)));
  }
}
