// Array parameters in PostgreSQL's binary wire format. Both drivers send a Uint8Array parameter
// as binary, so the server reads each element with the type's receive function instead of
// parsing text: on PGlite, parsing a 256-dimension vector's text costs ~250 µs and 59 integers
// ~35 µs in WASM; the binary forms below cost a few (bench/RESULTS.md, "Binary array parameters").
// Only element types with fixed OIDs are used: PGlite turns parameters of types it does not know
// (an extension's, like vector[]) into text first.

const OID = { int4: 23, float4: 700, text: 25, date: 1082, timestamptz: 1184 } as const;
const utf8 = new TextEncoder();
/** 2000-01-01, PostgreSQL's epoch for dates and timestamps, in Unix milliseconds. */
const PG_EPOCH_MS = Date.UTC(2000, 0, 1);
const DAY_MS = 86_400_000;

/**
 * A one-dimensional array: header (dimensions, has-nulls flag, element type, length, lower
 * bound 1), then each element as its byte length (-1 for NULL) and bytes. An empty array has no
 * dimensions.
 */
function binaryArray<T>(oid: number, values: ArrayLike<T | null>, width: (v: T) => number, write: (bytes: Uint8Array, view: DataView, offset: number, v: T) => number): Uint8Array {
  let size = 20;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    size += 4 + (v === null ? 0 : width(v));
  }
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  view.setInt32(0, values.length ? 1 : 0);
  view.setInt32(8, oid);
  if (!values.length) return bytes.subarray(0, 12);
  view.setInt32(12, values.length);
  view.setInt32(16, 1);
  let o = 20;
  let nulls = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null) {
      view.setInt32(o, -1);
      o += 4;
      nulls = 1;
      continue;
    }
    const n = write(bytes, view, o + 4, v);
    view.setInt32(o, n);
    o += 4 + n;
  }
  view.setInt32(4, nulls);
  return bytes.subarray(0, o);
}

/** An integer[] parameter. */
export function int4Array(values: ArrayLike<number | null>): Uint8Array {
  return binaryArray<number>(OID.int4, values, () => 4, (_, view, o, v) => (view.setInt32(o, v), 4));
}

/** A real[] parameter. */
export function float4Array(values: ArrayLike<number | null>): Uint8Array {
  return binaryArray<number>(OID.float4, values, () => 4, (_, view, o, v) => (view.setFloat32(o, v), 4));
}

/** A text[] parameter. */
export function textArray(values: ArrayLike<string | null>): Uint8Array {
  // UTF-8 takes at most 3 bytes per UTF-16 code unit; the array is cut to what was written.
  return binaryArray<string>(OID.text, values, (v) => 3 * v.length, (bytes, _, o, v) => utf8.encodeInto(v, bytes.subarray(o)).written);
}

/** A date[] parameter from 'YYYY-MM-DD' strings. */
export function dateArray(values: ArrayLike<string | null>): Uint8Array {
  return binaryArray<string>(OID.date, values, () => 4, (_, view, o, v) => {
    const days = (Date.parse(`${v}T00:00:00Z`) - PG_EPOCH_MS) / DAY_MS;
    if (!Number.isInteger(days)) throw new Error(`not a date: ${v}`);
    view.setInt32(o, days);
    return 4;
  });
}

/** A timestamptz[] parameter (microseconds since 2000-01-01 UTC). */
export function timestamptzArray(values: ArrayLike<Date | null>): Uint8Array {
  return binaryArray<Date>(OID.timestamptz, values, () => 8, (_, view, o, v) => {
    const ms = v.getTime();
    if (!Number.isFinite(ms)) throw new Error('invalid date');
    view.setBigInt64(o, BigInt(ms - PG_EPOCH_MS) * 1000n);
    return 8;
  });
}

/**
 * Many short lists as one flat array plus each list's 1-based bounds, so a multi-row statement
 * can take them as three parameters and slice its row's list: `(flat)[lo:hi]` (an empty or missing
 * list has hi < lo, which slices to an empty array).
 */
export function flatLists(lists: (ArrayLike<number> | null)[]): { flat: number[]; lo: number[]; hi: number[] } {
  const flat: number[] = [];
  const lo: number[] = [];
  const hi: number[] = [];
  for (const list of lists) {
    lo.push(flat.length + 1);
    if (list) for (let i = 0; i < list.length; i++) flat.push(list[i]);
    hi.push(flat.length);
  }
  return { flat, lo, hi };
}
