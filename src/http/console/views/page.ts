// Renders a signed-in page inside the layout (loads the user list for the "acting as" chooser).
import { consoleUsers } from '../../../store/console-queries.ts';
import type { Html } from '../html.ts';
import type { PageContext } from '../context.ts';
import { layout, type Section } from './layout.ts';

export async function renderPage(ctx: PageContext, opts: { title: string; active?: Section; body: Html }): Promise<Html> {
  return layout(ctx, await consoleUsers(ctx.app.db), opts);
}
