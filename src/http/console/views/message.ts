// Pages that only say one thing: not found, refused, bad date, server error.
import type { Lang } from '../../../../prompts/index.ts';
import { ct, type ConsoleKey } from '../../../../prompts/console.ts';
import { html, type Html } from '../html.ts';
import { shell } from './shell.ts';

export function messagePage(lang: Lang, titleKey: ConsoleKey, bodyKey: ConsoleKey, vars?: Record<string, string>): Html {
  const title = ct(titleKey, lang, vars);
  return shell(
    lang,
    title,
    html`<main class="narrow message" data-testid="message-page">
  <h1>${title}</h1>
  <p>${ct(bodyKey, lang, vars)}</p>
  <p><a href="/">${ct('back_home', lang)}</a></p>
</main>`,
    { script: false },
  );
}

export function errorPage(lang: Lang): Html {
  return messagePage(lang, 'error_title', 'error_body');
}
