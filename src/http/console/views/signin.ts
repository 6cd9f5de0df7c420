// The sign-in page (token) and the "act as" chooser.
import type { User } from '../../../domain/types.ts';
import type { Lang } from '../../../../prompts/index.ts';
import { ct } from '../../../../prompts/console.ts';
import { html, type Html } from '../html.ts';
import { roleName } from './layout.ts';
import { shell } from './shell.ts';

export function signinPage(lang: Lang, opts: { next: string; wrong: boolean; langHref: string }): Html {
  return shell(
    lang,
    ct('signin_title', lang),
    html`<main class="narrow signin">
  <p class="lang-corner"><a href="${opts.langHref}">${ct('switch_lang', lang)}</a></p>
  <h1>${ct('app_name', lang)}</h1>
  <h2>${ct('signin_title', lang)}</h2>
  <p class="muted">${ct('signin_intro', lang)}</p>
  ${opts.wrong ? html`<div class="flash error" role="alert" data-testid="signin-error">${ct('signin_wrong', lang)}</div>` : ''}
  <form method="post" action="/console/signin" class="stack">
    <label for="token">${ct('signin_token', lang)}</label>
    <input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
    <input type="hidden" name="next" value="${opts.next}">
    <button type="submit" class="primary">${ct('signin_submit', lang)}</button>
  </form>
</main>`,
    { script: false },
  );
}

export function chooseUserPage(lang: Lang, users: User[], opts: { next: string; current?: string; notice?: string; loopback: boolean; langHref: string }): Html {
  return shell(
    lang,
    ct('choose_user_title', lang),
    html`${opts.loopback ? html`<div class="notice" data-testid="loopback-notice">${ct('loopback_notice', lang)}</div>` : ''}
<main class="narrow chooser">
  <p class="lang-corner"><a href="${opts.langHref}">${ct('switch_lang', lang)}</a></p>
  <p class="brand-line">${ct('app_name', lang)}</p>
  <h1>${ct('choose_user_title', lang)}</h1>
  <p class="muted">${ct('choose_user_intro', lang)}</p>
  ${opts.notice ? html`<div class="flash error" role="alert">${opts.notice}</div>` : ''}
  ${users.length ? '' : html`<p class="flash error" data-testid="no-users">${ct('no_users', lang)}</p>`}
  <ul class="user-list">
    ${users.map(
      (u) => html`<li>
      <form method="post" action="/console/act-as">
        <input type="hidden" name="user" value="${u.id}">
        <input type="hidden" name="next" value="${opts.next}">
        <button type="submit" class="user-card${u.id === opts.current ? ' current' : ''}" data-testid="act-as-${u.id}">
          <strong>${u.name}</strong> <span class="muted">${roleName(u.role, lang)} · ${u.id}</span>
        </button>
      </form>
    </li>`,
    )}
  </ul>
</main>`,
    { script: false },
  );
}
