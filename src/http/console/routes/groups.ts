// GET /console/groups (bindings the user belongs to or may manage), POST /console/groups (bind),
// POST /console/groups/unbind. The right to bind or unbind is the chat's and the CLI's --as rule
// (src/groups/bind.ts): a member of the account team, a manager above them, or an admin.
import type { FastifyInstance } from 'fastify';
import { isGroupPlatform, type GroupBinding } from '../../../domain/groups.ts';
import { UserInputError } from '../../../errors.ts';
import { bindGroup, checkRight, mayManage, resolveBindTarget } from '../../../groups/bind.ts';
import { bindingMembers, bindingOf, deleteBinding, listBindings } from '../../../store/group-bindings.ts';
import { ct } from '../../../../prompts/console.ts';
import { page, VALID_ID, type ConsoleDeps, type PageContext } from '../context.ts';
import { groupsBody, type GroupRow } from '../views/groups.ts';
import { renderPage } from '../views/page.ts';

function field(ctx: PageContext, name: string): string {
  const v = ctx.body[name];
  return typeof v === 'string' ? v.trim() : '';
}

async function visibleRows(ctx: PageContext, all: GroupBinding[]): Promise<GroupRow[]> {
  const rows: GroupRow[] = [];
  for (const b of all) {
    const manage = await mayManage(ctx.app.db, ctx.user, b.target);
    if (manage || (await bindingMembers(ctx.app.db, b)).includes(ctx.user.id)) rows.push({ binding: b, manage });
  }
  return rows;
}

export function groupsRoutes(server: FastifyInstance, deps: ConsoleDeps) {
  const { app } = deps;
  server.get(
    '/console/groups',
    page(deps, async (ctx) => {
      const rows = await visibleRows(ctx, await listBindings(app.db));
      return renderPage(ctx, { title: ct('groups_title', ctx.lang), active: 'groups', body: groupsBody(ctx, rows) });
    }),
  );

  server.post(
    '/console/groups',
    page(deps, async (ctx) => {
      const { lang } = ctx;
      const platform = field(ctx, 'platform');
      const chat = field(ctx, 'chat_id');
      try {
        if (!isGroupPlatform(platform)) throw new UserInputError(ct('group_bad_platform', lang, { platform }));
        if (!VALID_ID.test(chat)) throw new UserInputError(ct('group_bad_chat', lang));
        const resolved = await resolveBindTarget(app.db, ctx.user, field(ctx, 'target'), lang);
        await bindGroup(app.db, { platform, chatId: chat, binder: ctx.user, ...resolved, now: ctx.now, lang });
        const kind = ct(resolved.target.kind === 'account' ? 'group_kind_account' : 'group_kind_team', lang);
        ctx.setFlash({ key: 'group_bound_flash', vars: { platform, chat, kind, name: resolved.name } });
      } catch (e) {
        if (!(e instanceof UserInputError)) throw e;
        ctx.setFlash({ key: 'group_error_flash', vars: { reason: e.message }, kind: 'error' });
      }
      return { redirect: ctx.href('/console/groups') };
    }),
  );

  server.post(
    '/console/groups/unbind',
    page(deps, async (ctx) => {
      const { lang } = ctx;
      const platform = field(ctx, 'platform');
      const chat = field(ctx, 'chat_id');
      try {
        const existing = isGroupPlatform(platform) && VALID_ID.test(chat) ? await bindingOf(app.db, platform, chat) : undefined;
        if (!existing) throw new UserInputError(ct('group_not_bound', lang, { platform, chat }));
        await checkRight(app.db, ctx.user, existing.target, existing.targetName, lang);
        await deleteBinding(app.db, platform, chat);
        ctx.setFlash({ key: 'group_unbound_flash', vars: { platform, chat } });
      } catch (e) {
        if (!(e instanceof UserInputError)) throw e;
        ctx.setFlash({ key: 'group_error_flash', vars: { reason: e.message }, kind: 'error' });
      }
      return { redirect: ctx.href('/console/groups') };
    }),
  );
}
