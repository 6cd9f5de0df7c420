// Per-chat pacing of posts into bound group chats: each platform's documented limit for one group,
// applied by the outbox worker before it posts, so a row over the limit waits for its slot (no
// attempt counted) while the rows of other groups and personal pushes in the same lane go out.
// The adapters keep their own in-process per-chat queues as a second guard.
import type { GroupPlatform } from '../domain/groups.ts';

export interface Pace {
  /** Posts allowed within any window of `windowMs`. */
  count: number;
  windowMs: number;
}

/**
 * What each platform allows into one group chat (checked 2026-12):
 * - Feishu: im/v1/messages "向同一群组发送消息的限频为群内机器人共享 5 QPS" (open.feishu.cn, 发送消息, 使用限制);
 * - Slack: chat.postMessage "generally allows posting one message per second per channel"
 *   (api.slack.com/docs/rate-limits);
 * - WeCom: an app's group messages: "每个成员在群中收到的应用消息不可超过200条/分 … 超过会被丢弃(接口不会报错)"
 *   (developer.work.weixin.qq.com/document/path/90454): dropped silently, so never exceeded;
 * - DingTalk: robots "每个机器人每分钟最多发送20条消息到群里，如果超过20条，会限流10分钟" (the group
 *   robot limit of open.dingtalk.com's robot documents; the app robot's groupMessages/send and
 *   interactiveCards/send document no tighter one).
 */
export const GROUP_PACE: Record<GroupPlatform, Pace> = {
  feishu: { count: 5, windowMs: 1000 },
  slack: { count: 1, windowMs: 1000 },
  wecom: { count: 200, windowMs: 60_000 },
  dingtalk: { count: 20, windowMs: 60_000 },
};

/** The longest window above: how far back the worker looks at what a group was sent. */
export const GROUP_PACE_LOOKBACK_MS = Math.max(...Object.values(GROUP_PACE).map((p) => p.windowMs));

/**
 * When the next post to a chat may go out: `now` while fewer than `count` posts went out in the
 * window before it, otherwise the moment the oldest of the last `count` leaves the window.
 * `sent` are the send times, in any order.
 */
export function nextSlot(sent: readonly Date[], pace: Pace, now: Date): Date {
  const inWindow = sent.map((d) => d.getTime()).filter((t) => t > now.getTime() - pace.windowMs && t <= now.getTime()).sort((a, b) => a - b);
  if (inWindow.length < pace.count) return now;
  return new Date(inWindow[inWindow.length - pace.count] + pace.windowMs);
}
