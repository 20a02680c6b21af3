/**
 * Issue 13, read as a desk officer would: the Kazakhstan briefing built from the shipped fact
 * base at fixed briefing dates (never today's), and the roles, ranks and flags behind it.
 */
import fs from "node:fs";
import path from "node:path";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAdhocDocument } from "@/db/queries/briefings/build-adhoc-document";
import { ENGINE } from "@/db/engine";
import * as s from "@/db/schema";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { buildKeyFigures } from "@/lib/briefing/build-figures";
import { CitationRegistry } from "@/lib/briefing/citations";
import type { BriefingDocument } from "@/lib/briefing/document";
import { keyFigureNote, metricLabel, participantLabel } from "@/lib/briefing/labels";
import { rolesHeldOn } from "@/lib/briefing/roles";
import { factFormSchema } from "@/lib/validation/fact";
import { createSeededDb, read, sqlRows, sqlWrite, type TestDb } from "../helpers/db";

let t: TestDb;
beforeAll(async () => {
  t = await createSeededDb();
});
afterAll(() => t?.close());

const kz = (preparedOn: string) => buildAdhocDocument({ actor: SYSTEM_ACTOR, countryId: "KZ", preparedOn, db: t.db });
const ids = (events: { meetingId: string }[]) => events.map((e) => e.meetingId);
const citedSources = (doc: BriefingDocument, meetingId: string) => {
  const e = [...doc.forthcoming, ...doc.unconfirmed].find((x) => x.meetingId === meetingId)!;
  return e.citations.map((c) => doc.sources.find((src) => src.number === c.number)?.sourceId).sort();
};
const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe("announced events reach the Kazakhstan briefing", () => {
  it("lists the 17th ministerial and the first summit as unconfirmed once their dates have passed, cited to the sources that announced them", async () => {
    const doc = await kz("2025-06-01");
    expect(ids(doc.unconfirmed)).toEqual(expect.arrayContaining(["mtg-eu-ca-ministerial-17", "mtg-eu-ca-summit-1"]));
    expect(citedSources(doc, "mtg-eu-ca-ministerial-17")).toEqual(["src-000", "src-003"]);
    expect(citedSources(doc, "mtg-eu-ca-summit-1")).toEqual(["src-002", "src-004"]);
    expect(doc.unconfirmed.find((e) => e.meetingId === "mtg-eu-ca-ministerial-17")).toMatchObject({
      place: "Dushanbe",
      date: "autumn 2021 (inferred)",
    });
  });

  it("puts every dated announced event in the base under forthcoming the day before it starts and unconfirmed the day after it ends", async () => {
    const announced = await read(t.db)
      .select()
      .from(s.meetings)
      .where(and(eq(s.meetings.status, "announced"), isNotNull(s.meetings.dateStart)));
    expect(announced.map((m) => m.id).sort()).toEqual([
      "mtg-eu-ca-economic-forum-1",
      "mtg-eu-ca-ministerial-17",
      "mtg-eu-ca-ministerial-2023-autumn",
      "mtg-eu-ca-summit-1",
      "mtg-regional-climate-summit-2026",
    ]);
    for (const m of announced) {
      const before = await kz(dayBefore(m.dateStart!));
      expect(ids(before.forthcoming), `${m.id} before`).toContain(m.id);
      expect(ids(before.unconfirmed), `${m.id} before`).not.toContain(m.id);
      const after = await kz(dayAfter(m.dateEnd!));
      expect(ids(after.unconfirmed), `${m.id} after`).toContain(m.id);
      expect(ids(after.forthcoming), `${m.id} after`).not.toContain(m.id);
    }
  });

  it("keeps the 2026 climate summit forthcoming through 2026 and the undated tourism forum forthcoming at any date", async () => {
    expect(ids((await kz("2026-12-31")).forthcoming)).toContain("mtg-regional-climate-summit-2026");
    expect(ids((await kz("2027-01-01")).unconfirmed)).toContain("mtg-regional-climate-summit-2026");
    for (const day of ["2020-12-01", "2030-01-01"])
      expect(ids((await kz(day)).forthcoming)).toContain("mtg-eu-ca-tourism-forum");
  });

  it("does not pull announced EU–Central Asia events into a briefing for a party not expected at them", async () => {
    const af = await buildAdhocDocument({ actor: SYSTEM_ACTOR, countryId: "AF", preparedOn: "2025-06-01", db: t.db });
    expect([...ids(af.forthcoming), ...ids(af.unconfirmed)]).not.toContain("mtg-eu-ca-summit-1");
  });
});

