// Token format: kam_<id>_<secret>. The id names the token in `kam tokens list/revoke`; only the
// SHA-256 of the whole token is stored, so a database dump reveals no usable token.
import { createHash, randomBytes } from 'node:crypto';

export function newToken(): { id: string; token: string; sha256: string } {
  const id = randomBytes(4).toString('hex');
  const token = `kam_${id}_${randomBytes(24).toString('base64url')}`;
  return { id, token, sha256: tokenDigest(token) };
}

export function tokenDigest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
