import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Who did what, when, from where. Before/after hold the changed record for the fact
 * base and users; for briefings only ids and revisions, never content. Never secrets.
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at")
      .notNull()
      .$defaultFn(() => new Date().toISOString()),
    actorId: text("actor_id"),
    actorEmail: text("actor_email"),
    ip: text("ip"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
    detail: text("detail", { mode: "json" }),
  },
  (t) => [index("audit_entity_idx").on(t.entity, t.entityId), index("audit_at_idx").on(t.at)],
);

export type AuditEntry = typeof auditLog.$inferSelect;
