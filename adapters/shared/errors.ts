// Platform API failures become PlatformError (with the platform's own code) in one place per
// platform; `transient` tells the outbox to try again later.
import type { Logger } from 'pino';
import { PlatformError } from '../../src/errors.ts';

export function platformError(
  log: Logger,
  platform: string,
  call: string,
  code: string | number | undefined,
  message: string,
  transient: boolean,
): PlatformError {
  log.warn({ platform, call, platformCode: code, transient }, `${platform} ${call} failed: ${message}`);
  return new PlatformError(`${platform} ${call} failed (${code ?? 'no code'}): ${message}`, platform, code, transient);
}
