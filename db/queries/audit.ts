import { and, desc, eq, lt } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { assertAdmin } from "@/lib/auth/actor";
import { getDb, readerOf, type Database } from "../client";
import { auditLog } from "../schema";
import { auditRowVisibleTo } from "./_fact-visibility";

/**
 * The newest audit rows, optionally for one entity; admins only. Rows of facts marked above the
 * admin's clearance level are left out (see auditRowVisibleTo), here and in the paged log.
 */
export async function listAudit({
  actor,
  entity,
  entityId,
  limit = 100,
  db = getDb(),
}: {
  actor: Actor;
  entity?: string;
  entityId?: string;
  limit?: number;
  db?: Database;
}) {
  assertAdmin(actor);
  const q = readerOf(db).select().from(auditLog).$dynamic();
  q.where(
    and(
      auditRowVisibleTo(actor.clearanceLevel),
      entity ? eq(auditLog.entity, entity) : undefined,
      entity && entityId ? eq(auditLog.entityId, entityId) : undefined,
    ),
  );
  return q.orderBy(desc(auditLog.id)).limit(limit);
}

/** The audit log, newest first, a page at a time (`before` is the last id of the previous page); admins only. */
export async function listAuditPage({
  actor,
  entity,
  before,
  limit = 100,
  db = getDb(),
}: {
  actor: Actor;
  entity?: string;
  before?: number;
  limit?: number;
  db?: Database;
}) {
  assertAdmin(actor);
  return readerOf(db)
    .select()
    .from(auditLog)
    .where(
      and(
        auditRowVisibleTo(actor.clearanceLevel),
        entity ? eq(auditLog.entity, entity) : undefined,
        before ? lt(auditLog.id, before) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(limit);
}
