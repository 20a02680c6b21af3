/**
 * The meeting timeline in print (issue 18 made it a list, not a table): every meeting with its
 * date, place, format, status and leaders, and no page ending on a meeting's first line.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { BriefingDocument, TimelineEntry } from "@/lib/briefing/document";
import { partInput } from "@/lib/pdf/parts/part-input";
import { planParts } from "@/lib/pdf/parts/plan";
import { renderPart } from "@/lib/pdf/parts/render-parts";
import { timelineDetails } from "@/lib/pdf/sections/timeline";
import { makeBriefingDoc } from "../helpers/briefing-doc";
import { allPageLines, writeTempPdf } from "../helpers/pdf-tools";

const LONG_NAME = " (extended session on connectivity and the critical raw materials partnership)";

/** `count` meetings of uneven height: some names wrap, some have three leaders, one no place. */
function meetings(doc: BriefingDocument, count: number): TimelineEntry[] {
  const [model] = doc.timeline;
  return Array.from({ length: count }, (_, i) => ({
    ...model,
    meetingId: `m-${i}`,
    date: `${(i % 27) + 1} Mar ${2015 + (i % 11)}`,
    name: `${i + 1}th EU–Central Asia Ministerial Meeting${(i * 7 + count) % 5 === 0 ? LONG_NAME : ""}`,
    place: i === 3 ? null : model.place,
    leaders: (i * 3 + count) % 4 === 0 ? [model.leaders[0], model.leaders[0], model.leaders[0]] : model.leaders,
  }));
}

/** The back matter (timeline first) of `doc`, rendered as its part, one array of lines per page. */
async function backMatterPages(doc: BriefingDocument): Promise<string[][]> {
  const plan = planParts(doc).find((p) => p.slices[0]?.entry.id === "timeline")!;
  const { file, remove } = writeTempPdf(Buffer.from(await renderPart(partInput(doc, plan))));
  try {
    return allPageLines(file);
  } finally {
    remove();
  }
}

const startsAMeeting = (line: string) => /^\d{1,2} Mar \d{4} — \d+th EU–Central Asia/.test(line);

describe("the meeting timeline", () => {
  const doc = makeBriefingDoc();
  let text = "";
  beforeAll(async () => {
    doc.timeline = meetings(doc, 30);
    text = (await backMatterPages(doc)).flat().join(" ").replace(/\s+/g, " ");
  }, 60_000);

  it("prints every meeting's date and name, then where, in what format and who led", () => {
    for (const entry of doc.timeline) {
      expect(text).toContain(`${entry.date} — ${entry.name}`);
      expect(text).toContain(timelineDetails(entry));
    }
    expect(text).toContain("Brussels · ministerial, in person; held. Led by Murat Nurtleu");
    expect(timelineDetails(doc.timeline[3])).toMatch(/^ministerial, in person; held\. Led by /);
  });

  it("says nothing of leaders where none are known", () => {
    expect(timelineDetails({ ...doc.timeline[0], leaders: [] })).toBe("Brussels · ministerial, in person; held");
  });
});

describe("the meeting timeline across pages", () => {
  const ends: { count: number; line: string }[] = [];
  let pageBreaks = 0;
  beforeAll(async () => {
    // Page breaks fall at a different place in each length: 32 lengths, many breaks.
    for (let count = 20; count < 52; count++) {
      const doc = makeBriefingDoc();
      doc.timeline = meetings(doc, count);
      const pages = await backMatterPages(doc);
      for (const lines of pages.slice(0, -1)) {
        pageBreaks++;
        ends.push({ count, line: lines.at(-1)! });
      }
    }
  }, 120_000);

  it("never ends a page on a meeting's first line, its details over the page", () => {
    expect(pageBreaks).toBeGreaterThan(40);
    expect(ends.filter((end) => startsAMeeting(end.line))).toEqual([]);
  });
});
