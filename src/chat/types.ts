// Platform-neutral message shapes shared by every surface (Feishu, WeCom, Slack, console, CLI, API).
import type { Lang } from '../../prompts/index.ts';

export type ChatPlatform = 'feishu' | 'wecom' | 'slack' | 'dingtalk' | 'console' | 'cli' | 'api';

/** One message or button press from a person, already verified and decrypted by its adapter. */
export interface InboundMessage {
  platform: ChatPlatform;
  /** The sender's id on that platform (open_id, userid, Slack user id; our user id for cli/api/console). */
  platformUserId: string;
  /** Our user id when the adapter already knows it (cli, api, console). */
  userId?: string;
  chatId: string;
  chatType: 'p2p' | 'group';
  /** In a group, whether the bot was @-mentioned (adapters strip the mention from text). */
  mentioned: boolean;
  text: string;
  /** A button press instead of (or besides) text. */
  action?: ButtonAction;
  receivedAt: Date;
  /** The platform's event or message id (dedup key). */
  eventId?: string;
  /** Stands in for "now" (kam ask --at); defaults to receivedAt. */
  now?: Date;
}

export interface ButtonAction {
  /** Action name, e.g. 'note.undo', 'alert.ack', 'choose.account'. */
  action: string;
  value?: Record<string, string>;
}

export interface Button extends ButtonAction {
  label: string;
  style?: 'primary' | 'danger' | 'default';
}

export interface Citation {
  source: 'interaction' | 'ticket' | 'contract' | 'opportunity' | 'order' | 'project' | 'contact' | 'account' | 'budget';
  id: string;
  date?: string;
  accountId?: string;
  author?: string;
  snippet?: string;
}

/** A picture in an answer: inline SVG where markup is shown (console), a PNG upload on chat platforms. */
export interface ReplyImage {
  svg: string;
  /** What the picture shows, for screen readers and captions. */
  alt: string;
  /** File name without extension (Slack shows it). */
  name: string;
}

export interface ReplySection {
  title?: string;
  lines: string[];
}

/** What the bot says, before a platform renders it (card, blocks, markdown, plain text). */
export interface Reply {
  lang: Lang;
  /** Full plain-text rendering: what `kam ask` prints and what text-only channels send. */
  text: string;
  title?: string;
  sections?: ReplySection[];
  facts?: { label: string; value: string }[];
  buttons?: Button[];
  citations?: Citation[];
  /** Pictures sent after the text (the text always stands on its own without them). */
  images?: ReplyImage[];
  /** The structured result behind the reply (`kam ask --json` → data). */
  data?: unknown;
}

/** A push addressed to a user, as delivered from the outbox. */
export interface Recipient {
  userId: string;
  feishuOpenId?: string | null;
  wecomUserId?: string | null;
  slackUserId?: string | null;
  dingtalkUserId?: string | null;
}

/**
 * The unsent rest of an answer to an inbound message, parked in the outbox after the platform
 * kept failing: already rendered for its platform, so a resend carries exactly the same parts.
 */
export interface PendingReply<Part = unknown> {
  platform: ChatPlatform;
  /** Where the parts go, in the platform's terms (open_id or chat, WeCom member or appchat, channel and thread). */
  target: Record<string, string>;
  /** Rendered platform messages still to send, in order. */
  parts: Part[];
}

/** Someone an alert posted into a group @-mentions, with their id on that group's platform. */
export interface GroupMention {
  userId: string;
  name: string;
  platformId?: string;
}

export interface Adapter {
  readonly platform: ChatPlatform;
  /** Opens long connections or registers webhooks; called once by `kam start`. */
  start?(): Promise<void>;
  stop?(): Promise<void>;
  /** Whether this adapter can reach the recipient (has their platform id). */
  canReach(recipient: Recipient): boolean;
  /**
   * Proactive send (alerts, briefings). Throws PlatformError (transient or not). `key` is the
   * same on every attempt of one push: platforms that take an idempotency key (Feishu `uuid`)
   * get one derived from it, so a retry after a lost response is not shown twice.
   */
  send(recipient: Recipient, reply: Reply, key?: string): Promise<void>;
  /**
   * Sends a parked answer (outbox worker). After each part but the last, `progress` gets what is
   * still unsent, so a failure later on never resends a part that went out. Throws PlatformError.
   */
  resendReply?(pending: PendingReply, progress: (rest: PendingReply) => Promise<void>): Promise<void>;
  /**
   * Posts into a bound group chat (outbox worker): `mentions` are @-mentioned in the platform's
   * syntax, `key` identifies the post (idempotency where the platform has it). Throws PlatformError.
   */
  sendToGroup?(chatId: string, reply: Reply, opts: { mentions: GroupMention[]; key: string }): Promise<void>;
}

/** Per-chat memory for follow-ups ("那他们的合同呢?", "撤销"); persisted, expires after 30 min. */
export interface ChatContext {
  lastAccountId?: string;
  lastNoteId?: string;
  /** Pending question the bot asked (disambiguation, confirmation), owned by whoever asked it. */
  pending?: { kind: string; [k: string]: unknown };
  [k: string]: unknown;
}
