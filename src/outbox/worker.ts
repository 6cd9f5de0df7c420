// Drains the outbox: claims due rows, delivers each through the first registered adapter that can
// reach the recipient (the console channel when none can), retries failures with exponential
// backoff, holds back recipients over their rate limit, and marks recipients without any platform
// identity undeliverable. Parked answers to inbound messages (kind 'reply') go back through the
// adapter of the platform they came from, to the chat they came from. Nothing is dropped: every
// row ends sent, failed or undeliverable. Each platform is its own lane: a drain can take one lane
// only (the scheduler runs one loop per lane), and a platform that times out delays only its own
// rows — the rest of its batch waits for the next round instead of paying one timeout each.
// Several instances may drain one database: a row is claimed under a lease, and renewed (from
// `clock`) right before it is tried, so a row another instance took over once a long batch outlived
// its lease is skipped here rather than sent twice.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Db } from '../../db/index.ts';
import type { Adapter, GroupMention, PendingReply, Recipient } from '../chat/types.ts';
import { parseGroupKey } from '../domain/groups.ts';
import { t } from '../../prompts/index.ts';
import { outboxTexts } from '../../prompts/insights.ts';
import type { Lang } from '../../prompts/index.ts';
import { PlatformError } from '../errors.ts';
import {
  claimDue,
  holdClaim,
  markFailed,
  markRetry,
  markSent,
  markUndeliverable,
  PARKED_REPLY_KIND,
  postpone,
  recipientIdentities,
  sentSince,
  sentTimesSince,
  updatePayload,
  type OutboxRow,
  type RecipientIdentity,
} from '../store/outbox.ts';
import { GROUP_PACE, GROUP_PACE_LOOKBACK_MS, nextSlot } from './group-pace.ts';
import { backoffMs, hasPlatformIdentity } from './policy.ts';
import type { OutboxSettings } from './settings.ts';

export interface DrainOptions {
  now: Date;
  settings: OutboxSettings;
  adapters: readonly Adapter[];
  fallback: Adapter;
  log: Logger;
  lang: Lang;
  limit?: number;
  /** Only the rows of this lane (platform); without it, every due row, each lane side by side. */
  lane?: string;
  /** Checked before each row: once true (shutdown), the rows not yet tried go back unchanged. */
  stopping?: () => boolean;
  /** The time before each row, from which its lease is renewed; default `now` throughout. */
  clock?: () => Date;
}

export interface DrainResult {
  sent: number;
  retried: number;
  failed: number;
  undeliverable: number;
  postponed: number;
}

/** How long a claimed row stays ours (renewed as each row is tried) before another worker may take it back. */
export const OUTBOX_LEASE_MS = 60_000;
const RATE_WINDOW_MS = 60_000;
/** Failures that say the platform cannot be reached at all (rather than refusing this one message). */
const UNREACHABLE = new Set(['timeout', 'network', 'shutdown']);

/** The lanes a drain can run: one per running messaging platform, and the console channel. */
export function drainLanes(adapters: readonly Adapter[]): string[] {
  return [...new Set([...adapters.filter((a) => a.platform !== 'console').map((a) => a.platform), 'console'])];
}

export async function drainOutbox(db: Db, o: DrainOptions): Promise<DrainResult> {
  const result: DrainResult = { sent: 0, retried: 0, failed: 0, undeliverable: 0, postponed: 0 };
  const order = o.adapters.filter((a) => a.platform !== 'console').map((a) => a.platform);
  const claimant = randomUUID();
  const rows = await claimDue(db, o.now, o.limit ?? 100, OUTBOX_LEASE_MS, claimant, o.lane ? { platform: o.lane, order } : undefined);
  if (!rows.length) return result;
  const recipientIds = [...new Set(rows.map((r) => r.recipientId))];
  const identities = await recipientIdentities(db, recipientIds);
  const sentRecently = await sentSince(db, recipientIds, new Date(o.now.getTime() - RATE_WINDOW_MS));
  const groupSends = await sentTimesSince(db, recipientIds.filter((r) => parseGroupKey(r)), new Date(o.now.getTime() - GROUP_PACE_LOOKBACK_MS));

  // Each platform's rows in their own lane, the lanes side by side: a platform that hangs holds up only its own rows.
  const lanes = new Map<string, OutboxRow[]>();
  for (const row of rows) {
    const lane = laneOf(row, identities.get(row.recipientId), o);
    lanes.set(lane, [...(lanes.get(lane) ?? []), row]);
  }
  await Promise.all([...lanes.values()].map((laneRows) => drainLane(db, laneRows, claimant, identities, { sentRecently, groupSends }, result, o)));
  return result;
}

