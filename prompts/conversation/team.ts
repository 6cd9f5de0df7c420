// Wording of the account-team answer (iron triangle: AR / SR / FR), zh and en.
import type { Texts } from '../index.ts';

export const teamTexts = {
  head: { zh: '{account}的客户团队(铁三角):', en: 'Account team (iron triangle) of {account}:' },
  line: { zh: '• {role}({code}):{names}', en: '• {role} ({code}): {names}' },
  vacant: { zh: '未指定', en: 'not assigned' },
  owner: { zh: '客户负责人:{name}', en: 'Account owner: {name}' },
  asked: { zh: '{account}的{role}是{names}。', en: 'The {role} of {account} is {names}.' },
  askedVacant: { zh: '{account}还没有指定{role}。', en: '{account} has no {role} assigned yet.' },
  gaps: { zh: '铁三角还缺:{roles}。', en: 'The iron triangle still lacks: {roles}.' },
} satisfies Texts;
