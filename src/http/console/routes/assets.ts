// GET /console/assets/:file — the console's own stylesheet and script (no CDN, no build step).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { projectPath } from '../../../paths.ts';

const DIR = projectPath('src', 'http', 'console', 'assets');
const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Every asset, read once at start-up; only these names are ever served. */
function loadAssets(): Map<string, { type: string; body: Buffer }> {
  const out = new Map<string, { type: string; body: Buffer }>();
  for (const name of readdirSync(DIR)) {
    const type = TYPES[extname(name)];
    if (type) out.set(name, { type, body: readFileSync(join(DIR, name)) });
  }
  return out;
}

const assets = loadAssets();

/** Changes whenever an asset does, so browsers never keep a stale script or stylesheet. */
export const ASSET_VERSION = createHash('sha256')
  .update(Buffer.concat([...assets.values()].map((a) => a.body)))
  .digest('hex')
  .slice(0, 10);

export function assetRoutes(server: FastifyInstance) {
  server.get<{ Params: { file: string } }>('/console/assets/:file', async (req, reply) => {
    const asset = assets.get(req.params.file);
    if (!asset) return reply.code(404).type('text/plain; charset=utf-8').send('not found');
    reply.header('cache-control', 'public, max-age=3600');
    reply.header('x-content-type-options', 'nosniff');
    return reply.type(asset.type).send(asset.body);
  });
}
