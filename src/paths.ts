// The project's root directory (where package.json, db/migrations and the console's assets
// are), found from this module's location whether it runs from src/ or from the bundled CLI under
// node_modules/.cache (see bin/kam).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'db', 'migrations'))) return dir;
    if (dirname(dir) === dir) throw new Error(`cannot find the project root above ${start}`);
  }
}

const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside the project. */
export const projectPath = (...parts: string[]) => join(PROJECT_ROOT, ...parts);