describe("titles: one post is one role, and no day is invented", () => {
  const roles = () => read(t.db).select().from(s.personRoles);

  it("prints no 'Earlier' line for Borrell or Mora, and keeps Tileuberdi's real change", async () => {
    const doc = await kz("2025-06-01");
    const who = (name: string) => doc.whosWho.find((w) => w.name === name)!;
    expect(who("Josep Borrell").earlier).toEqual([]);
    expect(who("Enrique Mora").earlier).toEqual([]);
    expect(who("Mukhtar Tileuberdi").earlier.map((e) => e.title)).toEqual(["Minister of Foreign Affairs"]);
    expect(who("Mukhtar Tileuberdi").title).toBe("Deputy Prime Minister – Minister of Foreign Affairs");
  });

  it("finds Nurtleu as foreign minister on 28 March 2025 and Stiprais as special representative in March 2025", async () => {
    const all = await roles();
    const on = (day: string, personId: string) =>
      rolesHeldOn(
        all.filter((r) => r.personId === personId),
        day,
      ).map((r) => r.title);
    expect(on("2025-03-28", "per-nurtleu")).toEqual([
      "Deputy Prime Minister – Minister of Foreign Affairs of Kazakhstan",
    ]);
    expect(on("2025-04-02", "per-nurtleu")).toHaveLength(1);
    expect(on("2025-03-15", "per-stiprais")).toEqual(["EU Special Representative for Central Asia"]);
    expect(on("2021-06-01", "per-borrell")).toHaveLength(1);
    expect(on("2024-06-01", "per-mora")).toEqual([]);
  });

  it("stores a role end the sources give only to the month or year as that whole month or year", async () => {
    const all = await roles();
    for (const r of all) {
      if (r.validFromPrecision === "month") expect(r.validFrom?.slice(8), r.id).toBe("01");
      if (r.validFromPrecision === "year") expect(r.validFrom?.slice(5), r.id).toBe("01-01");
      if (r.validToPrecision === "year") expect(r.validTo?.slice(5), r.id).toBe("12-31");
      if (r.validToPrecision === "month") expect(Number(r.validTo?.slice(8))).toBeGreaterThanOrEqual(28);
    }
    const byId = new Map(all.map((r) => [r.id, r]));
    expect(byId.get("role-nurtleu-dpm-fm")).toMatchObject({
      validFrom: "2025-03-01",
      validFromPrecision: "month",
      validTo: "2025-04-30",
      validToPrecision: "month",
    });
    expect(byId.get("role-stiprais-eusr-ca")).toMatchObject({
      validFrom: "2025-03-01",
      validFromPrecision: "month",
      validTo: "2025-03-31",
      validToPrecision: "month",
    });
    // Placeholder days of undated articles: gone.
    const placeholders = all.filter(
      (r) =>
        r.validFromPrecision === "day" &&
        ["2025-03-27", "2025-03-01", "2023-06-03"].includes(r.validFrom ?? "") &&
        r.personId !== "per-kallas",
    );
    expect(placeholders.map((r) => r.id)).toEqual([]);
  });
});

describe("figures and presentation in the Kazakhstan briefing", () => {
  const doc = () => kz("2025-06-01");

  it("keeps acronyms in metric labels and 'about' in the EU's investment figure", async () => {
    const labels = (await doc()).keyFigures.map((f) => f.label);
    expect(labels).toContain("FDI gross inflow, EU–KZ");
    expect(labels.join(" ")).not.toMatch(/Fdi/);
    expect(metricLabel("gdp-growth:KZ")).toBe("GDP growth, KZ");
    const investment = (await doc()).keyFigures.find((f) => f.metricKey === "investment:EU-CA")!;
    expect(investment.values[0]).toMatchObject({ display: "about EUR 105 billion", approximate: true });
    expect((await read(t.db).select().from(s.facts).where(eq(s.facts.approximate, true))).map((f) => f.id)).toEqual([
      "fact-002-09",
    ]);
  });

  it("prints unnamed participants as 'Minister of Foreign Affairs (Tajikistan)', naming the country once", async () => {
    const m16 = (await doc()).timeline.find((e) => e.meetingId === "mtg-eu-ca-ministerial-16")!;
    const printed = m16.leaders.map(participantLabel);
    expect(printed).toContain("Minister of Foreign Affairs (Tajikistan)");
    expect(printed).toContain("Mukhtar Tileuberdi, Minister of Foreign Affairs (Kazakhstan)");
    expect(printed.join("; ")).not.toMatch(/—|of Tajikistan/);
    const h10 = (await doc()).timeline.find((e) => e.meetingId === "mtg-eu-ca-hlpsd-10")!;
    expect(h10.leaders.map(participantLabel)).toContain("Ambassador of Turkmenistan in Astana");
  });

  it("puts the preferred of conflicting values first and says that others exist", async () => {
    const [base] = await read(t.db).select().from(s.facts).where(eq(s.facts.id, "fact-004-26"));
    const other = { ...base, id: "fact-test-other", value: 47.1, sourceId: "src-002" };
    const preferred = { ...base, id: "fact-test-preferred", value: 48, rank: "preferred" as const };
    const [row] = buildKeyFigures([base, other, preferred], new CitationRegistry());
    expect(row.values.map((v) => v.factId)).toEqual(["fact-test-preferred", "fact-004-26", "fact-test-other"]);
    expect(row.values[0].preferred).toBe(true);
    expect(keyFigureNote(row)).toBe("other values exist; the preferred one is shown first.");
    const [plain] = buildKeyFigures([base, other], new CitationRegistry());
    expect(keyFigureNote(plain)).toBe("the sources disagree on this figure.");
  });

  it("lets the fact form rank a figure and flag it approximate, and refuses both on other kinds", async () => {
    const form = {
      kind: "figure",
      text: "T.",
      sourceId: "src-004",
      quote: "Q.",
      dateStart: "2024-01-01",
      dateEnd: "2024-12-31",
      datePrecision: "year",
      partyIds: "KZ",
      topicIds: "trade-investment",
      metricKey: "m:KZ",
      value: "1",
      unit: "billion",
      rank: "preferred",
      approximate: "true",
    };
    expect(factFormSchema.parse(form)).toMatchObject({ rank: "preferred", approximate: true });
    expect(factFormSchema.parse({ ...form, rank: undefined, approximate: undefined })).toMatchObject({
      rank: "normal",
      approximate: false,
    });
    const statement = factFormSchema.safeParse({ ...form, kind: "statement", metricKey: "", value: "", unit: "" });
    expect(statement.success).toBe(false);
    expect(statement.error?.issues.map((i) => i.path[0]).sort()).toEqual(["approximate", "rank"]);
  });
});

