// Attitude signals in a note: interest and approval, or dissatisfaction and concern. Negative
// forms are matched first so 不满意 never reads as 满意.
export type SignalKind = 'positive' | 'negative' | 'concern';

export interface SignalMention {
  kind: SignalKind;
  text: string;
  start: number;
  end: number;
}

const PATTERNS: { kind: SignalKind; re: RegExp }[] = [
  { kind: 'negative', re: /不太满意|不满意|不认可|不感兴趣|没兴趣|不满|抱怨|投诉|反对|态度冷淡|冷淡|质疑|失望|拒绝|不看好|not (?:satisfied|happy|interested|convinced)|unhappy|dissatisfied|disappointed|complained|skeptical|sceptical|opposed|pushed back|rejected/gi },
  { kind: 'concern', re: /担心|顾虑|担忧|犹豫|关注|在意|比较在意|疑虑|worried|concerned|concerns?|hesitant|cautious/gi },
  { kind: 'positive', re: /非常感兴趣|很感兴趣|感兴趣|很满意|满意|认可|肯定|支持|看好|积极|很期待|期待|赞同|同意|interested|keen|positive|supportive|happy with|satisfied|liked|impressed|enthusiastic|excited|agreed/gi },
];

export function findSignals(text: string): SignalMention[] {
  const out: SignalMention[] = [];
  for (const { kind, re } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (out.some((s) => start < s.end && end > s.start)) continue;
      out.push({ kind, text: m[0], start, end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
