/**
 * Runs once when the server starts: creates, migrates and seeds the database so a fresh
 * clone serves real data on its first start. Imported lazily so the edge bundle and
 * `next build` never load better-sqlite3 or touch a file.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("./lib/setup/start-server");
  await startServer();
}
