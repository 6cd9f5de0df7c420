// The Slack adapter: Bolt mounted in our server at POST /webhooks/slack (events, interactivity,
// the /kam command), or Socket Mode when SLACK_APP_TOKEN is set. Replies are Block Kit messages.
import { App, type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from 'pino';
import { platformTexts } from '../../prompts/platforms.ts';
import { t } from '../../prompts/index.ts';
import type { Config } from '../../src/config.ts';
import type { Adapter, GroupMention, InboundMessage, PendingReply, Recipient, Reply, ReplyImage } from '../../src/chat/types.ts';
import { svgToPng } from '../../src/images/png.ts';
import { mentionLine } from '../shared/mentions.ts';
import { answer, textOnlyReply, withRetries, type RetryOptions } from '../shared/answer.ts';
import { answerVoice, VOICE_MAX_BYTES } from '../shared/voice.ts';
import { resendParts, sendOrPark } from '../shared/reply-queue.ts';
import { BackgroundWork } from '../shared/background.ts';
import { platformIdOf, requirePlatformId } from '../shared/identity.ts';
import { RecipientRateLimiter } from '../shared/rate-limit.ts';
import { invalidReason } from '../shared/checks.ts';
import { firstDelivery, header, json, text, type AdapterOptions, type WebhookAdapter, type WebhookRequest, type WebhookResponse } from '../shared/webhook.ts';
import { SlackApi, type BotIdentity } from './api.ts';
import { CallDeadline } from '../shared/deadline.ts';
import { RouteReceiver } from './receiver.ts';
import { ACTION_PREFIX, decodeButtonValue, escapeMrkdwn, renderSlackMessages } from './render.ts';
import { audioFile, blockActionsSchema, eventCallbackSchema, messageEventSchema, SLACK_SYSTEM_USERS, slashCommandSchema, urlVerificationSchema, type MessageEvent, type SlackMessage } from './types.ts';
import { slackDedupKey, verifySlackSignature } from './verify.ts';


/** One part of an answer: a Block Kit message, or a picture uploaded (files.uploadV2) when it is sent. */
type SlackPart = SlackMessage | { picture: ReplyImage };

/** The reply's messages, then its pictures (the text stands on its own without them). */
function slackParts(messages: SlackMessage[], reply: Reply): SlackPart[] {
  return [...messages, ...(reply.images ?? []).map((picture) => ({ picture }))];
}

export interface SlackAdapterOptions extends AdapterOptions<NonNullable<Config['slack']>> {
  ackDeadlineMs?: number;
}

/** A channel (DM or public), and the thread when the answer belongs in one. */
type SlackTarget = { channel: string; threadTs?: string };

export class SlackAdapter implements Adapter, WebhookAdapter {
  readonly platform = 'slack' as const;
  readonly work: BackgroundWork;
  readonly api: SlackApi;
  readonly app: App;
  private readonly receiver?: RouteReceiver;
  private readonly limiter: RecipientRateLimiter;
  private readonly deadline: CallDeadline;
  private readonly clock: () => Date;
  private readonly log: Logger;
  private bot?: Promise<BotIdentity>;

  constructor(private readonly opts: SlackAdapterOptions) {
    this.log = opts.log.child({ platform: 'slack' });
    this.clock = opts.clock ?? (() => new Date());
    this.work = new BackgroundWork(this.log);
    this.deadline = new CallDeadline(opts.timeoutMs);
    this.api = new SlackApi(opts.config.botToken, opts.config.apiUrl, this.log, this.deadline);
    // Slack allows about one message per second per channel.
    this.limiter = new RecipientRateLimiter({ ...(opts.rateLimit ?? { limit: 1, windowMs: 1000 }), sleep: (ms) => this.deadline.sleep(ms), stopped: () => this.deadline.stopped });
    const socketMode = Boolean(opts.config.appToken);
    const common = {
      authorize: () => this.authorize(),
      logger: boltLogger(this.log),
      logLevel: LogLevel.WARN,
      convoStore: false as const,
      clientOptions: { slackApiUrl: this.api.client.slackApiUrl, retryConfig: { retries: 0 }, fetch: this.api.fetch },
    };
    if (socketMode) {
      this.app = new App({ ...common, appToken: opts.config.appToken, socketMode: true });
      // Over the socket there is no route to dedup in, so redeliveries are dropped here.
      this.app.use(async ({ body, next }) => {
        const key = slackDedupKey(body as Record<string, any>);
        if (key && !(await firstDelivery(opts.db, this.log, 'slack', [key], this.clock()))) return;
        await next();
      });
    } else {
      this.receiver = new RouteReceiver(this.work, this.log, opts.ackDeadlineMs);
      this.app = new App({ ...common, receiver: this.receiver });
    }
    this.app.error(async (err) => {
      this.log.error({ err }, 'slack listener failed');
    });
    this.registerListeners();
  }

  async start(): Promise<void> {
    if (this.opts.config.appToken) {
      await this.app.start();
      this.log.info('slack socket mode connected');
    }
  }

  /** Stops taking events; answers still running get a grace period, then their calls are cut short and parked. */
  async stop(): Promise<void> {
    if (this.opts.config.appToken) await this.app.stop();
    await this.work.settle(this.opts.stopGraceMs ?? 3000, () => this.deadline.abort());
  }

  canReach(recipient: Recipient): boolean {
    return platformIdOf(recipient, 'slack') !== undefined;
  }

  async send(recipient: Recipient, reply: Reply): Promise<void> {
    const userId = requirePlatformId(recipient, 'slack');
    const channel = await this.api.dmChannel(userId);
    for (const msg of renderSlackMessages(reply)) {
      await this.limiter.schedule(channel, () => this.api.post(channel, msg));
    }
  }

  /** Posts into a channel the app is in, @-mentioning people as <@U…>. Throws PlatformError. */
  async sendToGroup(channel: string, reply: Reply, opts: { mentions: GroupMention[] }): Promise<void> {
    const line = mentionLine(reply, opts.mentions, (id) => `<@${id}>`, escapeMrkdwn);
    const messages = renderSlackMessages(reply);
    if (line && messages.length) messages[0] = { text: `${line}\n${messages[0].text}`, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: line } }, ...messages[0].blocks] };
    for (const msg of messages) await this.limiter.schedule(channel, () => this.api.post(channel, msg));
  }

  async resendReply(pending: PendingReply, progress: (rest: PendingReply) => Promise<void>): Promise<void> {
    const target = pending.target as SlackTarget;
    await resendParts(pending as PendingReply<SlackPart>, (part) => this.sendPart(target, part, { attempts: 1, delayMs: 0 }), progress);
  }

  async handleWebhook(req: WebhookRequest): Promise<WebhookResponse> {
    if (req.method !== 'POST') return text(405, 'method not allowed');
    if (!this.receiver) return text(404, 'Slack runs in Socket Mode here (SLACK_APP_TOKEN is set)');
    const now = this.clock();
    const check = verifySlackSignature(this.opts.config.signingSecret, header(req, 'x-slack-request-timestamp'), header(req, 'x-slack-signature'), req.rawBody, now);
    if (!check.ok) {
      this.log.warn({ event: 'webhook_refused', reason: check.reason }, 'slack request refused');
      return text(401, '');
    }
    const body = parseBody(req.rawBody, header(req, 'content-type') ?? '');
    if (!body) return text(400, 'unrecognized body');
    if (body.ssl_check) return text(200, '');
    const challenge = urlVerificationSchema.safeParse(body);
    if (challenge.success) return json(200, { challenge: challenge.data.challenge });
    if (!eventCallbackSchema.safeParse(body).success && !blockActionsSchema.safeParse(body).success && !slashCommandSchema.safeParse(body).success) {
      this.log.warn({ event: 'webhook_invalid' }, 'slack request is not an event, action or command we understand');
      return text(400, 'unrecognized request');
    }
    const key = slackDedupKey(body);
    if (key && !(await firstDelivery(this.opts.db, this.log, 'slack', [key], now, { retryNum: header(req, 'x-slack-retry-num') }))) {
      return { status: 200, headers: { 'x-slack-no-retry': '1' }, body: '' };
    }
    const retryNum = Number(header(req, 'x-slack-retry-num'));
    const retry = [Number.isFinite(retryNum) ? retryNum : undefined, header(req, 'x-slack-retry-reason')] as const;
    if (body.type === 'event_callback') return this.receiver.dispatchEvent(body, ...retry);
    return this.receiver.dispatch(body, ...retry);
  }

  private async authorize() {
    const bot = await this.botIdentity();
    return { botToken: this.opts.config.botToken, botId: bot.botId, botUserId: bot.userId };
  }

  private botIdentity(): Promise<BotIdentity> {
    this.bot ??= this.api.identity().catch((err) => {
      this.bot = undefined;
      throw err;
    });
    return this.bot;
  }

  private registerListeners(): void {
    this.app.event('app_mention', async ({ event, context }) => {
      const ev = this.readMessageEvent(event);
      if (!ev) return;
      this.work.run('slack mention', () => this.answerEvent(ev, context.botUserId, 'group'));
    });
    this.app.event('message', async ({ event, context }) => {
      const ev = this.readMessageEvent(event);
      // Channel messages reach us as app_mention; only direct messages are answered here.
      if (!ev || ev.channel_type !== 'im' || ev.bot_id) return;
      if (ev.subtype && ev.subtype !== 'file_share') return;
      this.work.run('slack dm', () => this.answerEvent(ev, context.botUserId, 'p2p'));
    });
    this.app.command('/kam', async ({ ack, command, respond }) => {
      await ack();
      const cmd = slashCommandSchema.parse(command);
      const now = this.clock();
      if (!cmd.text.trim()) {
        await respond({ response_type: 'ephemeral', text: t(platformTexts, 'slashUsage', this.opts.lang) });
        return;
      }
      const msg: InboundMessage = {
        platform: 'slack',
        platformUserId: cmd.user_id,
        chatId: cmd.channel_id,
        chatType: cmd.channel_id.startsWith('D') ? 'p2p' : 'group',
        mentioned: true,
        text: cmd.text.trim(),
        receivedAt: now,
        eventId: cmd.trigger_id,
      };
      const reply = await answer(this.opts.handler, msg, this.opts.lang, this.log);
      // Answers to a command stay private to the person who asked (ephemeral).
      for (const m of renderSlackMessages(reply)) await respond({ response_type: 'ephemeral', text: m.text, blocks: m.blocks as any });
    });
    this.app.action(new RegExp(`^${ACTION_PREFIX}`), async ({ ack, body, action, respond }) => {
      await ack();
      const b = blockActionsSchema.parse(body);
      const pressed = decodeButtonValue((action as { value?: string }).value);
      if (!pressed) return;
      const raw = body as { channel?: { id?: string }; message?: { ts?: string }; container?: { is_ephemeral?: boolean; channel_id?: string } };
      const channel = raw.channel?.id ?? raw.container?.channel_id ?? b.user.id;
      const msg: InboundMessage = {
        platform: 'slack',
        platformUserId: b.user.id,
        chatId: channel,
        chatType: channel.startsWith('D') ? 'p2p' : 'group',
        mentioned: true,
        text: '',
        action: pressed,
        receivedAt: this.clock(),
        eventId: b.actions[0].action_ts ?? b.trigger_id,
      };
      const reply = await answer(this.opts.handler, msg, this.opts.lang, this.log);
      const [first, ...more] = renderSlackMessages(reply);
      const retry = this.opts.retry ?? { attempts: 3, delayMs: 1000 };
      if (raw.message?.ts && !raw.container?.is_ephemeral) {
        await withRetries(() => this.api.update(channel, raw.message!.ts!, first), retry, (ms) => this.deadline.sleep(ms));
        await this.answerInChannel({ channel }, more, reply, b.user.id, `${channel}:${raw.message.ts}:${msg.eventId ?? ''}#more`, msg.receivedAt);
      } else {
        await respond({ replace_original: true, text: first.text, blocks: first.blocks as any });
        for (const m of more) await respond({ response_type: 'ephemeral', text: m.text, blocks: m.blocks as any });
      }
    });
  }

  /** A message event we answer, or undefined: invalid ones are logged, system users' skipped. */
  private readMessageEvent(event: unknown): MessageEvent | undefined {
    const ev = messageEventSchema.safeParse(event);
    if (!ev.success) {
      this.log.warn({ event: 'webhook_invalid', reason: invalidReason(ev.error) }, 'slack message event failed validation');
      return undefined;
    }
    if (ev.data.user && SLACK_SYSTEM_USERS.has(ev.data.user)) {
      this.log.info({ event: 'webhook_ignored', reason: 'slack system user' }, 'slack system message ignored');
      return undefined;
    }
    return ev.data;
  }

  private async answerEvent(ev: MessageEvent, botUserId: string | undefined, chatType: 'p2p' | 'group'): Promise<void> {
    if (!ev.user) return;
    const now = this.clock();
    const nonText = ev.subtype === 'file_share' || (!ev.text.trim() && (ev.files?.length ?? 0) > 0);
    const audio = audioFile(ev.files);
    let reply: Reply;
    if (audio) {
      const msg = { platform: 'slack' as const, platformUserId: ev.user, chatId: ev.channel, chatType, mentioned: chatType === 'group', receivedAt: now, eventId: ev.ts };
      const url = (audio.url_private_download ?? audio.url_private)!;
      const voice = { durationMs: audio.duration_ms, sizeBytes: audio.size, download: () => this.api.downloadFile(url, VOICE_MAX_BYTES) };
      reply = await answerVoice(this.opts.handler, msg, voice, this.opts.transcriber, this.opts.lang, this.log);
    } else if (nonText) {
      reply = textOnlyReply(this.opts.lang);
    } else {
      const msg: InboundMessage = {
        platform: 'slack',
        platformUserId: ev.user,
        chatId: ev.channel,
        chatType,
        mentioned: chatType === 'group',
        text: stripBotMention(ev.text, botUserId),
        receivedAt: now,
        eventId: ev.ts,
      };
      reply = await answer(this.opts.handler, msg, this.opts.lang, this.log);
    }
    // In a channel, answer in the thread of the mention so the channel stays readable.
    const threadTs = chatType === 'group' ? (ev.thread_ts ?? ev.ts) : undefined;
    await this.answerInChannel(threadTs ? { channel: ev.channel, threadTs } : { channel: ev.channel }, slackParts(renderSlackMessages(reply), reply), reply, ev.user, `${ev.channel}:${ev.ts}`, now);
  }

  /**
   * Posts an answer's messages in order through the channel's rate-limited lane, with a few quick
   * retries; what still fails transiently is parked in the outbox for the worker.
   */
  private async answerInChannel(target: SlackTarget, messages: SlackPart[], reply: Reply, asker: string, cause: string, now: Date): Promise<void> {
    if (!messages.length) return;
    const pending: PendingReply<SlackPart> = { platform: 'slack', target, parts: messages };
    const retry = this.opts.retry ?? { attempts: 3, delayMs: 1000 };
    await sendOrPark({ db: this.opts.db, log: this.log, now, asker, cause, reply }, pending, (part) => this.sendPart(target, part, retry));
  }

  private async sendPart(target: SlackTarget, part: SlackPart, retry: RetryOptions): Promise<void> {
    if ('picture' in part) {
      const png = svgToPng(part.picture.svg, { onMissingFont: () => this.log.warn('no CJK font found for pictures: install fonts-wqy-zenhei (or fonts-noto-cjk)') });
      const { name, alt } = part.picture;
      await this.limiter.schedule(target.channel, () => withRetries(() => this.api.uploadImage(target.channel, png, name, alt, target.threadTs), retry, (ms) => this.deadline.sleep(ms)));
      return;
    }
    await this.limiter.schedule(target.channel, () => withRetries(() => this.api.post(target.channel, part, target.threadTs), retry, (ms) => this.deadline.sleep(ms)));
  }
}

/** Removes <@BOT> (and <@BOT|name>); other people's mentions stay as Slack wrote them. */
export function stripBotMention(s: string, botUserId: string | undefined): string {
  const out = botUserId ? s.replace(new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g'), '') : s.replace(/^\s*<@[UW][A-Z0-9]+(\|[^>]*)?>/, '');
  return out.replace(/\s{2,}/g, ' ').trim();
}

function parseBody(raw: Buffer, contentType: string): Record<string, any> | undefined {
  const s = raw.toString('utf8');
  try {
    if (contentType.includes('application/json')) return JSON.parse(s);
    const form = new URLSearchParams(s);
    if (form.has('payload')) return JSON.parse(form.get('payload')!);
    return Object.fromEntries(form);
  } catch {
    return undefined;
  }
}

function boltLogger(log: Logger): BoltLogger {
  let level = LogLevel.WARN;
  const line = (lvl: 'debug' | 'info' | 'warn' | 'error') => (...msg: unknown[]) =>
    log[lvl === 'error' ? 'warn' : 'debug']({ sdk: 'bolt' }, msg.map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : JSON.stringify(m))).join(' ').slice(0, 500));
  return {
    debug: line('debug'),
    info: line('info'),
    warn: line('warn'),
    error: line('error'),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

