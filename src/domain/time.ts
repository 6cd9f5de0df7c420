// Business calendar in the configured time zone. Pure: every function takes its instant and zone.
// Business dates are 'YYYY-MM-DD' strings; instants are Date objects.

export type IsoDate = string;

const partsCache = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = partsCache.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsCache.set(tz, f);
  }
  return f;
}

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function zonedParts(instant: Date, tz: string): ZonedParts {
  const out: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(instant)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return { year: out.year, month: out.month, day: out.day, hour: out.hour === 24 ? 0 : out.hour, minute: out.minute, second: out.second };
}

/** Offset of tz from UTC at that instant, in minutes (Asia/Shanghai: 480). */
export function offsetMinutes(instant: Date, tz: string): number {
  const p = zonedParts(instant, tz);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/** The instant at which the wall clock in tz shows the given local time. */
export function zonedTimeToInstant(year: number, month: number, day: number, hour: number, minute: number, second: number, tz: string): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute, second);
  let instant = new Date(guess - offsetMinutes(new Date(guess), tz) * 60000);
  // A second pass settles instants near a DST change.
  instant = new Date(guess - offsetMinutes(instant, tz) * 60000);
  return instant;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Business date of an instant in tz. */
export function toIsoDate(instant: Date, tz: string): IsoDate {
  const p = zonedParts(instant, tz);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** '2026-11-24T18:00:00+08:00': the instant written in tz with its offset. */
export function formatDateTime(instant: Date, tz: string): string {
  const p = zonedParts(instant, tz);
  const off = offsetMinutes(instant, tz);
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

export function isValidIsoDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/**
 * Parses an ISO 8601 date or date-time. Naive values are wall-clock time in tz; a date alone is
 * midnight in tz. Returns undefined when the text is not a valid ISO 8601 value.
 */
export function parseWhen(text: string, tz: string): Date | undefined {
  const s = text.trim();
  if (DATE_RE.test(s)) {
    if (!isValidIsoDate(s)) return undefined;
    const [y, m, d] = s.split('-').map(Number);
    return zonedTimeToInstant(y, m, d, 0, 0, 0, tz);
  }
  const m = DATETIME_RE.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, sec, zone] = m;
  if (!isValidIsoDate(`${y}-${mo}-${d}`) || +h > 23 || +mi > 59 || +(sec ?? 0) > 59) return undefined;
  if (!zone) return zonedTimeToInstant(+y, +mo, +d, +h, +mi, +(sec ?? 0), tz);
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${sec ?? '00'}${zone === 'Z' ? 'Z' : zone.length === 5 ? zone.slice(0, 3) + ':' + zone.slice(3) : zone}`;
  const out = new Date(iso);
  return Number.isNaN(out.getTime()) ? undefined : out;
}

function dateToUtcDays(d: IsoDate): number {
  const [y, m, day] = d.split('-').map(Number);
  return Date.UTC(y, m - 1, day) / 86400000;
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round(dateToUtcDays(b) - dateToUtcDays(a));
}

export function addDays(d: IsoDate, n: number): IsoDate {
  return new Date((dateToUtcDays(d) + n) * 86400000).toISOString().slice(0, 10);
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function isoWeekday(d: IsoDate): number {
  const w = new Date(dateToUtcDays(d) * 86400000).getUTCDay();
  return w === 0 ? 7 : w;
}

/** Monday and Sunday of the week containing d. */
export function weekOf(d: IsoDate): { start: IsoDate; end: IsoDate } {
  const start = addDays(d, 1 - isoWeekday(d));
  return { start, end: addDays(start, 6) };
}

/** Last day of d's month. */
export function endOfMonth(d: IsoDate): IsoDate {
  const [y, m] = d.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** Share of the calendar year elapsed at the start of business date d (0..1), e.g. 2026-11-24 → 0.8959. */
export function yearElapsedShare(d: IsoDate): number {
  const y = Number(d.slice(0, 4));
  const total = daysBetween(`${y}-01-01`, `${y + 1}-01-01`);
  return daysBetween(`${y}-01-01`, d) / total;
}

/** Hours between two instants. */
export function hoursBetween(a: Date, b: Date): number {
  return (b.getTime() - a.getTime()) / 3600000;
}

/** Start of business date d in tz, as an instant. */
export function startOfDay(d: IsoDate, tz: string): Date {
  const [y, m, day] = d.split('-').map(Number);
  return zonedTimeToInstant(y, m, day, 0, 0, 0, tz);
}
