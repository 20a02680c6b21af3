import { closeDatabase, openDatabase, withWriteTransaction } from "@/db/client";
import { recordAudit } from "@/db/queries/_record-audit";

/**
 * A steady stream of writes for the backup test, in a process of its own: one audit row per
 * transaction through the app's own connection settings and write path, each reported to the
 * parent (over IPC) only after its commit returned. It stops when told to, when the parent
 * goes away, or after MAX_WRITES (a guard against running forever, never reached normally).
 *
 * Usage (from a test): fork with `--import tsx --import ./scripts/server-only/register.mjs`, argv: DATABASE_FILE.
 */
const MAX_WRITES = 200_000;

const file = process.argv[2];
if (!file || !process.send) throw new Error("audit-writer: run with fork(), a database file as argument.");
const db = openDatabase(file);
let stopped = false;
process.on("message", (message) => {
  if (message === "stop") stopped = true;
});
process.on("disconnect", () => {
  stopped = true;
});

const actor = { userId: null, email: "writer@reliability.test", ip: "127.0.0.1" };
let n = 0;
while (!stopped && n < MAX_WRITES) {
  n += 1;
  await withWriteTransaction(db, (tx) =>
    recordAudit(tx, { actor, action: "reliability.write", entity: "reliability", entityId: String(n) }),
  );
  process.send({ acked: n });
  // Let the IPC messages out and the "stop" in.
  await new Promise((resolve) => setImmediate(resolve));
}
closeDatabase(db);
process.send?.({ done: n }, () => process.disconnect());
