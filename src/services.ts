// Long-running parts of `kam start` besides the HTTP server (scheduler, platform connections).
// Each feature appends a starter; `kam start` starts them in order and stops them in reverse.
import type { AppContext } from './app.ts';
import { startPlatforms } from '../adapters/index.ts';

export interface RunningService {
  name: string;
  stop(): Promise<void>;
}

export type ServiceStarter = (app: AppContext) => Promise<RunningService | null>;

export const serviceStarters: ServiceStarter[] = [startPlatforms];
import { schedulerService } from './scheduler/index.ts';
serviceStarters.push(schedulerService);
