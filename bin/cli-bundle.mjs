// The CLI runs as one bundle of the TypeScript sources (esbuild), rebuilt whenever a source file
// changes: loading one file is much faster than loading hundreds through a TypeScript loader,
// and nobody has to remember a build step. Packages stay external (resolved from node_modules).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const SOURCE_DIRS = ['src', 'adapters', 'prompts', 'db'];

/** A key that changes whenever a source file is added, removed or modified. */
function sourceFingerprint(root) {
  const hash = createHash('sha256');
  for (const dir of SOURCE_DIRS) {
    const files = readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.ts'))
      .map((e) => join(e.parentPath ?? e.path, e.name))
      .sort();
    for (const file of files) {
      const st = statSync(file);
      hash.update(`${relative(root, file)}\0${st.size}\0${st.mtimeMs}\n`);
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** The bundled entry point for the current sources, built first if needed; undefined if it cannot be built. */
export async function bundledCli(root) {
  const cacheDir = join(root, 'node_modules', '.cache', 'kam');
  const outDir = join(cacheDir, `cli-${sourceFingerprint(root)}`);
  const entry = join(outDir, 'main.js');
  if (existsSync(entry)) return entry;
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return undefined;
  }
  // Build beside the final place and rename: processes starting at once never see half a bundle.
  const tmpDir = `${outDir}.tmp-${process.pid}`;
  mkdirSync(cacheDir, { recursive: true });
  await esbuild.build({
    // The import's CSV reader runs in worker threads: a second entry point beside main.js.
    entryPoints: { main: join(root, 'src', 'cli', 'main.ts'), 'csv-worker': join(root, 'src', 'importing', 'csv-worker.ts') },
    outdir: tmpDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
  });
  try {
    renameSync(tmpDir, outDir);
  } catch {
    rmSync(tmpDir, { recursive: true, force: true }); // another process got there first
  }
  for (const old of readdirSync(cacheDir)) {
    if (old.startsWith('cli-') && join(cacheDir, old) !== outDir && !old.includes('.tmp-')) rmSync(join(cacheDir, old), { recursive: true, force: true });
  }
  return existsSync(entry) ? entry : undefined;
}
