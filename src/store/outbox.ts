// The outbox: every push is a row (recipient, platform, payload, status, attempts, next attempt,
// last error). Rows are claimed with SKIP LOCKED and a lease, so a crashed worker's rows come back;
// the claim names its holder, who renews the lease row by row (holdClaim) and so never sends a row
// another worker took over after the lease ran out.
import type { Db } from '../../db/index.ts';

/** Kind of a row that carries an answer to an inbound message, parked after its platform kept failing. */
export const PARKED_REPLY_KIND = 'reply';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'undeliverable';

export interface NewOutboxRow {
  /** Our user id; for a parked answer ('reply'), the asker as `platform:platform-id`. */
  recipientId: string;
  /** 'reply': an answer to an inbound message the platform would not take in time. */
  kind: 'alert' | 'escalation' | 'briefing' | 'reply' | 'answer';
  payload: unknown;
  dedupKey: string;
  alertId?: number | null;
  /** Set when the row can only go out through one platform (a parked answer). */
  platform?: string | null;
}

export interface OutboxRow {
  id: number;
  recipientId: string;
  platform: string | null;
  kind: string;
  payload: any;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  alertId: number | null;
  createdAt: Date;
  sentAt: Date | null;
}

const BATCH = 1000;

/** Adds rows, skipping any whose dedup key is already there; returns how many were added. */
export async function enqueue(db: Db, rows: NewOutboxRow[], dueAt: Date): Promise<number> {
  let added = 0;
  for (let i = 0; i < rows.length; i += BATCH) {
    const part = rows.slice(i, i + BATCH);
    const res = await db.query(
      `INSERT INTO outbox (recipient_id, kind, payload, dedup_key, alert_id, platform, next_attempt_at, created_at)
       SELECT r, k, p, d, a, pl, $7, $7 FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::text[], $5::bigint[], $6::text[]) AS x(r, k, p, d, a, pl)
       ON CONFLICT (dedup_key) DO NOTHING RETURNING id`,
      [
        part.map((r) => r.recipientId),
        part.map((r) => r.kind),
        part.map((r) => JSON.stringify(r.payload)),
        part.map((r) => r.dedupKey),
        part.map((r) => r.alertId ?? null),
        part.map((r) => r.platform ?? null),
        dueAt,
      ],
    );
    added += res.rows.length;
  }
  return added;
}

function toRow(r: any): OutboxRow {
  return {
    id: r.id,
    recipientId: r.recipient_id,
    platform: r.platform,
    kind: r.kind,
    payload: r.payload,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    alertId: r.alert_id,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  };
}

/**
 * Which running platform a row goes out through: a parked answer through its own; a push through
 * the first of `order` (the running platforms, in the order pushes try them) that has the
 * recipient's id, else the console channel. The outbox worker picks the same way.
 */
export interface OutboxLane {
  platform: string;
  order: string[];
}

// Parked answers and posts into group chats (recipient group:…) go through the platform they name.
const LANE_SQL = `CASE WHEN o.kind = 'reply' OR o.recipient_id LIKE 'group:%' THEN o.platform ELSE COALESCE((
    SELECT p FROM unnest($5::text[]) WITH ORDINALITY AS x(p, n)
    WHERE (p = 'feishu' AND btrim(u.feishu_open_id) <> '') OR (p = 'wecom' AND btrim(u.wecom_userid) <> '') OR (p = 'slack' AND btrim(u.slack_user_id) <> '')
       OR (p = 'dingtalk' AND btrim(u.dingtalk_user_id) <> '')
    ORDER BY n LIMIT 1), 'console') END`;

/**
 * Claims due rows (pending, or sending with an expired lease) for `leaseMs` as `claimant`; with a
 * lane, only that lane's rows.
 */
export async function claimDue(db: Db, now: Date, limit: number, leaseMs: number, claimant: string, lane?: OutboxLane): Promise<OutboxRow[]> {
  const due = `o.status IN ('pending', 'sending') AND o.next_attempt_at <= $1`;
  const res = lane
    ? await db.query(
        `UPDATE outbox SET status = 'sending', next_attempt_at = $2, claimed_by = $6
         WHERE id IN (SELECT o.id FROM outbox o LEFT JOIN users u ON u.id = o.recipient_id
                      WHERE ${due} AND ${LANE_SQL} = $4
                      ORDER BY o.next_attempt_at, o.id LIMIT $3 FOR UPDATE OF o SKIP LOCKED)
         RETURNING *`,
        [now, new Date(now.getTime() + leaseMs), limit, lane.platform, lane.order, claimant],
      )
    : await db.query(
        `UPDATE outbox SET status = 'sending', next_attempt_at = $2, claimed_by = $4
         WHERE id IN (SELECT o.id FROM outbox o WHERE ${due}
                      ORDER BY o.next_attempt_at, o.id LIMIT $3 FOR UPDATE SKIP LOCKED)
         RETURNING *`,
        [now, new Date(now.getTime() + leaseMs), limit, claimant],
      );
  return res.rows.map(toRow).sort((a, b) => a.id - b.id);
}

/**
 * Right before a claimed row is worked on: renews its lease to `now + leaseMs` when `claimant`
 * still holds it. False when its lease ran out meanwhile and another worker claimed it (or it is
 * no longer being sent): the row is theirs now and must not be sent here.
 */
export async function holdClaim(db: Db, id: number, claimant: string, now: Date, leaseMs: number): Promise<boolean> {
  const res = await db.query(`UPDATE outbox SET next_attempt_at = $3 WHERE id = $1 AND status = 'sending' AND claimed_by = $2 RETURNING id`, [
    id,
    claimant,
    new Date(now.getTime() + leaseMs),
  ]);
  return res.rows.length > 0;
}

