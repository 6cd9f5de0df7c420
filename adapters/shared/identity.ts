// Who a platform id belongs to, and which platform reaches a user. The engine maps
// `platformUserId` to our user through users.feishu_open_id / wecom_userid / slack_user_id,
// so every adapter must pass exactly that id: the Feishu open_id (not user_id or union_id),
// the WeCom userid, the Slack user id (U…/W…).
import type { Adapter, ChatPlatform, Recipient } from '../../src/chat/types.ts';

export function platformIdOf(recipient: Recipient, platform: ChatPlatform): string | undefined {
  const id =
    platform === 'feishu'
      ? recipient.feishuOpenId
      : platform === 'wecom'
        ? recipient.wecomUserId
        : platform === 'slack'
          ? recipient.slackUserId
          : platform === 'dingtalk'
            ? recipient.dingtalkUserId
            : undefined;
  return id && id.trim() ? id.trim() : undefined;
}

const ID_COLUMN: Partial<Record<ChatPlatform, string>> = { feishu: 'feishu_open_id', wecom: 'wecom_userid', slack: 'slack_user_id', dingtalk: 'dingtalk_user_id' };

/** The recipient's id on `platform`, for a push; the outbox only hands an adapter people it can reach. */
export function requirePlatformId(recipient: Recipient, platform: ChatPlatform): string {
  const id = platformIdOf(recipient, platform);
  if (!id) throw new Error(`user ${recipient.userId} has no ${ID_COLUMN[platform] ?? `${platform} id`}`);
  return id;
}

/**
 * The adapter a push to `recipient` goes through: their preferred platform when it can reach
 * them, else the first configured adapter (in the given order) that has their id.
 */
export function chooseAdapter<A extends Adapter>(adapters: readonly A[], recipient: Recipient, preferred?: ChatPlatform | null): A | undefined {
  const reachable = adapters.filter((a) => a.canReach(recipient));
  return reachable.find((a) => a.platform === preferred) ?? reachable[0];
}
