import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ACTION_BODY_LIMIT_BYTES, formatMegabytes, IMPORT_MAX_BYTES, utf8Length } from "@/lib/validation/body-size";
import { BRIEFING_PAYLOAD_MAX_CHARS } from "@/lib/validation/briefing";
import { importFactBaseSchema } from "@/lib/validation/fact-base-import";

/** "21mb" in bytes, as Next reads it (MB of 1,048,576 bytes). */
const megabytes = z
  .string()
  .regex(/^\d+mb$/)
  .transform((v) => Number.parseInt(v, 10) * 1024 * 1024);
const nextConfigSchema = z.object({
  experimental: z.object({ serverActions: z.object({ bodySizeLimit: megabytes }), proxyClientMaxBodySize: megabytes }),
});

/** Room for a form's other fields and the multipart framing around the largest one. */
const ENVELOPE = 64 * 1024;

describe("request size limits agree", () => {
  it("next.config.mjs lets an action and the proxy take ACTION_BODY_LIMIT_BYTES", async () => {
    const { experimental } = nextConfigSchema.parse((await import(path.resolve("next.config.mjs"))).default);
    expect(experimental.serverActions.bodySizeLimit).toBe(ACTION_BODY_LIMIT_BYTES);
    expect(experimental.proxyClientMaxBodySize).toBe(ACTION_BODY_LIMIT_BYTES);
  });

  it("the limit holds the largest body any schema accepts", () => {
    expect(IMPORT_MAX_BYTES + ENVELOPE).toBeLessThanOrEqual(ACTION_BODY_LIMIT_BYTES);
    // A UTF-16 unit is at most 3 bytes of UTF-8 (a pair of them 4).
    expect(BRIEFING_PAYLOAD_MAX_CHARS * 3 + ENVELOPE).toBeLessThanOrEqual(ACTION_BODY_LIMIT_BYTES);
  });
});

describe("the import's size rule counts bytes, as the file's size does", () => {
  it("accepts a file of exactly the limit and refuses one byte more, saying so", () => {
    expect(importFactBaseSchema.safeParse({ document: "x".repeat(IMPORT_MAX_BYTES) }).success).toBe(true);
    const over = importFactBaseSchema.safeParse({ document: "x".repeat(IMPORT_MAX_BYTES + 1) });
    expect(over.error?.issues.map((i) => i.message)).toEqual([
      "The file is too large (20.0 MB): at most 20 MB can be imported.",
    ]);
  });

  it("refuses a file under the limit in characters but over it in bytes", () => {
    const cyrillic = "ж".repeat(IMPORT_MAX_BYTES / 2 + 1); // 2 bytes each
    expect(importFactBaseSchema.safeParse({ document: cyrillic }).success).toBe(false);
  });

  it("utf8Length is what Buffer.byteLength counts", () => {
    for (const text of ["", "plain", "café", "жёлтый", "日本語", "emoji 🇰🇿 👍", "lone \ud800 half"]) {
      expect(utf8Length(text), text).toBe(Buffer.byteLength(text, "utf8"));
    }
  });

  it("formats sizes as people read them", () => {
    expect(formatMegabytes(IMPORT_MAX_BYTES)).toBe("20 MB");
    expect(formatMegabytes(1.5 * 1024 * 1024)).toBe("1.5 MB");
    expect(formatMegabytes(64 * 1024)).toBe("64 KB");
  });
});

describe("the body limit by sender and page", () => {
  it("is small without a session, the import's on the import page, a briefing's elsewhere", async () => {
    const { bodyLimitFor, ANONYMOUS_BODY_LIMIT_BYTES, FORM_BODY_LIMIT_BYTES } =
      await import("@/lib/validation/body-size");
    expect(bodyLimitFor({ pathname: "/admin/import", signedIn: false })).toBe(ANONYMOUS_BODY_LIMIT_BYTES);
    expect(bodyLimitFor({ pathname: "/admin/import", signedIn: true })).toBe(ACTION_BODY_LIMIT_BYTES);
    expect(bodyLimitFor({ pathname: "/briefings/abc/compose", signedIn: true })).toBe(FORM_BODY_LIMIT_BYTES);
    expect(BRIEFING_PAYLOAD_MAX_CHARS * 3 + ENVELOPE).toBeLessThanOrEqual(FORM_BODY_LIMIT_BYTES);
  });
});
