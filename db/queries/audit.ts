import { and, desc, eq, lt } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { assertAdmin } from "@/lib/auth/actor";
import { getDb, readerOf, type Database } from "../client";
import { auditLog } from "../schema";

/** The newest audit rows, optionally for one entity; admins only. */
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
  if (entity) q.where(and(eq(auditLog.entity, entity), entityId ? eq(auditLog.entityId, entityId) : undefined));
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
    .where(and(entity ? eq(auditLog.entity, entity) : undefined, before ? lt(auditLog.id, before) : undefined))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}
