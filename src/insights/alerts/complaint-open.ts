import { complaintOpen } from '../../domain/alerts/complaint-open.ts';
import { openComplaintFacts } from '../../store/alert-facts.ts';
import { present, type AlertRule } from './rule.ts';

export const complaintOpenRule: AlertRule = {
  id: 'complaint_open',
  async find({ db, at, thresholds, scope }) {
    const th = thresholds.complaint_open;
    if (!th.enabled) return [];
    const facts = await openComplaintFacts(db, at, scope);
    return facts.map((f) => complaintOpen(f, th, at.now)).filter(present);
  },
};
