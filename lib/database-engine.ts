/**
 * Which database engine a DATABASE_URL names: PostgreSQL for a `postgres://` or
 * `postgresql://` URL, otherwise SQLite (a file path, or unset for data/chancery.db).
 * Pure, so lib/ (the auth secret's rule) and db/ share one answer.
 */
export type Engine = "sqlite" | "postgres";

export function engineOf(url: string | undefined): Engine {
  return url !== undefined && /^postgres(ql)?:\/\//i.test(url) ? "postgres" : "sqlite";
}

/** A PostgreSQL URL with its password left out, for logs and messages. */
export function withoutPassword(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@?]*):[^@/?]*@/i, "$1:***@");
}