describe("an existing database gets the corrections from migration 0005", () => {
  const migration = fs.readdirSync("drizzle").find((f) => /^\d{4}_curation_truth\.sql$/.test(f))!;
  const dataStatements = () =>
    fs
      .readFileSync(path.join("drizzle", migration), "utf8")
      .split("--> statement-breakpoint")
      .filter((q) => /^\s*(--.*\n\s*)*UPDATE/.test(q));

  // SQLite only: it runs SQLite's migration 0005 (`approximate = 0` and all) on a database as the
  // old seed left it. PostgreSQL databases start from drizzle-pg/0000 and the corrected seed.
  it.runIf(ENGINE === "sqlite")(
    "corrects rows still as the old seed left them and leaves an admin's edit alone",
    async () => {
      const db2 = await createSeededDb();
      try {
        // Put back what the old seed shipped (the columns' defaults as the ALTERs add them).
        for (const statement of [
          `UPDATE meetings SET expected_party_ids = '[]'`,
          `UPDATE facts SET approximate = 0`,
          `UPDATE participations SET title = 'EU High Representative for Foreign Affairs and Security Policy' WHERE id = 'prt-m16-borrell'`,
          `UPDATE person_roles SET valid_from = '2022-11-18' WHERE id = 'role-borrell-vp-hr-2022'`,
          `INSERT INTO person_roles (id, person_id, party_id, title, valid_from, valid_to, source_id, quote, created_at, updated_at)
          VALUES ('role-borrell-hr-2020', 'per-borrell', 'EU', 'EU High Representative for Foreign Affairs and Security Policy',
            '2020-11-17', '2020-11-17', 'src-000', 'x', 'now', 'now')`,
          `UPDATE person_roles SET valid_from = '2025-03-27', valid_to = '2025-03-27', valid_from_precision = 'day', valid_to_precision = 'day'
          WHERE id = 'role-nurtleu-dpm-fm'`,
          `UPDATE person_roles SET title = 'Edited by an admin', valid_from = '2025-03-01', valid_to = '2025-03-01',
          valid_from_precision = 'day', valid_to_precision = 'day', version = 2 WHERE id = 'role-stiprais-eusr-ca'`,
        ])
          await sqlWrite(db2.db, sql.raw(statement));
        for (const q of dataStatements()) await sqlWrite(db2.db, sql.raw(q));
        const role = async (id: string) => (await sqlRows(db2.db, sql`SELECT * FROM person_roles WHERE id = ${id}`))[0];
        expect(await role("role-borrell-vp-hr-2022")).toMatchObject({ valid_from: "2020-11-17", version: 2 });
        expect((await role("role-borrell-hr-2020")).deleted_at).not.toBeNull();
        expect(await role("role-nurtleu-dpm-fm")).toMatchObject({
          valid_from: "2025-03-01",
          valid_to: "2025-04-30",
          valid_from_precision: "month",
        });
        expect(await role("role-stiprais-eusr-ca")).toMatchObject({
          title: "Edited by an admin",
          valid_to: "2025-03-01",
          version: 2,
        });
        expect(await sqlRows(db2.db, sql`SELECT approximate FROM facts WHERE id = 'fact-002-09'`)).toEqual([
          { approximate: 1 },
        ]);
        expect(await sqlRows(db2.db, sql`SELECT title FROM participations WHERE id = 'prt-m16-borrell'`)).toEqual([
          {
            title:
              "Vice-President of the European Commission and EU High Representative for Foreign Affairs and Security Policy",
          },
        ]);
        const kzEvents = (
          await buildAdhocDocument({ actor: SYSTEM_ACTOR, countryId: "KZ", preparedOn: "2025-06-01", db: db2.db })
        ).unconfirmed;
        expect(ids(kzEvents)).toEqual(expect.arrayContaining(["mtg-eu-ca-ministerial-17", "mtg-eu-ca-summit-1"]));
      } finally {
        db2.close();
      }
      // Closing the second database left the first one's connections open.
      expect(await sqlRows(t.db, sql`SELECT 1 AS open`)).toEqual([{ open: 1 }]);
    },
  );
});
