import fs from "node:fs";
import path from "node:path";
import { appRoot } from "@/lib/app-paths";
import { withWriteTransaction, type Database, type Tx } from "../client";
import * as s from "../schema";
import { seedData } from "./data";
import { SEED_HANDLING, SEED_MARKING, type SeedData, type SeedDate } from "./types";

/** The shipped articles the curated quotes come from, in the app's folder. */
export function seedSourcesDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ appRoot(), "db/seed/sources");
}

export interface SeedReport {
  inserted: Record<string, number>;
}

const dateColumns = (d: SeedDate) => ({
  dateStart: d.start,
  dateEnd: d.end,
  datePrecision: d.precision,
  dateInferred: d.inferred ?? false,
  dateNote: d.note ?? null,
});
const NO_DATE = { dateStart: null, dateEnd: null, datePrecision: null, dateInferred: false, dateNote: null };

/**
 * Inserts the curated fact base where rows are missing, by stable id, in one transaction.
 * A row that exists is never touched — not even if an admin edited or retired it — and a
 * fact's party/topic links are written only when the fact itself is new, so an admin's
 * removal of a link is not undone either. Running it twice changes nothing.
 */
export async function seedDatabase(
  db: Database,
  data: SeedData = seedData,
  sourcesDir = seedSourcesDir(),
): Promise<SeedReport> {
  const inserted: Record<string, number> = {};
  // A conflict (the row is already there) inserts nothing, and RETURNING then returns no row.
  const count = async (table: string, insertedRows: Promise<unknown[]>) => {
    const changes = (await insertedRows).length;
    inserted[table] = (inserted[table] ?? 0) + changes;
    return changes;
  };
  const texts = new Map(
    data.sources.map((src) => [src.id, fs.readFileSync(path.join(sourcesDir, src.fileName), "utf8")]),
  );

  await withWriteTransaction(db, async (tx: Tx) => {
    for (const p of data.parties) {
      await count(
        "parties",
        tx
          .insert(s.parties)
          .values({ ...p, aliases: p.aliases ?? [] })
          .onConflictDoNothing()
          .returning(),
      );
    }
    for (const t of data.topics) await count("topics", tx.insert(s.topics).values(t).onConflictDoNothing().returning());
    for (const src of data.sources) {
      const row = {
        id: src.id,
        publisher: src.publisher,
        publisherNote: src.publisherNote ?? null,
        title: src.title,
        dateline: src.dateline,
        publishedStart: src.published.start,
        publishedEnd: src.published.end,
        publishedPrecision: src.published.precision,
        publishedInferred: src.published.inferred ?? false,
        publishedNote: src.published.note ?? null,
        url: src.url,
        fileName: src.fileName,
        fullText: texts.get(src.id)!,
      };
      await count("sources", tx.insert(s.sources).values(row).onConflictDoNothing().returning());
    }
    for (const p of data.people) {
      await count(
        "people",
        tx
          .insert(s.people)
          .values({ ...p, aliases: p.aliases ?? [] })
          .onConflictDoNothing()
          .returning(),
      );
    }
    for (const r of data.roles) {
      const row = {
        ...r,
        validFrom: r.validFrom ?? null,
        validTo: r.validTo ?? null,
        attestedOnly: r.attestedOnly ?? true,
        validFromPrecision: r.validFromPrecision ?? "day",
        validToPrecision: r.validToPrecision ?? "day",
      };
      await count("person_roles", tx.insert(s.personRoles).values(row).onConflictDoNothing().returning());
    }
    for (const m of data.meetings) {
      const { sources: reports, date, ...rest } = m;
      const changes = await count(
        "meetings",
        tx
          .insert(s.meetings)
          // Reported by public press articles: releasable unless a meeting says otherwise (migration 0011).
          .values({ ...rest, handling: m.handling ?? SEED_HANDLING, ...(date ? dateColumns(date) : NO_DATE) })
          .onConflictDoNothing()
          .returning(),
      );
      if (changes === 0) continue;
      for (const r of reports)
        await tx
          .insert(s.meetingSources)
          .values({ meetingId: m.id, ...r })
          .onConflictDoNothing();
    }
    for (const p of data.participations) {
      const row = { ...p, leadsDelegation: p.leadsDelegation ?? false };
      await count("participations", tx.insert(s.participations).values(row).onConflictDoNothing().returning());
    }
    for (const f of data.facts) {
      const row = {
        id: f.id,
        kind: f.kind,
        text: f.text,
        ...dateColumns(f.date),
        meetingId: f.meetingId ?? null,
        sourceId: f.sourceId,
        quote: f.quote,
        metricKey: f.figure?.metricKey ?? null,
        value: f.figure?.value ?? null,
        unit: f.figure?.unit ?? null,
        currency: f.figure?.currency ?? null,
        periodLabel: f.figure?.periodLabel ?? null,
        approximate: f.figure?.approximate ?? false,
        rank: f.figure?.rank ?? "normal",
        // The curated facts come from public press articles: releasable and OFFICIAL unless a fact says otherwise.
        handling: f.handling ?? SEED_HANDLING,
        marking: f.marking ?? SEED_MARKING,
      };
      const changes = await count("facts", tx.insert(s.facts).values(row).onConflictDoNothing().returning());
      if (changes === 0) continue;
      for (const partyId of f.parties) await tx.insert(s.factParties).values({ factId: f.id, partyId });
      for (const topicId of f.topics) await tx.insert(s.factTopics).values({ factId: f.id, topicId });
    }
  });
  return { inserted };
}
