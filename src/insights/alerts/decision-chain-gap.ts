import { decisionChainGap } from '../../domain/alerts/decision-chain-gap.ts';
import { decisionChainFacts } from '../../store/alert-facts.ts';
import { present, type AlertRule } from './rule.ts';

export const decisionChainGapRule: AlertRule = {
  id: 'decision_chain_gap',
  async find({ db, at, thresholds, scope }) {
    const th = thresholds.decision_chain_gap;
    if (!th.enabled) return [];
    const facts = await decisionChainFacts(db, at, th.tiers, scope);
    return facts.map((f) => decisionChainGap(f, th, at.today)).filter(present);
  },
};