export async function markSent(db: Db, id: number, platform: string, now: Date): Promise<void> {
  await db.query(`UPDATE outbox SET status = 'sent', platform = $2, sent_at = $3, attempts = attempts + 1, last_error = NULL WHERE id = $1`, [id, platform, now]);
}

export async function markRetry(db: Db, id: number, platform: string | null, error: string, nextAt: Date): Promise<void> {
  await db.query(`UPDATE outbox SET status = 'pending', platform = $2, attempts = attempts + 1, last_error = $3, next_attempt_at = $4 WHERE id = $1`, [id, platform, error, nextAt]);
}

export async function markFailed(db: Db, id: number, platform: string | null, error: string): Promise<void> {
  await db.query(`UPDATE outbox SET status = 'failed', platform = $2, attempts = attempts + 1, last_error = $3 WHERE id = $1`, [id, platform, error]);
}

export async function markUndeliverable(db: Db, id: number, reason: string): Promise<void> {
  await db.query(`UPDATE outbox SET status = 'undeliverable', last_error = $2 WHERE id = $1`, [id, reason]);
}

/** Replaces a claimed row's payload (a parked answer after some of its parts went out). */
export async function updatePayload(db: Db, id: number, payload: unknown): Promise<void> {
  await db.query(`UPDATE outbox SET payload = $2 WHERE id = $1`, [id, JSON.stringify(payload)]);
}

/** Puts a row back without counting an attempt (rate limit). */
export async function postpone(db: Db, id: number, until: Date): Promise<void> {
  await db.query(`UPDATE outbox SET status = 'pending', next_attempt_at = $2 WHERE id = $1`, [id, until]);
}

/** How many messages each recipient was sent since `since`. */
export async function sentSince(db: Db, recipientIds: string[], since: Date): Promise<Map<string, number>> {
  if (!recipientIds.length) return new Map();
  const res = await db.query<{ recipient_id: string; n: number }>(
    `SELECT recipient_id, count(*)::int AS n FROM outbox WHERE status = 'sent' AND recipient_id = ANY($1::text[]) AND sent_at > $2 GROUP BY recipient_id`,
    [recipientIds, since],
  );
  return new Map(res.rows.map((r) => [r.recipient_id, r.n]));
}

/** When each of these recipients was sent something since `since` (the group pacing window). */
export async function sentTimesSince(db: Db, recipientIds: string[], since: Date): Promise<Map<string, Date[]>> {
  const out = new Map<string, Date[]>();
  if (!recipientIds.length) return out;
  const res = await db.query<{ recipient_id: string; sent_at: Date }>(
    `SELECT recipient_id, sent_at FROM outbox WHERE status = 'sent' AND recipient_id = ANY($1::text[]) AND sent_at > $2 ORDER BY sent_at`,
    [recipientIds, since],
  );
  for (const r of res.rows) out.set(r.recipient_id, [...(out.get(r.recipient_id) ?? []), new Date(r.sent_at)]);
  return out;
}

export async function listOutbox(db: Db, statuses: OutboxStatus[], limit = 200): Promise<OutboxRow[]> {
  const res = await db.query(`SELECT * FROM outbox WHERE status = ANY($1::text[]) ORDER BY id DESC LIMIT $2`, [statuses, limit]);
  return res.rows.map(toRow);
}

/** Messages delivered to the console channel for one user (the web console's inbox). */
export async function inboxOf(db: Db, userId: string, limit = 50): Promise<OutboxRow[]> {
  const res = await db.query(`SELECT * FROM outbox WHERE recipient_id = $1 AND status IN ('sent', 'undeliverable') ORDER BY id DESC LIMIT $2`, [userId, limit]);
  return res.rows.map(toRow);
}

/** Puts failed or undeliverable rows back in the queue (after fixing a user's platform id, say). */
export async function requeue(db: Db, ids: number[] | 'all', now: Date): Promise<number> {
  const res =
    ids === 'all'
      ? await db.query(`UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = $1 WHERE status IN ('failed', 'undeliverable') RETURNING id`, [now])
      : await db.query(`UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = $2 WHERE id = ANY($1::bigint[]) AND status IN ('failed', 'undeliverable') RETURNING id`, [ids, now]);
  return res.rows.length;
}

export interface RecipientIdentity {
  userId: string;
  exists: boolean;
  feishuOpenId: string | null;
  wecomUserId: string | null;
  slackUserId: string | null;
  dingtalkUserId: string | null;
}

export async function recipientIdentities(db: Db, userIds: string[]): Promise<Map<string, RecipientIdentity>> {
  const res = await db.query<{ id: string; feishu_open_id: string | null; wecom_userid: string | null; slack_user_id: string | null; dingtalk_user_id: string | null }>(
    'SELECT id, feishu_open_id, wecom_userid, slack_user_id, dingtalk_user_id FROM users WHERE id = ANY($1::text[])',
    [userIds],
  );
  const out = new Map<string, RecipientIdentity>();
  for (const id of userIds) out.set(id, { userId: id, exists: false, feishuOpenId: null, wecomUserId: null, slackUserId: null, dingtalkUserId: null });
  for (const r of res.rows) out.set(r.id, { userId: r.id, exists: true, feishuOpenId: r.feishu_open_id, wecomUserId: r.wecom_userid, slackUserId: r.slack_user_id, dingtalkUserId: r.dingtalk_user_id });
  return out;
}
