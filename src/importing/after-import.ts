// Work that follows an import inside the same transaction (health backfill, retrieval chunks, ...).
// Each feature appends its step here; a step that throws rolls the import back.
import type { Db } from '../../db/index.ts';
import type { TableName } from '../domain/csv-format.ts';
import { chunkImportedRecords } from '../retrieval/after-import.ts';

export interface ImportInfo {
  tz: string;
  /** Tables present in this import. */
  tables: TableName[];
}

export type AfterImportStep = (tx: Db, info: ImportInfo) => Promise<void>;

export const afterImportSteps: AfterImportStep[] = [chunkImportedRecords];
import { backfillAfterImport } from '../insights/health/snapshot.ts';
afterImportSteps.push(backfillAfterImport);
import { refreshPlannerStatistics } from '../store/planner-statistics.ts';
afterImportSteps.push(refreshPlannerStatistics);
