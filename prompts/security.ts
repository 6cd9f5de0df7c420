// Wording of the HTTP guards (host allow-list in token-less mode, sign-in throttle).
import type { Texts } from './index.ts';

export const securityTexts = {
  hostNotAllowed: {
    zh: '没有设置 KAM_API_TOKEN 时，本服务只接受本机地址（localhost、127.0.0.1、[::1]）访问，"{host}" 不在其中。请用本机地址打开，或把它加入 KAM_ALLOWED_HOSTS。',
    en: 'Without KAM_API_TOKEN this server answers only loopback host names (localhost, 127.0.0.1, [::1]), and "{host}" is not one. Open it by a loopback address, or add the name to KAM_ALLOWED_HOSTS.',
  },
  tooManySignins: {
    zh: '登录失败次数过多，请 {seconds} 秒后再试。',
    en: 'Too many failed sign-ins. Please try again in {seconds} seconds.',
  },
} satisfies Texts;
