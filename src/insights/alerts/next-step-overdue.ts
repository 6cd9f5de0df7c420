import { nextStepOverdue } from '../../domain/alerts/next-step-overdue.ts';
import { pendingNextStepFacts } from '../../store/alert-facts.ts';
import { present, type AlertRule } from './rule.ts';

export const nextStepOverdueRule: AlertRule = {
  id: 'next_step_overdue',
  async find({ db, at, thresholds, scope }) {
    const th = thresholds.next_step_overdue;
    if (!th.enabled) return [];
    const facts = await pendingNextStepFacts(db, at, scope);
    return facts.map((f) => nextStepOverdue(f, th, at.today)).filter(present);
  },
};
