// The @-mention line of a group post ("请 @李娜 跟进"), each person in their platform's syntax.
import { groupTexts } from '../../prompts/groups.ts';
import { t } from '../../prompts/index.ts';
import type { GroupMention, Reply } from '../../src/chat/types.ts';

/** The line, or undefined when nobody is mentioned; `at` renders one person who has a platform id. */
export function mentionLine(reply: Reply, mentions: GroupMention[], at: (platformId: string, m: GroupMention) => string, plain: (s: string) => string = (s) => s): string | undefined {
  if (!mentions.length) return undefined;
  const names = mentions.map((m) => (m.platformId ? at(m.platformId, m) : plain(`@${m.name}`))).join(' ');
  return t(groupTexts, 'mentionLine', reply.lang, { names });
}

/** The reply with a first line prepended to its text (the plain-text and markdown renderings). */
export function withFirstLine(reply: Reply, line: string | undefined): Reply {
  if (!line) return reply;
  if (!reply.title) return { ...reply, text: `${line}\n${reply.text}` };
  const [first, ...rest] = reply.text.split('\n');
  return first.trim() === reply.title.trim() ? { ...reply, text: [first, line, ...rest].join('\n') } : { ...reply, text: `${line}\n${reply.text}` };
}
