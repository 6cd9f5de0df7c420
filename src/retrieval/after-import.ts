// The import step of retrieval: inside the import transaction, (re)chunk the records the import
// added or changed, so search sees an import the moment it commits. Small imports are embedded
// here too; big ones leave their vectors to re-embedding (see INLINE_EMBED_MAX_SOURCES).
import type { AfterImportStep } from '../importing/after-import-step.ts';
import { indexImportedSources } from './indexer.ts';
import { SOURCE_TABLES, type SourceTable } from '../domain/passage-sources.ts';

export const chunkImportedRecords: AfterImportStep = async (tx, info) => {
  const changed = new Map<SourceTable, string[]>();
  for (const t of SOURCE_TABLES) {
    const ids = info.changed.get(t);
    if (ids?.length) changed.set(t, ids);
  }
  if (changed.size) await indexImportedSources(tx, changed, { tz: info.tz });
};
