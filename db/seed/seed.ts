import fs from "node:fs";
import path from "node:path";
import { appRoot } from "@/lib/app-paths";
import { writeTransaction, type DB } from "../client";
import * as s from "../schema";
import { seedData } from "./data";
import type { SeedData, SeedDate } from "./types";

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
export function seedDatabase(db: DB, data: SeedData = seedData, sourcesDir = seedSourcesDir()): SeedReport {
  const inserted: Record<string, number> = {};
  const count = (table: string, changes: number) => (inserted[table] = (inserted[table] ?? 0) + changes);
  const texts = new Map(
    data.sources.map((src) => [src.id, fs.readFileSync(path.join(sourcesDir, src.fileName), "utf8")]),
  );

  writeTransaction(db, (tx) => {
    for (const p of data.parties) {
      count(
        "parties",
        tx
          .insert(s.parties)
          .values({ ...p, aliases: p.aliases ?? [] })
          .onConflictDoNothing()
          .run().changes,
      );
    }
    for (const t of data.topics) count("topics", tx.insert(s.topics).values(t).onConflictDoNothing().run().changes);
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
      count("sources", tx.insert(s.sources).values(row).onConflictDoNothing().run().changes);
    }
    for (const p of data.people) {
      count(
        "people",
        tx
          .insert(s.people)
          .values({ ...p, aliases: p.aliases ?? [] })
          .onConflictDoNothing()
          .run().changes,
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
      count("person_roles", tx.insert(s.personRoles).values(row).onConflictDoNothing().run().changes);
    }
    for (const m of data.meetings) {
      const { sources: reports, date, ...rest } = m;
      const changes = tx
        .insert(s.meetings)
        .values({ ...rest, ...(date ? dateColumns(date) : NO_DATE) })
        .onConflictDoNothing()
        .run().changes;
      count("meetings", changes);
      if (changes === 0) continue;
      for (const r of reports)
        tx.insert(s.meetingSources)
          .values({ meetingId: m.id, ...r })
          .onConflictDoNothing()
          .run();
    }
    for (const p of data.participations) {
      const row = { ...p, leadsDelegation: p.leadsDelegation ?? false };
      count("participations", tx.insert(s.participations).values(row).onConflictDoNothing().run().changes);
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
      };
      const changes = tx.insert(s.facts).values(row).onConflictDoNothing().run().changes;
      count("facts", changes);
      if (changes === 0) continue;
      for (const partyId of f.parties) tx.insert(s.factParties).values({ factId: f.id, partyId }).run();
      for (const topicId of f.topics) tx.insert(s.factTopics).values({ factId: f.id, topicId }).run();
    }
  });
  return { inserted };
}
