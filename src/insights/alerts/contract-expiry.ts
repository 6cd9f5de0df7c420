import { contractExpiry } from '../../domain/alerts/contract-expiry.ts';
import { contractExpiryFacts } from '../../store/alert-facts.ts';
import { present, type AlertRule } from './rule.ts';

export const contractExpiryRule: AlertRule = {
  id: 'contract_expiry',
  async find({ db, at, thresholds, scope }) {
    const th = thresholds.contract_expiry;
    if (!th.enabled) return [];
    const facts = await contractExpiryFacts(db, at, scope);
    return facts.map((f) => contractExpiry(f, th, at.today)).filter(present);
  },
};
