import { describe, expect, it } from "vitest";
import { safeCallbackPath, signInPath, signInQuerySchema } from "@/lib/auth/callback-url";

/** Inputs that must never leave the site (nor land on the sign-in page again): each gives the home page. */
const OFF_SITE = [
  // The finding: dot segments collapse into "//" only once parsed.
  "/.//evil.example",
  "/..//evil.example",
  "/a/..//evil.example",
  "/%2e//evil.example",
  "/%2E%2E//evil.example",
  "/a/%2e%2e//evil.example",
  "/././/evil.example",
  "/a/b/../..//evil.example",
  // Protocol-relative and backslashes, raw and encoded.
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/%5cevil.example",
  "/%5Cevil.example",
  "/%2f%2fevil.example",
  "/%2F/evil.example",
  "/%252f%252fevil.example",
  "/%255cevil.example",
  "/a/%5c..%5c..%5cevil",
  // Tabs, newlines and other controls, which the parser drops silently.
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/%09/evil.example",
  "/%0a/evil.example",
  "/%0d%0aSet-Cookie:x=1",
  "/a\u0000b",
  "/%00",
  "/x\u007f",
  // Absolute URLs and schemes.
  "https://evil.example",
  "http://x",
  "https:evil.example",
  "https:",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  " /leading-space",
  "evil.example",
  "./relative",
  "",
  // The sign-in page itself (a loop).
  "/sign-in",
  "/sign-in?callbackUrl=/x",
  "/Sign-In",
  "/sign%2din",
  "/sign-in/",
];

describe("safeCallbackPath", () => {
  it.each(OFF_SITE)("%j lands on the home page", (raw) => {
    expect(safeCallbackPath(raw)).toBe("/");
  });

  it.each([
    ["/", "/"],
    ["/admin/users?x=1#top", "/admin/users?x=1#top"],
    ["/briefings/abc-123", "/briefings/abc-123"],
    ["/briefings/new?country=KZ&topics=trade,security", "/briefings/new?country=KZ&topics=trade,security"],
    ["/admin/facts?q=caf%C3%A9", "/admin/facts?q=caf%C3%A9"],
    ["/a/./b/../c", "/a/c"],
    ["/admin/sources/x%2Fy", "/admin/sources/x%2Fy"],
    ["/sign-out-notes", "/sign-out-notes"],
  ])("%j is kept as %j", (raw, expected) => {
    expect(safeCallbackPath(raw)).toBe(expected);
  });

  it("refuses a path too long to be a real one", () => {
    expect(safeCallbackPath(`/${"a".repeat(2001)}`)).toBe("/");
  });

  it.each([undefined, null, 42, ["/a"], {}])("%j is not a path: home", (raw) => {
    expect(safeCallbackPath(raw)).toBe("/");
  });

  it("never returns anything but a same-origin path not starting with // or /\\", () => {
    for (const raw of OFF_SITE) {
      const path = safeCallbackPath(raw);
      expect(new URL(path, "https://chancery.example").origin).toBe("https://chancery.example");
      expect(path).not.toMatch(/^\/[/\\]/);
    }
  });
});

describe("signInQuerySchema", () => {
  it("takes the first of a repeated callbackUrl", () => {
    expect(signInQuerySchema.parse({ callbackUrl: ["/a", "/b"] })).toEqual({ callbackUrl: "/a" });
  });

  it("makes an unsafe or missing callbackUrl the home page", () => {
    expect(signInQuerySchema.parse({ callbackUrl: ["/.//evil.example", "/b"] })).toEqual({ callbackUrl: "/" });
    expect(signInQuerySchema.parse({})).toEqual({ callbackUrl: "/" });
    expect(signInQuerySchema.parse({ callbackUrl: "" })).toEqual({ callbackUrl: "/" });
  });
});

describe("signInPath", () => {
  it("comes back to a safe path and never to an unsafe one", () => {
    expect(signInPath("/briefings?x=1")).toBe("/sign-in?callbackUrl=%2Fbriefings%3Fx%3D1");
    expect(signInPath("/.//evil.example")).toBe("/sign-in?callbackUrl=%2F");
  });
});
