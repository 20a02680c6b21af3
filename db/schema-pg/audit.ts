import { index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";

/**
 * Who did what, when, from where. Before/after hold the changed record for the fact
 * base and users; for briefings only ids and revisions, never content. Never secrets.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    at: text("at")
      .notNull()
      .$defaultFn(() => new Date().toISOString()),
    actorId: text("actor_id"),
    actorEmail: text("actor_email"),
    ip: text("ip"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    detail: jsonb("detail"),
  },
  (t) => [index("audit_entity_idx").on(t.entity, t.entityId), index("audit_at_idx").on(t.at)],
);

export type AuditEntry = typeof auditLog.$inferSelect;
