/** Issue 13 in print: the Kazakhstan briefing's PDF says "about", "Last met:", FDI and participants as corrected. */
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildAdhocDocument } from "@/db/queries/briefings/build-adhoc-document";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { renderBriefingPdf } from "@/lib/pdf/render";
import { pageGeometry } from "@/lib/pdf/theme";
import { createSeededDb, type TestDb } from "../helpers/db";
import { allPageTexts, wordsPastMargin, writeTempPdf } from "../helpers/pdf-tools";

let t: TestDb;
let text: string;
let outside: { page: number; word: string }[];
beforeAll(async () => {
  t = await createSeededDb();
  const doc = await buildAdhocDocument({ actor: SYSTEM_ACTOR, countryId: "KZ", preparedOn: "2025-06-01", db: t.db });
  const { file, remove } = writeTempPdf(await renderBriefingPdf(doc));
  // Table cells wrap: read the words in order, whatever the line breaks.
  text = allPageTexts(file).join("\n").replace(/\s+/g, " ");
  outside = wordsPastMargin(file, pageGeometry.marginX - 2); // the text area ends where the margin begins
  remove();
}, 60_000);
afterAll(() => t?.close());

it("prints the approximation, the last-met label, the acronym and unnamed participants as the issue asks", () => {
  expect(text).toContain("about EUR 105 billion");
  expect(text).toMatch(/Last met: Meeting of EU High Representative Kaja Kallas/);
  expect(text).toContain("FDI gross inflow, EU–KZ");
  expect(text).not.toContain("Fdi");
  expect(text).toContain("Minister of Foreign Affairs (Tajikistan)");
  expect(text).not.toMatch(/— \(Minister/);
  expect(text).toMatch(/Unconfirmed .*17th Central Asia–EU Ministerial Meeting, Dushanbe/);
  expect(text).toContain("First EU–Central Asia Summit, Samarkand");
  expect(text).not.toMatch(/Earlier: EU High Representative/);
});

it("keeps every word inside the page's margins (the labelled last-met line once ran off the page)", () => {
  expect(outside).toEqual([]);
});
