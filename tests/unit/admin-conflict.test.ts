import { describe, expect, it } from "vitest";
import { savedRecord } from "@/lib/admin/conflict";
import { factToFormValues, mergeOnConflict } from "@/lib/admin/fact-form";

describe("a save that lost to a newer version", () => {
  it("reads the saved record a 409 carries, or nothing when it has no version", () => {
    expect(savedRecord({ id: "KZ", name: "Kazakhstan", version: 4 })).toEqual({
      id: "KZ",
      name: "Kazakhstan",
      version: 4,
    });
    expect(savedRecord({ id: "KZ", version: "4" })).toBeNull();
    expect(savedRecord(undefined)).toBeNull();
    expect(savedRecord("conflict")).toBeNull();
  });

  it("keeps what the admin changed, takes the newer value elsewhere, and flags fields both changed", () => {
    const base = factToFormValues({
      text: "Old text",
      dateStart: "2025-03-28",
      partyIds: ["KZ", "EU"],
      dateInferred: false,
    });
    expect(base).toMatchObject({ text: "Old text", dateStart: "2025-03-28", partyIds: "EU,KZ", dateInferred: "" });
    const mine = { ...base, text: "My text", dateStart: "2025-03-29" };
    const theirs = { ...base, text: "Their text", periodLabel: "2024" };
    const { merged, differing } = mergeOnConflict(base, mine, theirs);
    expect(merged).toMatchObject({ text: "My text", dateStart: "2025-03-29", periodLabel: "2024" });
    expect(differing).toEqual(
      expect.arrayContaining([
        { field: "text", both: true },
        { field: "dateStart", both: false },
        { field: "periodLabel", both: false },
      ]),
    );
  });
});
