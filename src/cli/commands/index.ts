// The command list. Each module exports `register(program)`.
import type { Command } from 'commander';
import { register as importCmd } from './import.ts';
import { register as exportCmd } from './export.ts';
import { register as startCmd } from './start.ts';
import { register as askCmd } from './ask.ts';

export const commands: ((program: Command) => void)[] = [startCmd, importCmd, exportCmd, askCmd];
import { register as alertsCmd } from './alerts.ts';
commands.push(alertsCmd);
import { register as briefingCmd } from './briefing.ts';
commands.push(briefingCmd);
import { register as rulesCmd } from './rules.ts';
import { register as outboxCmd } from './outbox.ts';
commands.push(rulesCmd, outboxCmd);
import { register as roadmapCmd } from './roadmap.ts';
commands.push(roadmapCmd);
import { register as reindexCmd } from './reindex.ts';
commands.push(reindexCmd);
