// What an after-import step is handed: the import's transaction and what it changed. Features
// (retrieval, health) provide steps; src/importing/after-import.ts runs them in order.
import type { Db } from '../../db/index.ts';
import type { TableName } from '../domain/csv-format.ts';

export interface ImportInfo {
  tz: string;
  /** Tables present in this import. */
  tables: TableName[];
  /** Per imported table with a one-column key: the ids of the rows this import added or changed. */
  changed: Map<TableName, string[]>;
}

export type AfterImportStep = (tx: Db, info: ImportInfo) => Promise<void>;
