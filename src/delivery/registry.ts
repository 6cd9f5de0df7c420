// The adapters pushes can go through. Platform adapters register themselves when `kam start` brings
// them up; until one can reach a recipient, pushes go to the built-in log channel.
import type { Adapter } from '../chat/types.ts';

const adapters: Adapter[] = [];

/** Adds an adapter, replacing one already registered for the same platform. */
export function registerAdapter(adapter: Adapter): void {
  const i = adapters.findIndex((a) => a.platform === adapter.platform);
  if (i >= 0) adapters[i] = adapter;
  else adapters.push(adapter);
}

export function unregisterAdapter(platform: Adapter['platform']): void {
  const i = adapters.findIndex((a) => a.platform === platform);
  if (i >= 0) adapters.splice(i, 1);
}

export function getAdapters(): readonly Adapter[] {
  return adapters;
}
