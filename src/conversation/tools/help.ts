// Help: what can be asked, with one or two examples per registered tool (so tools added later
// appear here without touching this file).
import { z } from 'zod';
import { engineTexts } from '../../../prompts/conversation.ts';
import { placeholderTexts } from '../../../prompts/conversation/facts.ts';
import { t } from '../../../prompts/index.ts';
import { personalExamples } from '../../tools/examples.ts';
import type { Tool } from '../../tools/types.ts';
import { countHits } from '../../nlu/keywords.ts';

const input = z.object({
  reason: z.enum(['asked', 'not_understood']).default('asked').describe('Why help is shown'),
});

interface HelpOutput {
  reason: 'asked' | 'not_understood';
  examples: { tool: string; examples: string[] }[];
  /** An account of the user's for the visit-note example (null: they have none). */
  noteAccount: string | null;
}

/** Examples shown when a message was not understood. */
const NUDGE_EXAMPLES = 6;

const KEYWORDS = {
  zh: ['你能做什么', '你会什么', '能做什么', '可以做什么', '能干什么', '怎么用', '如何使用', '使用说明', '帮助', '功能', '你是谁', '能问什么', '可以问什么'],
  en: ['help', 'what can you do', 'what do you do', 'how do i use', 'how to use', 'who are you', 'what can i ask', 'commands', 'usage'],
};

/** The help tool over a catalog of tools (the registry passes itself: it lists every tool's examples). */
export const createHelpTool = (catalog: () => Tool[]): Tool<typeof input, HelpOutput> => ({
  name: 'help',
  description: 'Lists what the assistant can answer, with example questions. Use when the user asks for help or what you can do.',
  input,
  examples: { zh: ['你能做什么?'], en: ['help'] },
  async run(ctx, { reason }) {
    const templates = catalog()
      .filter((tool) => tool.name !== 'help' && tool.examples)
      .map((tool) => ({ tool: tool.name, examples: tool.examples![ctx.lang].slice(0, reason === 'asked' ? 2 : 1) }));
    const filled = await personalExamples(ctx.app, ctx.user.id, ctx.lang, [...templates.flatMap((x) => x.examples), '{account}']);
    const noteAccount = filled.pop() ?? null;
    let at = 0;
    const examples = templates
      .map((x) => ({ tool: x.tool, examples: x.examples.map(() => filled[at++]).filter((e): e is string => e !== null) }))
      .filter((x) => x.examples.length);
    // Not understood: a short nudge, not the whole manual.
    return { reason, examples: reason === 'asked' ? examples : examples.slice(0, NUDGE_EXAMPLES), noteAccount };
  },
  render(ctx, out) {
    const head = t(engineTexts, out.reason === 'asked' ? 'helpTitle' : 'notUnderstood', ctx.lang);
    const lines = out.examples.flatMap((e) => e.examples.map((x) => `• ${x}`));
    const footer = t(engineTexts, 'helpFooter', ctx.lang, { account: out.noteAccount ?? t(placeholderTexts, 'aCustomer', ctx.lang) });
    return {
      lang: ctx.lang,
      text: [head, ...lines, footer].join('\n'),
      sections: [{ title: head, lines }, { lines: [footer] }],
      data: out,
    };
  },
  offline: {
    account: 'none',
    keywords: KEYWORDS,
    score: (u) => (u.norm.length <= 2 && /^[?？]+$|^(\?|帮助|help|h)$/.test(u.norm) ? 3 : countHits(u, KEYWORDS) * 1.5),
    input: () => ({ reason: 'asked' as const }),
  },
});
