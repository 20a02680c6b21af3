import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportFactBase, importFactBase } from "@/db/queries/fact-base";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { sourceFormSchema } from "@/lib/validation/source";
import { createSeededDb, type TestDb } from "../helpers/db";

/** Addresses neither the source form nor the fact-base import may store. */
const REFUSED = [
  "javascript:alert(1)",
  "JavaScript:alert(document.cookie)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "file:///etc/passwd",
  "ftp://example.org/file",
  "//example.org/no-scheme",
  "example.org",
  "https://",
  "http:// spaced.example",
  "https://example.org/a b",
  "https://example.org/\u0000",
  "https://evil.example/\u202Egro.elpmaxe", // a right-to-left override makes it read as another host
  "https://example.org/\u200Binvisible",
  `https://example.org/${"a".repeat(2000)}`,
];
const ACCEPTED = [
  "https://example.org/press",
  "http://example.org",
  "HTTPS://Example.org/a?b=c#d",
  "https://example.org/статья",
];

const formInput = (url: string) => ({
  publisher: "P",
  publisherNote: "",
  title: "T",
  dateline: "",
  publishedStart: "2024-01-01",
  publishedEnd: "2024-01-01",
  publishedPrecision: "day",
  publishedInferred: "",
  publishedNote: "",
  url,
  fullText: "Some article text.",
});

let seeded: TestDb;
beforeAll(async () => (seeded = await createSeededDb()));
afterAll(() => seeded.close());

/** Imports the seeded fact base with the first source's address replaced; the errors, or [] when it lands. */
async function importWithUrl(url: string): Promise<string[]> {
  const doc = JSON.parse(JSON.stringify(await exportFactBase({ actor: SYSTEM_ACTOR, db: seeded.db })));
  doc.sources[0].url = url;
  const report = await importFactBase({ actor: SYSTEM_ACTOR, document: doc, db: seeded.db });
  return report.ok ? [] : report.errors;
}

describe("a source's web address: one rule for the form and the import", () => {
  it.each(REFUSED)("%j is refused by both", async (url) => {
    const form = sourceFormSchema.safeParse(formInput(url));
    expect(form.success).toBe(false);
    expect(form.error?.issues.some((i) => i.path[0] === "url")).toBe(true);
    const errors = await importWithUrl(url);
    expect(errors.join("\n")).toMatch(
      /^sources\[0\] .*url: Enter a web address starting with http:\/\/ or https:\/\/\./m,
    );
  });

  it.each(ACCEPTED)("%j is accepted by both", async (url) => {
    expect(sourceFormSchema.safeParse(formInput(url)).success).toBe(true);
    expect(await importWithUrl(url)).toEqual([]);
  });
});
