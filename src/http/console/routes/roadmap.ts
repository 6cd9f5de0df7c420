// The account's relationship roadmap for the 360° page (src/insights/roadmap, when present).
import type { PageContext } from '../context.ts';

export type RoadmapView = null;

export async function roadmapFor(_ctx: PageContext, _accountId: string): Promise<RoadmapView> {
  return null;
}
