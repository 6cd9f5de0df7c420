
import type { AfterImportStep } from './after-import-step.ts';
import { chunkImportedRecords } from '../retrieval/after-import.ts';
import { backfillAfterImport } from '../insights/health/snapshot.ts';
import { refreshPlannerStatistics } from '../store/planner-statistics.ts';
import { refreshAccountLatinKeys } from '../nlu/latin-keys.ts';


const refreshLatinKeys: AfterImportStep = async (tx) => {
  await refreshAccountLatinKeys(tx);
};

export const afterImportSteps: AfterImportStep[] = [chunkImportedRecords, backfillAfterImport, refreshPlannerStatistics, refreshLatinKeys];
