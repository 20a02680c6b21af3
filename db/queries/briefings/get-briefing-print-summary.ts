import { and, eq, isNull, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { getDb, readerOf, type Database } from "../../client";
import { briefingItems, briefings, facts, parties } from "../../schema";
import { factVisibleTo } from "../_fact-visibility";
import { loadBriefingFor } from "./_access";

export interface GetBriefingPrintSummaryOptions {
  actor: Actor;
  briefingId: string;
  /** Which copy is to be printed: the internal PDF (the default) or the counterpart copy. */
  operation?: "download" | "downloadCounterpart";
  db?: Database;
}

/** What the PDF route reads before it asks the render pool for room: the headers' facts and the print's size. */
export interface BriefingPrintSummary {
  status: "draft" | "final";
  revision: number;
  countryName: string;
  /** The day a finalised briefing was prepared on (from its snapshot); null for a draft (printed as of today). */
  finalPreparedOn: string | null;
  /** Included live facts the actor may see (those they will be printed), and the characters of their text and notes. */
  facts: number;
  characters: number;
}

/**
 * A briefing the actor may download (its owner, editors, viewers, pending clearers; 404 for
 * anyone else, as everywhere) in a few small reads: nothing is built, so a refused download
 * costs next to nothing. The size is an estimate for the render pool, so the reads need no
 * shared snapshot.
 */
export async function getBriefingPrintSummary({
  actor,
  briefingId,
  operation = "download",
  db = getDb(),
}: GetBriefingPrintSummaryOptions): Promise<BriefingPrintSummary> {
  const tx = readerOf(db);
  const { row } = await loadBriefingFor(tx, actor, briefingId, operation);
  const [named] = await tx
    .select({
      countryName: parties.name,
      // -> and ->> with keys read the snapshot's JSON on both engines (text on SQLite, jsonb on PostgreSQL).
      finalPreparedOn: sql<string | null>`(${briefings.snapshot} -> 'document' ->> 'preparedOn')`,
    })
    .from(briefings)
    .innerJoin(parties, eq(parties.id, briefings.countryId))
    .where(eq(briefings.id, briefingId))
    .limit(1);
  const [size] = await tx
    .select({
      facts: sql<number>`count(*)`,
      characters: sql<number>`coalesce(sum(length(${facts.text}) + coalesce(length(${briefingItems.note}), 0)), 0)`,
    })
    .from(briefingItems)
    .innerJoin(facts, eq(facts.id, briefingItems.factId))
    .where(
      and(
        eq(briefingItems.briefingId, briefingId),
        eq(briefingItems.included, true),
        isNull(facts.deletedAt),
        factVisibleTo(actor.clearanceLevel),
      ),
    );
  return {
    status: row.status,
    revision: row.revision,
    countryName: named?.countryName ?? row.countryId,
    finalPreparedOn: row.status === "final" ? (named?.finalPreparedOn ?? null) : null,
    facts: size?.facts ?? 0,
    characters: size?.characters ?? 0,
  };
}
