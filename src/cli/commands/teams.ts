// `kam teams bind PLATFORM CHAT_ID TARGET [--as USER]`, `kam teams list`, `kam teams unbind PLATFORM CHAT_ID`:
// group chats bound to an account ("中建华东", an id) or a manager's team ("team u_chen").
// Without --as the operator binds (no right needed); with --as the same check as in the chat applies.
import type { Command } from 'commander';
import { withApp } from '../context.ts';
import { groupTexts } from '../../../prompts/groups.ts';
import { t } from '../../../prompts/index.ts';
import { GROUP_PLATFORMS, isGroupPlatform } from '../../domain/groups.ts';
import { UserInputError } from '../../errors.ts';
import { bindGroup, resolveBindTarget } from '../../groups/bind.ts';
import { deleteBinding, listBindings } from '../../store/group-bindings.ts';
import { getUser } from '../../store/users.ts';

function platformArg(p: string) {
  if (!isGroupPlatform(p)) throw new UserInputError(`unknown platform "${p}" (one of ${GROUP_PLATFORMS.join(', ')})`);
  return p;
}

export function register(program: Command) {
  const teams = program.command('teams').description('group chats bound to an account or a manager\'s team: `list`, `bind`, `unbind`');
  teams
    .command('list', { isDefault: true })
    .option('--json', 'print [{"platform","chat_id","kind","target","name","bound_by","bound_at"}]')
    .description('every bound group chat')
    .action(async (opts: { json?: boolean }) => {
      await withApp(async (app) => {
        const list = await listBindings(app.db);
        const lang = app.config.lang;
        if (opts.json) {
          const rows = list.map((b) => ({ platform: b.platform, chat_id: b.chatId, kind: b.target.kind, target: b.target.id, name: b.targetName, bound_by: b.boundBy, bound_at: b.boundAt?.toISOString() ?? null }));
          process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
          return;
        }
        if (!list.length) return console.log(t(groupTexts, 'teamsNone', lang));
        for (const b of list) {
          const kind = t(groupTexts, b.target.kind === 'account' ? 'kindAccount' : 'kindTeam', lang);
          console.log(t(groupTexts, 'teamsLine', lang, { platform: b.platform, chat: b.chatId, kind, name: `${b.targetName} (${b.target.id})`, by: b.boundBy ?? '-' }));
        }
      });
    });
  teams
    .command('bind')
    .argument('<platform>', GROUP_PLATFORMS.join(' | '))
    .argument('<chat-id>', 'Feishu chat_id (oc_…), WeCom appchat chatid, Slack channel id (C…), DingTalk openConversationId')
    .argument('<target...>', 'an account (name or id), or "team MANAGER" for a manager\'s team')
    .option('--as <user>', 'bind as this user (their right to bind is checked)')
    .description('bind a group chat')
    .action(async (platform: string, chatId: string, target: string[], opts: { as?: string }) => {
      const p = platformArg(platform);
      await withApp(async (app) => {
        const lang = app.config.lang;
        const binder = opts.as ? await getUser(app.db, opts.as) : undefined;
        if (opts.as && !binder) throw new UserInputError(`unknown user "${opts.as}"`);
        const resolved = await resolveBindTarget(app.db, binder, target.join(' '), lang);
        await bindGroup(app.db, { platform: p, chatId, binder, ...resolved, now: new Date(), lang });
        console.log(t(groupTexts, resolved.target.kind === 'account' ? 'boundAccount' : 'boundTeam', lang, { name: resolved.name }));
      });
    });
  teams
    .command('unbind')
    .argument('<platform>')
    .argument('<chat-id>')
    .description('remove a binding')
    .action(async (platform: string, chatId: string) => {
      const p = platformArg(platform);
      await withApp(async (app) => {
        if (!(await deleteBinding(app.db, p, chatId))) throw new UserInputError(`${p} chat "${chatId}" is not bound`);
        console.log(`unbound ${p} ${chatId}`);
      });
    });
}
