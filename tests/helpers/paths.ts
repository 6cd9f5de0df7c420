import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SAMPLE_DIR = resolve(ROOT, '..', 'shared', 'sample-data');
export const KAM_BIN = join(ROOT, 'bin', 'kam');
export const TEST_TZ = 'Asia/Shanghai';
/** The instant EXPECTED.md's alerts and questions are evaluated at. */
export const SAMPLE_AT = new Date('2026-11-24T10:00:00+08:00');
