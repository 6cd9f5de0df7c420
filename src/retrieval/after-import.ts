// The import step of retrieval: inside the import transaction, (re)chunk and embed the records of
// the imported tables whose content changed, so search sees an import the moment it commits.
import type { AfterImportStep } from '../importing/after-import.ts';
import { syncTables } from './indexer.ts';
import { SOURCE_TABLES } from './sources.ts';

export const chunkImportedRecords: AfterImportStep = async (tx, info) => {
  const tables = SOURCE_TABLES.filter((t) => info.tables.includes(t));
  if (tables.length) await syncTables(tx, tables, { tz: info.tz });
};