/** What went out recently: per recipient over the rate window, and each group chat's send times. */
interface RecentSends {
  sentRecently: Map<string, number>;
  groupSends: Map<string, Date[]>;
}

/** One lane's rows in order; after a failure that says the platform is unreachable, the rest wait for the next round. */
async function drainLane(
  db: Db,
  rows: OutboxRow[],
  claimant: string,
  identities: Map<string, RecipientIdentity>,
  recent: RecentSends,
  result: DrainResult,
  o: DrainOptions,
): Promise<void> {
  const { sentRecently, groupSends } = recent;
  let unreachable: Date | undefined;
  for (const row of rows) {
    // Another instance took the row over (our lease ran out while earlier rows went out): theirs to send.
    if (!(await holdClaim(db, row.id, claimant, o.clock?.() ?? o.now, OUTBOX_LEASE_MS))) {
      o.log.info({ outbox: row.id }, 'outbox row taken over by another worker; skipped');
      continue;
    }
    if (o.stopping?.() || unreachable) {
      await postpone(db, row.id, unreachable ?? o.now);
      result.postponed++;
      continue;
    }
    const already = sentRecently.get(row.recipientId) ?? 0;
    const group = row.kind === PARKED_REPLY_KIND ? undefined : parseGroupKey(row.recipientId);
    // A group over its platform's per-chat limit: this row waits for its slot, the lane goes on.
    const slot = group && nextSlot(groupSends.get(row.recipientId) ?? [], GROUP_PACE[group.platform], o.now);
    const outcome =
      already >= o.settings.ratePerMinute
        ? await holdBack(db, row, o)
        : slot && slot > o.now
          ? await waitForSlot(db, row, slot)
          : row.kind === PARKED_REPLY_KIND
            ? await resendParked(db, row, o)
            : group
              ? await postToGroup(db, row, o)
              : await push(db, row, identities.get(row.recipientId)!, o);
    result[outcome.outcome]++;
    if (outcome.outcome === 'sent') {
      sentRecently.set(row.recipientId, already + 1);
      if (group) groupSends.set(row.recipientId, [...(groupSends.get(row.recipientId) ?? []), o.now]);
    }
    if (outcome.unreachable) unreachable = new Date(o.now.getTime() + backoffMs(1, o.settings));
  }
}

/** A group post over its chat's pace: back in the queue until its slot, no attempt counted. */
async function waitForSlot(db: Db, row: OutboxRow, slot: Date): Promise<Outcome> {
  await postpone(db, row.id, slot);
  return { outcome: 'postponed' };
}

/** The lane a row goes out through: what push() and resendParked() will pick. */
function laneOf(row: OutboxRow, id: RecipientIdentity | undefined, o: DrainOptions): string {
  if (row.kind === PARKED_REPLY_KIND) return (row.payload?.pending as PendingReply | undefined)?.platform ?? row.platform ?? 'console';
  const group = parseGroupKey(row.recipientId);
  if (group) return group.platform;
  if (!id?.exists) return 'console';
  const recipient: Recipient = { userId: id.userId, feishuOpenId: id.feishuOpenId, wecomUserId: id.wecomUserId, slackUserId: id.slackUserId, dingtalkUserId: id.dingtalkUserId };
  return hasPlatformIdentity(recipient) ? (pickAdapter(o.adapters, recipient) ?? o.fallback).platform : 'console';
}

type Outcome = { outcome: keyof DrainResult; unreachable?: boolean };

/** The recipient had their share this minute: the row waits a minute without counting an attempt. */
async function holdBack(db: Db, row: OutboxRow, o: DrainOptions): Promise<Outcome> {
  await postpone(db, row.id, new Date(o.now.getTime() + RATE_WINDOW_MS));
  return { outcome: 'postponed' };
}

/** An alert or briefing: to our user, through the first platform that has their id. */
async function push(db: Db, row: OutboxRow, id: RecipientIdentity, o: DrainOptions): Promise<Outcome> {
  if (!id.exists) {
    await markUndeliverable(db, row.id, t(outboxTexts, 'unknown_user', o.lang, { user: row.recipientId }));
    return { outcome: 'undeliverable' };
  }
  const recipient: Recipient = { userId: id.userId, feishuOpenId: id.feishuOpenId, wecomUserId: id.wecomUserId, slackUserId: id.slackUserId, dingtalkUserId: id.dingtalkUserId };
  if (!hasPlatformIdentity(recipient)) {
    await markUndeliverable(db, row.id, t(outboxTexts, 'no_identity', o.lang, { user: row.recipientId }));
    o.log.warn({ outbox: row.id, recipient: row.recipientId }, 'push undeliverable: recipient has no platform identity');
    return { outcome: 'undeliverable' };
  }
  const adapter = pickAdapter(o.adapters, recipient) ?? o.fallback;
  try {
    await adapter.send(recipient, row.payload.reply, `outbox:${row.id}`);
    await markSent(db, row.id, adapter.platform, o.now);
    return { outcome: 'sent' };
  } catch (e) {
    return recordFailure(db, row, adapter.platform, e, o);
  }
}

