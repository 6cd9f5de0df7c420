// One drain of the outbox with the app's registered adapters and current settings.
import type { AppContext } from '../app.ts';
import { logChannel } from '../delivery/log-channel.ts';
import { getAdapters } from '../delivery/registry.ts';
import { loadTunables } from '../insights/settings.ts';
import { drainOutbox, type DrainOptions, type DrainResult } from './worker.ts';

export async function drainWithRegistry(app: AppContext, now: Date, limit?: number, only: Pick<DrainOptions, 'lane' | 'stopping' | 'clock'> = {}): Promise<DrainResult> {
  const tun = await loadTunables(app.db);
  return drainOutbox(app.db, { now, settings: tun.outbox, adapters: getAdapters(), fallback: logChannel(app.log), log: app.log, lang: app.config.lang, limit, ...only });
}
