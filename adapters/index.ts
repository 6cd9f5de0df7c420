// Builds the messaging adapters whose credentials are set (CONTRACT.md §3), wires them to the
// conversation engine, and starts them with `kam start` (long connections, push registry).
import type { AppContext, RunningService } from '../src/app.ts';
import { DingtalkAdapter } from './dingtalk/index.ts';
import { handleMessage } from '../src/conversation/engine.ts';
import { registerAdapter, unregisterAdapter } from '../src/delivery/registry.ts';
import { FeishuAdapter } from './feishu/index.ts';
import { pruneProcessedEvents } from '../src/store/processed-events.ts';
import { DEDUP_RETENTION_MS } from './shared/webhook.ts';
import { type MessageHandler } from '../src/chat/webhook.ts';
import { SlackAdapter } from './slack/index.ts';
import type { Adapter } from '../src/chat/types.ts';
import { WecomAdapter } from './wecom/index.ts';
import { transcriberFor } from '../src/voice/transcribe.ts';

export interface PlatformAdapters {
  feishu?: FeishuAdapter;
  wecom?: WecomAdapter;
  slack?: SlackAdapter;
  dingtalk?: DingtalkAdapter;
  /** The configured ones, in the order pushes try them: Feishu, WeCom, Slack, DingTalk. */
  list: Adapter[];
}

export interface BuildOptions {
  clock?: () => Date;
}


export function buildAdapters(app: AppContext, handler: MessageHandler, opts: BuildOptions = {}): PlatformAdapters {
  const { config, db, log } = app;
  const common = { db, log, handler, lang: config.lang, clock: opts.clock, timeoutMs: config.platformTimeoutMs, transcriber: transcriberFor(config) };
  const feishu = config.feishu && new FeishuAdapter({ ...common, config: config.feishu });
  const wecom = config.wecom && new WecomAdapter({ ...common, config: config.wecom });
  const slack = config.slack && new SlackAdapter({ ...common, config: config.slack });
  const dingtalk = config.dingtalk && new DingtalkAdapter({ ...common, config: config.dingtalk });
  return { feishu, wecom, slack, dingtalk, list: [feishu, wecom, slack, dingtalk].filter((a): a is NonNullable<typeof a> => a !== undefined) };
}

const built = new WeakMap<AppContext, PlatformAdapters>();

/** The adapters of this app, wired to the conversation engine (one set per AppContext). */
export function adaptersFor(app: AppContext): PlatformAdapters {
  let set = built.get(app);
  if (!set) {
    set = buildAdapters(app, (msg) => handleMessage(app, msg));
    built.set(app, set);
  }
  return set;
}

/** `kam start`: opens long connections and makes the adapters available to the outbox worker. */
export async function startPlatforms(app: AppContext): Promise<RunningService | null> {
  const set = adaptersFor(app);
  if (!set.list.length) return null;
  await pruneProcessedEvents(app.db, new Date(Date.now() - DEDUP_RETENTION_MS));
  for (const adapter of set.list) {
    await adapter.start?.();
    registerAdapter(adapter);
  }
  app.log.info({ platforms: set.list.map((a) => a.platform) }, 'messaging platforms ready');
  return {
    name: 'platforms',
    // Side by side: one platform's stragglers never hold up another's shutdown.
    async stop() {
      for (const adapter of set.list) unregisterAdapter(adapter.platform);
      await Promise.all(set.list.map((adapter) => adapter.stop?.()));
    },
  };
}
