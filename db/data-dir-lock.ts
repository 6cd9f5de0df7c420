// An embedded database directory belongs to one process at a time: two PGlite instances on the
// same files each keep their own buffers and WAL position, and their writes clobber each other
// (`kam import` in a second terminal while `kam start` runs). The first process to open the
// directory writes its pid into kam.lock; another process is refused while that pid lives. A lock
// left by a process that died is taken over.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirBusyError extends Error {}

/** Lock files this process holds, with how many opens hold each; removed on exit at the latest. */
const held = new Map<string, number>();
process.once('exit', () => {
  for (const file of held.keys()) rmSync(file, { force: true });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryCreate(file: string): boolean {
  try {
    const fd = openSync(file, 'wx');
    writeSync(fd, `${process.pid}\n${process.argv.slice(2).join(' ')}\n`);
    closeSync(fd);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

/** Takes the directory's lock (re-entrant within this process); returns its release. */
export function lockDataDir(dir: string): () => void {
  const file = join(dir, 'kam.lock');
  const count = held.get(file) ?? 0;
  if (!count) {
    for (let attempt = 0; !tryCreate(file); attempt++) {
      const [pidLine = '', command = ''] = readFileSync(file, 'utf8').split('\n');
      const pid = Number(pidLine);
      if (pid && pid !== process.pid && alive(pid)) {
        throw new DataDirBusyError(
          `the embedded database in ${dir} is in use by another kam process (pid ${pid}${command ? `, "kam ${command}"` : ''}); ` +
            'stop it first (an embedded database serves one process at a time), or set DATABASE_URL to share a PostgreSQL server',
        );
      }
      if (attempt > 2) throw new DataDirBusyError(`cannot take the lock ${file}; remove it if no kam process is running`);
      rmSync(file, { force: true }); // left by a process that is gone
    }
  }
  held.set(file, count + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (held.get(file) ?? 1) - 1;
    if (left > 0) return void held.set(file, left);
    held.delete(file);
    rmSync(file, { force: true });
  };
}
