import { stalledOpportunity } from '../../domain/alerts/stalled-opportunity.ts';
import { openOpportunityFacts } from '../../store/alert-facts.ts';
import { present, type AlertRule } from './rule.ts';

export const stalledOpportunityRule: AlertRule = {
  id: 'stalled_opportunity',
  async find({ db, at, thresholds, scope }) {
    const th = thresholds.stalled_opportunity;
    if (!th.enabled) return [];
    const facts = await openOpportunityFacts(db, th.stages, scope);
    return facts.map((f) => stalledOpportunity(f, th, at.today)).filter(present);
  },
};
