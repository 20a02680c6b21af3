import { sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { ClearanceStatus } from "@/lib/model/briefings";

/**
 * The status of a briefing's latest clearance request (null when it has none), as a column of
 * a list query: the briefing's state in one statement, without a read per row.
 */
export function latestRequestStatus(briefingId: SQLiteColumn): SQL<ClearanceStatus | null> {
  return sql<ClearanceStatus | null>`(SELECT cr.status FROM clearance_requests cr WHERE cr.briefing_id = ${briefingId}
    ORDER BY cr.submitted_at DESC, cr.seq DESC LIMIT 1)`;
}
