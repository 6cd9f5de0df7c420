// Turn handlers that may take a message before question answering, in order. Each returns a
// Reply when the message is for it, or null. Features append their handler here (one line):
// visit notes (conversation/notes), alert acknowledgement and buttons (insights).
import type { TurnHandler } from './types.ts';
import { handleAccountChoice } from './choose-account.ts';
import { handleNoteTurn } from './notes/handler.ts';

export const turnHandlers: TurnHandler[] = [handleAccountChoice, handleNoteTurn];
import { handleAlertAck } from './tools/alerts-ack.ts';
turnHandlers.push(handleAlertAck);
