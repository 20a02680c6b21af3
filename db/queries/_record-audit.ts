import type { Tx } from "../client";
import { auditLog } from "../schema";

export interface AuditInput {
  /** Who acted; for a failed sign-in, the email that was tried and no user id. */
  actor: { userId: string | null; email: string | null; ip: string | null } | null;
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  detail?: unknown;
}

/** Writes one audit row. Call it inside the transaction that makes the change. */
export async function recordAudit(tx: Tx, entry: AuditInput): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: entry.actor?.userId ?? null,
    actorEmail: entry.actor?.email ?? null,
    ip: entry.actor?.ip ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    detail: entry.detail ?? null,
  });
}
