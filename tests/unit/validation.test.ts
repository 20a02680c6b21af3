import { describe, expect, it } from "vitest";
import { dateSpanProblem, formatDateSpan, isValidIsoDay, seasonSpan, spansOverlap, yearSpan } from "@/lib/dates/date-span";
import { dateSpanSchema } from "@/lib/validation/date-span";
import { cleanText } from "@/lib/validation/text";

describe("calendar days", () => {
  it.each(["2024-02-29", "2020-11-17", "2023-12-31"])("accepts %s", (d) => expect(isValidIsoDay(d)).toBe(true));
  it.each(["2024-02-30", "2023-02-29", "2023-04-31", "2023-13-01", "2023-1-5", "17 Nov 2020", ""])("refuses %s", (d) =>
    expect(isValidIsoDay(d)).toBe(false),
  );
  it("explains an impossible date rather than rolling it over", () => {
    expect(dateSpanProblem({ start: "2024-02-30", end: "2024-02-30", precision: "day" })).toMatch(/not a real calendar day/);
    const parsed = dateSpanSchema.safeParse({ start: "2024-02-30", end: "2024-02-30", precision: "day" });
    expect(parsed.success).toBe(false);
  });
});

describe("date spans", () => {
  it("autumn 2023 is September to November, at season precision", () => {
    expect(seasonSpan(2023, "autumn")).toMatchObject({ start: "2023-09-01", end: "2023-11-30", precision: "season" });
    expect(seasonSpan(2023, "winter")).toMatchObject({ start: "2023-12-01", end: "2024-02-29" });
  });
  it("are shown at their precision, inferred ones marked", () => {
    expect(formatDateSpan({ start: "2020-11-17", end: "2020-11-17", precision: "day", inferred: false })).toBe("17 Nov 2020");
    expect(formatDateSpan({ start: "2025-03-01", end: "2025-03-31", precision: "month", inferred: false })).toBe("Mar 2025");
    expect(formatDateSpan({ ...yearSpan(2023), inferred: true })).toBe("2023 (inferred)");
    expect(formatDateSpan(seasonSpan(2021, "autumn"))).toBe("autumn 2021");
  });
  it("overlap a range that touches any day of them", () => {
    const y2023 = yearSpan(2023);
    expect(spansOverlap(y2023, { start: "2023-12-31", end: "2024-06-01" })).toBe(true);
    expect(spansOverlap(y2023, { start: "2024-01-01", end: "2024-06-01" })).toBe(false);
  });
  it("demand a note when inferred", () => {
    expect(dateSpanSchema.safeParse({ ...yearSpan(2023), inferred: true, note: null }).success).toBe(false);
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
