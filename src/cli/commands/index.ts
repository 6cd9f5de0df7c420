// The commands of CONTRACT.md §1, each in its own module exporting `register(program)`.
// Modules are loaded on demand: a command run loads only its own module (and what that imports),
// so `kam ask` does not pay for the server, the platform SDKs or the scheduler.
import type { Command } from 'commander';

type Register = (program: Command) => void;

export const commandModules: Record<string, () => Promise<{ register: Register }>> = {
  start: () => import('./start.ts'),
  import: () => import('./import.ts'),
  export: () => import('./export.ts'),
  ask: () => import('./ask.ts'),
  alerts: () => import('./alerts.ts'),
  briefing: () => import('./briefing.ts'),
  rules: () => import('./rules.ts'),
  outbox: () => import('./outbox.ts'),
  roadmap: () => import('./roadmap.ts'),
  reindex: () => import('./reindex.ts'),
  demo: () => import('./demo.ts'),
  mcp: () => import('./mcp.ts'),
  tokens: () => import('./tokens.ts'),
  teams: () => import('./teams.ts'),
};

/** The registrars needed for this command line: just the named command's, or all of them (help, typos). */
export async function commandsFor(argv: string[]): Promise<Register[]> {
  const name = argv.find((a) => !a.startsWith('-'));
  const only = name && name !== 'help' && commandModules[name];
  const loaders = only ? [only] : Object.values(commandModules);
  return (await Promise.all(loaders.map((load) => load()))).map((m) => m.register);
}
