// How a cited record is named on every surface: its id, its date and who is behind it
// ("I016 2026-09-02 张伟"), the parts a record has, in that order.
import type { Citation } from './types.ts';

export function citationLabel(c: Citation, sep = ' '): string {
  return [c.id, c.date, c.author].filter(Boolean).join(sep);
}
