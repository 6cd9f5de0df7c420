import { execSilence } from '../../domain/alerts/exec-silence.ts';
import { execSilenceFacts } from '../../store/alert-facts.ts';
import { present, type AlertRule } from './rule.ts';

export const execSilenceRule: AlertRule = {
  id: 'exec_silence',
  async find({ db, at, thresholds, scope }) {
    const th = thresholds.exec_silence;
    if (!th.enabled) return [];
    const facts = await execSilenceFacts(db, at, th.tiers, scope);
    return facts.map((f) => execSilence(f, th, at.today)).filter(present);
  },
};
