// Whether a message reads as a question the offline engine can answer, without touching the
// database: for turn handlers (visit notes) that must not swallow questions such as
// "last executive meeting with Zhongjian Huadong" or "何总工的电话".
import type { Lang } from '../../prompts/index.ts';
import { rankTools } from './offline.ts';
import { analyzeUtterance } from '../nlu/utterance.ts';

/** Offline scores at or above this are confident recognitions. */
export const QUESTION_SCORE = 2;

/** The best-matching question tool and its score, if any tool recognises the message. */
export function recognizeQuestion(text: string, lang: Lang, now: Date, tz: string): { tool: string; score: number } | undefined {
  const u = analyzeUtterance(text, lang, now, tz, { kind: 'none' });
  const best = rankTools(u).find((x) => x.tool.name !== 'help');
  return best ? { tool: best.tool.name, score: best.score } : undefined;
}
