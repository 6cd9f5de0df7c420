// The date and the person behind each record a reply cites (issue 22: every fact cites id, date
// and who): an interaction's author and day, an opportunity's owner, a ticket's, contract's,
// order's or project's account owner and its date, a contact's own name. One query for all of a
// reply's citations, scoped by the asker's visibility (visible_account_ids, as store/visible.ts) like every read of customer data.
import type { Db } from '../../db/index.ts';

export interface CitedRecord {
  source: string;
  id: string;
  date: string | null;
  who: string | null;
}

const OWNER = (acc: string) => `(SELECT ou.name FROM accounts oa JOIN users ou ON ou.id = oa.owner_id WHERE oa.id = ${acc})`;

export async function citedRecords(db: Db, userId: string, cites: { source: string; id: string }[], tz: string): Promise<CitedRecord[]> {
  if (!cites.length) return [];
  const r = await db.query<CitedRecord>(
    `WITH req(source, id) AS (SELECT * FROM unnest($2::text[], $3::text[])),
       vis AS MATERIALIZED (SELECT account_id FROM visible_account_ids($1))
     SELECT r.source, r.id, x.date, x.who FROM req r CROSS JOIN LATERAL (
       SELECT to_char(i.occurred_at AT TIME ZONE $4, 'YYYY-MM-DD') AS date, u.name AS who
         FROM interactions i JOIN users u ON u.id = i.user_id WHERE r.source = 'interaction' AND i.id = r.id AND i.account_id IN (SELECT account_id FROM vis)
       UNION ALL
       SELECT o.updated_at::text, coalesce((SELECT name FROM users WHERE id = o.owner_id), ${OWNER('o.account_id')})
         FROM opportunities o WHERE r.source = 'opportunity' AND o.id = r.id AND o.account_id IN (SELECT account_id FROM vis)
       UNION ALL
       SELECT to_char(t.opened_at AT TIME ZONE $4, 'YYYY-MM-DD'), ${OWNER('t.account_id')}
         FROM tickets t WHERE r.source = 'ticket' AND t.id = r.id AND t.account_id IN (SELECT account_id FROM vis)
       UNION ALL
       SELECT coalesce(c.signed_at, c.start_date, c.end_date)::text, ${OWNER('c.account_id')}
         FROM contracts c WHERE r.source = 'contract' AND c.id = r.id AND c.account_id IN (SELECT account_id FROM vis)
       UNION ALL
       SELECT d.order_date::text, ${OWNER('d.account_id')}
         FROM orders d WHERE r.source = 'order' AND d.id = r.id AND d.account_id IN (SELECT account_id FROM vis)
       UNION ALL
       SELECT p.started_at::text, ${OWNER('p.account_id')}
         FROM projects p WHERE r.source = 'project' AND p.id = r.id AND p.account_id IN (SELECT account_id FROM vis)
       UNION ALL
       SELECT NULL, k.name FROM contacts k WHERE r.source = 'contact' AND k.id = r.id AND k.account_id IN (SELECT account_id FROM vis)
       UNION ALL
       SELECT a.created_at::text, ${OWNER('a.id')} FROM accounts a WHERE r.source = 'account' AND a.id = r.id AND a.id IN (SELECT account_id FROM vis)
     ) x`,
    [userId, cites.map((c) => c.source), cites.map((c) => c.id), tz],
  );
  return r.rows;
}
