// The first command on an empty embedded database (and `kam start`) loads the demo world, so a
// fresh checkout shows the product working; KAM_DEMO=false starts empty. A database server
// (DATABASE_URL) is never filled with demo data.
import type { AppContext } from '../app.ts';
import { isEmpty } from '../store/import-export.ts';

export async function loadDemoIfEmpty(app: AppContext, say: (line: string) => void): Promise<boolean> {
  if (!app.config.demo || app.config.databaseUrl || !(await isEmpty(app.db))) return false;
  const t0 = Date.now();
  // Loaded only when needed: every other command start stays as light as before.
  const { loadDemo } = await import('./load.ts');
  const { rows, accounts } = await loadDemo(app, new Date());
  say(`empty database: loaded the bundled demo data — a demo world of ${accounts} accounts dated to today (${rows} rows, ${((Date.now() - t0) / 1000).toFixed(1)} s; KAM_DEMO=false starts empty, \`kam demo --reset\` rebuilds it)`);
  return true;
}
