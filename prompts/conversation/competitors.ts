// Wording of the competitors answer ("西山矿业的竞争对手有哪些?"), zh and en.
import type { Texts } from '../index.ts';

export const competitorTexts = {
  head: { zh: '{account}的拜访记录里提到过的竞品({count} 个):', en: 'Competitors named in the notes on {account} ({count}):' },
  line: { zh: '• {name}:最近 {last},首次 {first},共 {n} 次', en: '• {name}: last {last}, first {first}, {n} mention(s)' },
  none: {
    zh: '{account}的拜访记录里还没有提到竞品。记拜访时写上竞品名(例如“徐工也在报价”)就会记在客户上。',
    en: 'No competitor has been named in the notes on {account} yet. Name them in a visit note ("XCMG is quoting too") and they are kept on the account.',
  },
} satisfies Texts;
