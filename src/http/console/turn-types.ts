// What the console page sends for one chat turn: a message, or a button press from an earlier reply.
import { z } from 'zod';

export const consoleTurnSchema = z
  .object({
    text: z.string().max(20000).optional(),
    action: z.string().min(1).max(100).optional(),
    value: z.record(z.string(), z.string()).optional(),
  })
  .refine((b) => (b.text ?? '').trim() !== '' || !!b.action, { message: 'text or action is required' });

export type ConsoleTurn = z.infer<typeof consoleTurnSchema>;

/** What the page gets back: the reply rendered for the page, plus the reply itself. */
export interface ConsoleAnswer {
  html: string;
  text: string;
  data: unknown;
}
