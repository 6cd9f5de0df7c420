import { budgetLag } from '../../domain/alerts/budget-lag.ts';
import { budgetFacts } from '../../store/alert-facts.ts';
import { present, type AlertRule } from './rule.ts';

export const budgetLagRule: AlertRule = {
  id: 'budget_lag',
  async find({ db, at, thresholds, scope }) {
    const th = thresholds.budget_lag;
    if (!th.enabled) return [];
    const facts = await budgetFacts(db, at, scope);
    return facts.map((f) => budgetLag(f, th, at.today)).filter(present);
  },
};
