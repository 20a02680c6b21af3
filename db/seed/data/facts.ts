import type { SeedFact } from "../types";
import { facts000 } from "./facts-000";
import { facts001 } from "./facts-001";
import { facts002 } from "./facts-002";
import { facts003 } from "./facts-003";
import { facts004 } from "./facts-004";

/** The curated facts, one file per source article (db/seed/sources/00N_*.txt ↔ facts-00N.ts). */
export const facts: SeedFact[] = [...facts000, ...facts001, ...facts002, ...facts003, ...facts004];
