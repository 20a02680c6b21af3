import { describe, expect, it } from "vitest";
import {
  dateSpanProblem,
  formatDateSpan,
  isValidIsoDay,
  seasonSpan,
  spansOverlap,
  yearSpan,
} from "@/lib/dates/date-span";
import { factFormSchema } from "@/lib/validation/fact";
import { meetingFormSchema } from "@/lib/validation/reference-data";
import { sourceFormSchema } from "@/lib/validation/source";
import { cleanText } from "@/lib/validation/text";

describe("calendar days", () => {
  it.each(["2024-02-29", "2020-11-17", "2023-12-31"])("accepts %s", (d) => expect(isValidIsoDay(d)).toBe(true));
  it.each(["2024-02-30", "2023-02-29", "2023-04-31", "2023-13-01", "2023-1-5", "17 Nov 2020", ""])("refuses %s", (d) =>
    expect(isValidIsoDay(d)).toBe(false),
  );
  it("explains an impossible date rather than rolling it over", () => {
    expect(dateSpanProblem({ start: "2024-02-30", end: "2024-02-30", precision: "day" })).toMatch(
      /not a real calendar day/,
    );
  });
});

describe("date spans", () => {
  it("autumn 2023 is September to November, at season precision", () => {
    expect(seasonSpan(2023, "autumn")).toMatchObject({ start: "2023-09-01", end: "2023-11-30", precision: "season" });
    expect(seasonSpan(2023, "winter")).toMatchObject({ start: "2023-12-01", end: "2024-02-29" });
  });
  it("are shown at their precision, inferred ones marked", () => {
    expect(formatDateSpan({ start: "2020-11-17", end: "2020-11-17", precision: "day", inferred: false })).toBe(
      "17 Nov 2020",
    );
    expect(formatDateSpan({ start: "2025-03-01", end: "2025-03-31", precision: "month", inferred: false })).toBe(
      "Mar 2025",
    );
    expect(formatDateSpan({ ...yearSpan(2023), inferred: true })).toBe("2023 (inferred)");
    expect(formatDateSpan(seasonSpan(2021, "autumn"))).toBe("autumn 2021");
  });
  it("overlap a range that touches any day of them", () => {
    const y2023 = yearSpan(2023);
    expect(spansOverlap(y2023, { start: "2023-12-31", end: "2024-06-01" })).toBe(true);
    expect(spansOverlap(y2023, { start: "2024-01-01", end: "2024-06-01" })).toBe(false);
  });
});

/**
 * The three forms that take a date span (a fact's date, a source's publication date, a
 * meeting's date), each as the admin form posts it: every one must refuse what the others
 * refuse, on the field the message belongs to.
 */
const DATED_FORMS = [
  {
    form: "fact",
    schema: factFormSchema,
    names: {
      start: "dateStart",
      end: "dateEnd",
      precision: "datePrecision",
      inferred: "dateInferred",
      note: "dateNote",
    },
    valid: {
      kind: "statement",
      text: "Talks were held.",
      sourceId: "src",
      quote: "talks were held",
      partyIds: "kz",
      topicIds: "trade",
    },
  },
  {
    form: "source",
    schema: sourceFormSchema,
    names: {
      start: "publishedStart",
      end: "publishedEnd",
      precision: "publishedPrecision",
      inferred: "publishedInferred",
      note: "publishedNote",
    },
    valid: { fullText: "An article." },
  },
  {
    form: "meeting",
    schema: meetingFormSchema,
    names: {
      start: "dateStart",
      end: "dateEnd",
      precision: "datePrecision",
      inferred: "dateInferred",
      note: "dateNote",
    },
    valid: { id: "m1", name: "A summit", format: "summit", mode: "in-person", status: "held" },
  },
] as const;

describe.each(DATED_FORMS)("the $form form's date", ({ schema, names, valid }) => {
  const post = (span: { start: string; end: string; precision: string; inferred?: string; note?: string }) =>
    schema.safeParse({
      ...valid,
      [names.start]: span.start,
      [names.end]: span.end,
      [names.precision]: span.precision,
      [names.inferred]: span.inferred ?? "",
      [names.note]: span.note ?? "",
    });
  const issuesOn = (result: ReturnType<typeof post>, field: string) =>
    (result.error?.issues ?? []).filter((i) => i.path.join(".") === field).map((i) => i.message);

  it("accepts a real span, and an inferred one that says how", () => {
    expect(post({ start: "2023-01-01", end: "2023-12-31", precision: "year" }).error?.issues).toBeUndefined();
    expect(
      post({ start: "2023-01-01", end: "2023-12-31", precision: "year", inferred: "on", note: "From the dateline." })
        .success,
    ).toBe(true);
  });
  it("refuses an impossible day rather than rolling it over", () => {
    expect(issuesOn(post({ start: "2024-02-30", end: "2024-02-30", precision: "day" }), names.start)).toEqual([
      expect.stringMatching(/2024-02-30 is not a real calendar day/),
    ]);
  });
  it("refuses an end before the start, on the end field", () => {
    expect(issuesOn(post({ start: "2024-03-01", end: "2024-02-01", precision: "month" }), names.end)).toEqual([
      expect.stringMatching(/before start date/),
    ]);
  });
  it("refuses a day-precision date of several days", () => {
    expect(issuesOn(post({ start: "2024-03-01", end: "2024-03-02", precision: "day" }), names.start)).toEqual([
      "A date at day precision has one day.",
    ]);
  });
  it("demands a note when the date is inferred", () => {
    expect(
      issuesOn(post({ start: "2023-01-01", end: "2023-12-31", precision: "year", inferred: "on" }), names.note),
    ).toEqual(["Say how an inferred date was worked out."]);
  });
});

describe("text fields", () => {
  const title = cleanText({ max: 20, min: 1, label: "Title" });
  it("normalise to NFC and trim", () => {
    expect(title.parse("  Cafe\u0301 ")).toBe("Café");
  });
  it.each([
    ["a NUL", "a\u0000b", /control character/],
    ["a right-to-left override", "abc\u202Edef", /bidirectional/],
    ["a too-long value", "x".repeat(21), /at most 20/],
    ["an empty value", "   ", /required/],
  ])("refuse %s with a clear message", (_l, value, message) => {
    const r = title.safeParse(value);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toMatch(message);
  });
});