/** Failed for good (permanent error, or out of attempts) or back in the queue with backoff. */
async function recordFailure(db: Db, row: OutboxRow, platform: string, e: unknown, o: DrainOptions): Promise<Outcome> {
  const message = (e as Error).message ?? String(e);
  const permanent = e instanceof PlatformError && !e.transient;
  const code = e instanceof PlatformError ? e.code : undefined;
  if (permanent || row.attempts + 1 >= o.settings.maxAttempts) {
    await markFailed(db, row.id, platform, message);
    o.log.error({ outbox: row.id, recipient: row.recipientId, platform, platformCode: code, err: message }, 'push failed for good');
    return { outcome: 'failed' };
  }
  await markRetry(db, row.id, platform, message, new Date(o.now.getTime() + backoffMs(row.attempts + 1, o.settings)));
  o.log.warn({ outbox: row.id, recipient: row.recipientId, platform, platformCode: code, attempt: row.attempts + 1 }, 'push failed, will retry');
  return { outcome: 'retried', unreachable: typeof code === 'string' && UNREACHABLE.has(code) };
}

/**
 * A parked answer goes out only through the adapter of its own platform (the chat it answers is
 * there); while that platform is not running here, the row waits like any transient failure.
 */
async function resendParked(db: Db, row: OutboxRow, o: DrainOptions): Promise<Outcome> {
  const pending = row.payload?.pending as PendingReply | undefined;
  if (!pending?.platform || !Array.isArray(pending.parts)) {
    await markFailed(db, row.id, row.platform, 'parked answer without parts');
    return { outcome: 'failed' };
  }
  const adapter = o.adapters.find((a) => a.platform === pending.platform && a.resendReply);
  try {
    if (!adapter?.resendReply) throw new PlatformError(`${pending.platform} is not running on this instance`, pending.platform, 'not_running', true);
    await adapter.resendReply(pending, (rest) => updatePayload(db, row.id, { ...row.payload, pending: rest }));
    await markSent(db, row.id, pending.platform, o.now);
    return { outcome: 'sent' };
  } catch (e) {
    return recordFailure(db, row, pending.platform, e, o);
  }
}

/**
 * A post into a bound group chat (recipient `group:<platform>:<chat>`): through that platform's
 * adapter only, with the people it names @-mentioned by their id there. While the platform is not
 * running on this instance the row waits like any transient failure.
 */
async function postToGroup(db: Db, row: OutboxRow, o: DrainOptions): Promise<Outcome> {
  const group = parseGroupKey(row.recipientId)!;
  const adapter = o.adapters.find((a) => a.platform === group.platform && a.sendToGroup);
  const named = (row.payload?.mentions ?? []) as { userId: string; name: string }[];
  const ids = await recipientIdentities(db, named.map((m) => m.userId));
  const mentions: GroupMention[] = named.map((m) => {
    const id = ids.get(m.userId);
    const platformId = id && { feishu: id.feishuOpenId, wecom: id.wecomUserId, slack: id.slackUserId, dingtalk: id.dingtalkUserId }[group.platform];
    return { ...m, ...(platformId ? { platformId } : {}) };
  });
  try {
    if (!adapter?.sendToGroup) throw new PlatformError(`${group.platform} is not running on this instance`, group.platform, 'not_running', true);
    await adapter.sendToGroup(group.chatId, row.payload.reply, { mentions, key: `outbox:${row.id}` });
    await markSent(db, row.id, group.platform, o.now);
    return { outcome: 'sent' };
  } catch (e) {
    return recordFailure(db, row, group.platform, e, o);
  }
}

/** A messaging platform that can reach the recipient, before any console-like adapter. */
function pickAdapter(adapters: readonly Adapter[], r: Recipient): Adapter | undefined {
  return adapters.find((a) => a.platform !== 'console' && a.canReach(r)) ?? adapters.find((a) => a.platform === 'console' && a.canReach(r));
}
