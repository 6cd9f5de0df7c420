// The briefing Reply for a target and week (src/insights/briefings, when present).
import type { Reply } from '../../../../adapters/types.ts';
import type { PageContext } from '../context.ts';
import type { BriefingTarget } from '../views/briefings.ts';

export async function briefingReply(_ctx: PageContext, _target: BriefingTarget, _weekStart: string): Promise<Reply | null> {
  return null;
}
