// The PostgreSQL twin of db/schema/index.ts: the same exports (tests/unit/schema-engines.test.ts; db/schema-pg/columns.ts says why).
export * from "./parties";
export * from "./sources";
export * from "./people";
export * from "./meetings";
export * from "./facts";
export * from "./users";
export * from "./briefings";
export * from "./audit";
export * from "./login-attempts";
export * from "./workflow";
export * from "./two-factor";
