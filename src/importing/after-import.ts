// Work that follows an import inside the same transaction, in order: retrieval chunks, health
// snapshot backfill (so health_drop works from day one), fresh planner statistics, the pinyin
// keys of account names (English/pinyin mentions).
// A step that throws rolls the import back.
import type { Db } from '../../db/index.ts';
import type { TableName } from '../domain/csv-format.ts';
import { chunkImportedRecords } from '../retrieval/after-import.ts';
import { backfillAfterImport } from '../insights/health/snapshot.ts';
import { refreshPlannerStatistics } from '../store/planner-statistics.ts';
import { refreshAccountLatinKeys } from '../conversation/nlu/latin-keys.ts';

export interface ImportInfo {
  tz: string;
  /** Tables present in this import. */
  tables: TableName[];
  /** Per imported table with a one-column key: the ids of the rows this import added or changed. */
  changed: Map<TableName, string[]>;
}

export type AfterImportStep = (tx: Db, info: ImportInfo) => Promise<void>;

const refreshLatinKeys: AfterImportStep = async (tx) => {
  await refreshAccountLatinKeys(tx);
};

export const afterImportSteps: AfterImportStep[] = [chunkImportedRecords, backfillAfterImport, refreshPlannerStatistics, refreshLatinKeys];
