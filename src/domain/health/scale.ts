// Step scales that turn a measured value into 0–100 points.

/** Points of the first step whose bound the value is within (`value <= bound`), else `otherwise`. */
export function atMost(value: number, steps: [number, number][], otherwise: number): number {
  for (const [bound, points] of steps) if (value <= bound) return points;
  return otherwise;
}

/** Points of the first step whose floor the value reaches (`value >= floor`), else `otherwise`. */
export function atLeast(value: number, steps: [number, number][], otherwise: number): number {
  for (const [floor, points] of steps) if (value >= floor) return points;
  return otherwise;
}

/** x against a reference: 100 at or above it, proportionally below; null without a reference. */
export function ratioPoints(x: number, ref: number | null): number | null {
  if (ref === null) return null;
  if (ref <= 0) return x > 0 ? 100 : null;
  return Math.min(100, Math.round((100 * x) / ref));
}

export function weighted(parts: { score: number; weight: number }[]): number {
  const total = parts.reduce((s, p) => s + p.weight, 0);
  if (total <= 0) return 0;
  return parts.reduce((s, p) => s + p.score * p.weight, 0) / total;
}
