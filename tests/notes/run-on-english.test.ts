// English notes typed without punctuation: the step starts where the note turns to what comes
// next ("…budget is tight need to send revised quote next week"), and the report before it stays
// the summary. At 2026-11-24 18:00 (+08:00), a Tuesday.
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPETITORS } from '../../src/conversation/notes/competitor-list.ts';
import { extractNote } from '../../src/conversation/notes/extract/index.ts';

const at = { now: new Date('2026-11-24T18:00:00+08:00'), tz: 'Asia/Shanghai', competitors: DEFAULT_COMPETITORS, known: [] };
const read = (t: string) => {
  const d = extractNote(t, at);
  return { step: d.nextStep, due: d.nextStepDue, summary: d.summary };
};

describe('a run-on English note', () => {
  it.each([
    [
      'visited xingye today met purchasing manager Li Ming he said budget is tight need to send revised quote next week',
      { step: 'send revised quote', due: '2026-12-04', summary: 'visited xingye today met purchasing manager Li Ming he said budget is tight' },
    ],
    [
      'met the GM of xingye today he was happy with the pilot we will send the contract draft by Monday',
      { step: 'send the contract draft', due: '2026-11-30', summary: 'met the GM of xingye today he was happy with the pilot' },
    ],
    [
      'call with the chief engineer about the delivery plan follow up next Tuesday on the spare parts',
      { step: 'follow up on the spare parts', due: '2026-12-01', summary: 'call with the chief engineer about the delivery plan' },
    ],
  ])('%s', (text, want) => {
    expect(read(text)).toEqual(want);
  });

  it('keeps the date of the whole clause when only it has one', () => {
    expect(read('they want a quote by Friday and we need to send it')).toMatchObject({ due: '2026-11-27' });
  });

  it('leaves a report with no step alone', () => {
    expect(read('met the purchasing team today they said the budget is tight this year')).toMatchObject({ step: null, due: null });
  });
});
