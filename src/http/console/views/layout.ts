// The frame of every signed-in page: navigation, who the console acts as, language switch,
// the loopback notice, the "as of" bar and a one-time notice after a form was sent.
import type { User } from '../../../domain/types.ts';
import { ct, type ConsoleKey } from '../../../../prompts/console.ts';
import type { PageContext } from '../context.ts';
import { withParams } from '../context.ts';
import { html, type Html } from '../html.ts';
import { shell } from './shell.ts';

export type Section = 'chat' | 'accounts' | 'alerts' | 'briefings' | 'outbox' | 'groups' | 'rules';

const NAV: { id: Section; path: string; key: ConsoleKey }[] = [
  { id: 'chat', path: '/', key: 'nav_chat' },
  { id: 'accounts', path: '/console/accounts', key: 'nav_accounts' },
  { id: 'alerts', path: '/console/alerts', key: 'nav_alerts' },
  { id: 'briefings', path: '/console/briefings', key: 'nav_briefings' },
  { id: 'outbox', path: '/console/outbox', key: 'nav_outbox' },
  { id: 'groups', path: '/console/groups', key: 'nav_groups' },
  { id: 'rules', path: '/console/rules', key: 'nav_rules' },
];

export function roleName(role: string, lang: PageContext['lang']): string {
  return role === 'admin' || role === 'manager' || role === 'sales' ? ct(`role_${role}`, lang) : role;
}

export function userChooser(ctx: Pick<PageContext, 'lang' | 'req'>, users: User[], current: User | undefined): Html {
  const { lang } = ctx;
  return html`<form class="actas" method="post" action="/console/act-as" data-autosubmit>
  <label for="actas-user">${ct('acting_as', lang)}</label>
  <select id="actas-user" name="user" data-testid="act-as">
    ${users.map((u) => html`<option value="${u.id}"${u.id === current?.id ? ' selected' : ''}>${u.name} · ${roleName(u.role, lang)} (${u.id})</option>`)}
  </select>
  <input type="hidden" name="next" value="${ctx.req.url}">
  <button type="submit" class="secondary">${ct('switch_user', lang)}</button>
</form>`;
}

export function layout(ctx: PageContext, users: User[], opts: { title: string; active?: Section; body: Html }): Html {
  const { lang } = ctx;
  const other = lang === 'zh' ? 'en' : 'zh';
  const flash = ctx.flash
    ? html`<div class="flash ${ctx.flash.kind === 'error' ? 'error' : 'ok'}" role="status" data-testid="flash">${ct(ctx.flash.key, lang, ctx.flash.vars)}</div>`
    : '';
  const body = html`<header class="topbar">
  <a class="brand" href="${ctx.href('/')}">${ct('app_name', lang)}</a>
  <nav class="mainnav">
    ${NAV.map((n) => html`<a href="${ctx.href(n.path)}"${n.id === opts.active ? html` class="active" aria-current="page"` : ''}>${ct(n.key, lang)}</a>`)}
  </nav>
  <div class="tools">
    ${userChooser(ctx, users, ctx.user)}
    <a class="lang" href="${withParams(ctx.req.url, { lang: other })}" data-testid="lang-toggle">${ct('switch_lang', lang)}</a>
    ${ctx.tokenMode ? html`<form method="post" action="/console/signout"><button type="submit" class="link">${ct('sign_out', lang)}</button></form>` : ''}
  </div>
</header>
${ctx.tokenMode ? '' : html`<div class="notice" data-testid="loopback-notice">${ct('loopback_notice', lang)}</div>`}
${ctx.at ? html`<div class="asof">${ct('as_of', lang, { at: ctx.at })} · <a href="${withParams(ctx.req.url.split('?')[0], {})}">${ct('as_of_clear', lang)}</a></div>` : ''}
${flash}
<main class="page page-${opts.active ?? 'other'}">
${opts.body}
</main>`;
  return shell(lang, opts.title, body);
}
