// Array parameters in PostgreSQL's binary wire format. Both drivers send a Uint8Array parameter
// as binary, so the server reads each element with the type's receive function instead of
// parsing text: on PGlite, parsing a 256-dimension vector's text costs ~250 µs and 59 integers
// ~35 µs in WASM; the binary forms below cost a few (bench/RESULTS.md, "Binary array parameters").
// Only element types with fixed OIDs (int4, float4) are used: PGlite turns parameters of types
// it does not know (an extension's, like vector[]) into text first.

const INT4_OID = 23;
const FLOAT4_OID = 700;

/** One-dimensional array without nulls: header, then each element as length + 4 bytes. */
function binaryArray(elementOid: number, n: number, write: (view: DataView, offset: number, i: number) => void): Uint8Array {
  const view = new DataView(new ArrayBuffer(20 + 8 * n));
  view.setInt32(0, n ? 1 : 0); // dimensions (an empty array has none)
  view.setInt32(4, 0); // no nulls
  view.setInt32(8, elementOid);
  view.setInt32(12, n);
  view.setInt32(16, 1); // lower bound
  for (let i = 0; i < n; i++) {
    view.setInt32(20 + 8 * i, 4);
    write(view, 24 + 8 * i, i);
  }
  return new Uint8Array(view.buffer, 0, n ? 20 + 8 * n : 12);
}

/** An integer[] parameter. */
export function int4Array(values: ArrayLike<number>): Uint8Array {
  return binaryArray(INT4_OID, values.length, (v, o, i) => v.setInt32(o, values[i]));
}

/** A real[] parameter. */
export function float4Array(values: ArrayLike<number>): Uint8Array {
  return binaryArray(FLOAT4_OID, values.length, (v, o, i) => v.setFloat32(o, values[i]));
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
