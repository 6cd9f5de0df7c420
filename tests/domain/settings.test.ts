// Reading a setting's value as an operator types it (kam rules set, the console's rules page).
import { describe, expect, it } from 'vitest';
import { textToValue } from '../../src/domain/settings.ts';

describe('textToValue', () => {
  it('reads numbers and JSON as JSON', () => {
    expect(textToValue('60', 30)).toBe(60);
    expect(textToValue(' 2.5 ', 30)).toBe(2.5);
    expect(textToValue('["S","A"]', ['S'])).toEqual(['S', 'A']);
    expect(textToValue('sixty', 30)).toBe('sixty');
  });

  it('reads a switch from true / false, yes / no, on / off and the Chinese words', () => {
    for (const t of ['true', 'YES', 'on', '1', '是', '开启', '启用']) expect(textToValue(t, false), t).toBe(true);
    for (const t of ['false', 'No', 'OFF', '0', '否', '关闭', '停用']) expect(textToValue(t, true), t).toBe(false);
    expect(textToValue('maybe', true)).toBe('maybe');
  });

  it('splits lists on commas, semicolons and spaces, full-width ones too', () => {
    expect(textToValue('S,A', ['S'])).toEqual(['S', 'A']);
    expect(textToValue('S，A；B C', ['S'])).toEqual(['S', 'A', 'B', 'C']);
  });

  it('keeps a text setting as typed', () => {
    expect(textToValue(' 0 9 * * * ', '0 9 * * *')).toBe('0 9 * * *');
  });
});
