// Long-running parts of `kam start` besides the HTTP server: messaging platforms, the scheduler
// (alerts, health snapshots, briefings, outbox), and retrieval's background re-embedding and
// deferred index builds. Started in order, stopped in reverse.
import type { AppContext, RunningService, ServiceStarter } from '../app.ts';
import { startPlatforms } from '../../adapters/index.ts';
import { schedulerService } from '../scheduler/index.ts';
import { startReembedding } from '../retrieval/background.ts';

async function retrievalService(app: AppContext): Promise<RunningService> {
  const job = startReembedding(app);
  return { name: 'retrieval', stop: () => job.stop() };
}

export const serviceStarters: ServiceStarter[] = [startPlatforms, schedulerService, retrievalService];
