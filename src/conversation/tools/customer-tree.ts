// The customer tree around an account: its parent and every visible subsidiary below it, each with
// its key figures (tier, this year's orders, last interaction, open tickets).
import { z } from 'zod';
import { accountTexts } from '../../../prompts/conversation/accounts.ts';
import { t, type Lang } from '../../../prompts/index.ts';
import { toIsoDate } from '../../domain/time.ts';
import type { Account } from '../../domain/types.ts';
import { childAccounts, getVisibleAccount } from '../../store/accounts.ts';
import { lastInteractionByAccount } from '../../store/interactions.ts';
import { orderTotals } from '../../store/orders.ts';
import { ticketsOfAccounts } from '../../store/tickets.ts';
import { formatAmount } from '../../tools/format.ts';
import { countHits } from '../../nlu/keywords.ts';
import type { Tool } from '../../tools/types.ts';
import { accountArg, accountFor, ref, type AccountRef } from '../../tools/account-arg.ts';

const input = z.object({ account: accountArg });

interface Node {
  account: AccountRef;
  tier: string | null;
  depth: number;
  ordersThisYear: number;
  lastInteraction: string | null;
  openTickets: number;
}

interface Output {
  account: AccountRef;
  parent?: AccountRef;
  year: number;
  /** The account itself first, then its subsidiaries depth-first. */
  nodes: Node[];
}

const MAX_DEPTH = 5;

const TREE_WORDS = {
  zh: ['下属公司', '下属单位', '下属', '子公司', '分公司', '下级单位', '下级', '旗下', '母公司', '上级单位', '上级公司', '集团结构', '客户树', '组织结构', '隶属', '子单位', '关联公司', '集团下面', '下面有'],
  en: ['subsidiary', 'subsidiaries', 'child account', 'child accounts', 'children', 'parent company', 'parent account', 'group structure', 'account tree', 'hierarchy', 'sister companies', 'affiliates', 'belongs to'],
};

function tierText(tier: string | null, lang: Lang): string {
  return tier ? t(accountTexts, 'tierLabel', lang, { tier }) : t(accountTexts, 'tierUnknown', lang);
}

export const customerTreeTool: Tool<typeof input, Output> = {
  name: 'customer_tree',
  description: "An account's place in its group: parent and all subsidiaries, each with tier, this year's orders, last interaction and open tickets.",
  input,
  examples: { zh: ['{group}有哪些下属公司?', '{group}的客户树'], en: ['What subsidiaries does {group} have?', 'Show the account tree of {group}'] },
  async run(ctx, args) {
    const account = await accountFor(ctx, args.account);
    const tree: { a: Account; depth: number }[] = [{ a: account, depth: 0 }];
    const seen = new Set([account.id]);
    const walk = async (parent: Account, depth: number) => {
      if (depth > MAX_DEPTH) return;
      for (const child of await childAccounts(ctx.app.db, ctx.user.id, parent.id)) {
        if (seen.has(child.id)) continue;
        seen.add(child.id);
        tree.push({ a: child, depth });
        await walk(child, depth + 1);
      }
    };
    await walk(account, 1);
    const parent = account.parent_id ? await getVisibleAccount(ctx.app.db, ctx.user.id, account.parent_id) : undefined;
    const ids = tree.map((x) => x.a.id);
    const today = toIsoDate(ctx.now, ctx.tz);
    const year = Number(today.slice(0, 4));
    const [orders, last, tickets] = await Promise.all([
      orderTotals(ctx.app.db, ctx.user.id, ids, `${year}-01-01`, today),
      lastInteractionByAccount(ctx.app.db, ctx.user.id, ids, { until: ctx.now }),
      ticketsOfAccounts(ctx.app.db, ctx.user.id, ids, { openOnly: true, asOf: ctx.now }),
    ]);
    const nodes = tree.map(({ a, depth }) => ({
      account: ref(a),
      tier: a.tier,
      depth,
      ordersThisYear: orders.get(a.id) ?? 0,
      lastInteraction: last.get(a.id) ? toIsoDate(last.get(a.id)!.occurred_at, ctx.tz) : null,
      openTickets: tickets.filter((x) => x.account_id === a.id).length,
    }));
    return { account: ref(account), parent: parent ? ref(parent) : undefined, year, nodes };
  },
  render(ctx, out) {
    const lang = ctx.lang;
    const line = (n: Node) =>
      t(accountTexts, 'treeLine', lang, {
        indent: '  '.repeat(Math.max(0, n.depth - 1)),
        name: n.account.name,
        tier: tierText(n.tier, lang),
        orders: formatAmount(n.ordersThisYear, lang),
        last: n.lastInteraction ? t(accountTexts, 'lastInteraction', lang, { date: n.lastInteraction }) : t(accountTexts, 'noInteraction', lang),
        tickets: n.openTickets,
      });
    const head = t(accountTexts, 'treeHead', lang, { account: out.account.name });
    const lines: string[] = [];
    if (out.parent) lines.push(t(accountTexts, 'treeParent', lang, { name: out.parent.name }));
    lines.push(line({ ...out.nodes[0], depth: 1 }));
    const children = out.nodes.slice(1);
    if (children.length) {
      lines.push(t(accountTexts, 'treeChildrenHead', lang, { count: children.length }));
      lines.push(...children.map((n) => '  ' + line(n)));
    } else lines.push(t(accountTexts, 'treeNoChildren', lang, { account: out.account.name }));
    const citations = [...(out.parent ? [out.parent] : []), ...out.nodes.map((n) => n.account)].map((a) => ({ source: 'account' as const, id: a.id, accountId: a.id }));
    return { lang, title: head, text: [head, ...lines].join('\n'), sections: [{ title: head, lines }], citations };
  },
  subjectAccount: (out) => out.account.id,
  offline: {
    account: 'required',
    keywords: TREE_WORDS,
    score: (u) => (countHits(u, TREE_WORDS) ? 2.5 : 0),
    input: (_u, accountId) => ({ account: accountId ?? '' }),
  },
};
