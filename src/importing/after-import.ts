// Work that follows an import inside the same transaction, in order: retrieval chunks, health
// snapshot backfill (so health_drop works from day one), fresh planner statistics.
// A step that throws rolls the import back.
import type { Db } from '../../db/index.ts';
import type { TableName } from '../domain/csv-format.ts';
import { chunkImportedRecords } from '../retrieval/after-import.ts';
import { backfillAfterImport } from '../insights/health/snapshot.ts';
import { refreshPlannerStatistics } from '../store/planner-statistics.ts';

export interface ImportInfo {
  tz: string;
  /** Tables present in this import. */
  tables: TableName[];
}

export type AfterImportStep = (tx: Db, info: ImportInfo) => Promise<void>;

export const afterImportSteps: AfterImportStep[] = [chunkImportedRecords, backfillAfterImport, refreshPlannerStatistics];
import { refreshAccountLatinKeys } from '../conversation/nlu/latin-keys.ts';
afterImportSteps.push(async (tx) => void (await refreshAccountLatinKeys(tx)));
