import { describe, expect, it } from "vitest";
// server.mjs is plain JavaScript (it runs without a TypeScript tool); its helpers are pure.
// @ts-expect-error -- no type declarations for the server entry
import * as server from "../../server.mjs";

const { applyForwarding, assignRequestId, clientAddress, consoleAsJsonLines, trustedProxyHops } = server;

describe("clientAddress", () => {
  it.each([
    // [X-Forwarded-For as received, socket peer, trusted hops, address used]
    [undefined, "203.0.113.7", 0, "203.0.113.7"],
    ["198.51.100.1", "203.0.113.7", 0, "203.0.113.7"], // a client-sent header is ignored without a proxy
    ["1.1.1.1, 2.2.2.2", "::ffff:203.0.113.7", 0, "203.0.113.7"],
    ["198.51.100.1", "10.0.0.2", 1, "198.51.100.1"], // the proxy appended what it saw
    ["6.6.6.6, 198.51.100.1", "10.0.0.2", 1, "198.51.100.1"], // the client's own entry is further left
    ["6.6.6.6, 198.51.100.1, 10.0.0.3", "10.0.0.2", 2, "198.51.100.1"],
    [undefined, "10.0.0.2", 1, "10.0.0.2"], // a proxy that added nothing: the nearest we know
    ["2001:db8::1", "::1", 1, "2001:db8::1"],
  ])("X-Forwarded-For %s from %s with %i hops → %s", (forwardedFor, socketAddress, trustedHops, expected) => {
    expect(clientAddress({ forwardedFor, socketAddress, trustedHops })).toBe(expected);
  });

  it("reads the number of trusted hops, refusing nonsense", () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ CHANCERY_TRUSTED_PROXY_HOPS: "2" })).toBe(2);
    expect(trustedProxyHops({ CHANCERY_TRUSTED_PROXY_HOPS: "-1" })).toBe(0);
    expect(trustedProxyHops({ CHANCERY_TRUSTED_PROXY_HOPS: "lots" })).toBe(0);
  });

  it("overwrites the forwarding headers a client sent when no proxy is trusted", () => {
    const req = {
      headers: {
        "x-forwarded-for": "198.51.100.1",
        "x-real-ip": "198.51.100.2",
        "x-forwarded-host": "evil.example",
        "x-forwarded-proto": "https",
      },
      socket: { remoteAddress: "127.0.0.1" },
    };
    applyForwarding(req, 0);
    expect(req.headers).toEqual({ "x-forwarded-for": "127.0.0.1" });
  });

  it("keeps a trusted proxy's host and protocol", () => {
    const req = {
      headers: {
        "x-forwarded-for": "198.51.100.1",
        "x-forwarded-host": "chancery.example",
        "x-forwarded-proto": "https",
      },
      socket: { remoteAddress: "10.0.0.2" },
    };
    applyForwarding(req, 1);
    expect(req.headers).toEqual({
      "x-forwarded-for": "198.51.100.1",
      "x-forwarded-host": "chancery.example",
      "x-forwarded-proto": "https",
    });
  });
});

describe("assignRequestId", () => {
  const response = () => {
    const headers: Record<string, string> = {};
    return {
      headers,
      setHeader: (name: string, value: string) => {
        headers[name] = value;
      },
    };
  };

  it("gives each request a fresh id, ignoring a client's", () => {
    const req = { headers: { "x-request-id": "chosen-by-the-client" } as Record<string, string> };
    const res = response();
    assignRequestId(req, res, 0);
    expect(req.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers["X-Request-Id"]).toBe(req.headers["x-request-id"]);
  });

  it("keeps a trusted proxy's id when it looks like one", () => {
    const req = { headers: { "x-request-id": "lb-1234abcd" } as Record<string, string> };
    assignRequestId(req, response(), 1);
    expect(req.headers["x-request-id"]).toBe("lb-1234abcd");
    const bad = { headers: { "x-request-id": "x\ny" } as Record<string, string> };
    assignRequestId(bad, response(), 1);
    expect(bad.headers["x-request-id"]).not.toContain("\n");
  });
});

describe("consoleAsJsonLines", () => {
  it("turns Next's plain console lines into JSON lines, errors with their stack", () => {
    const saved = {
      log: console.log,
      error: console.error,
      warn: console.warn,
      info: console.info,
      debug: console.debug,
    };
    const lines: string[] = [];
    try {
      consoleAsJsonLines((line: string) => lines.push(line));
      console.error(" ⨯ Error: Invalid Server Actions request.");
      console.warn("%s failed", "render", new Error("boom"));
    } finally {
      Object.assign(console, saved);
    }
    const parsed = lines.map((line) => JSON.parse(line));
    expect(parsed[0]).toMatchObject({
      level: "error",
      service: "chancery",
      msg: " ⨯ Error: Invalid Server Actions request.",
    });
    expect(parsed[1]).toMatchObject({ level: "warn", err: { type: "Error", message: "boom" } });
    expect(lines.every((line) => line.endsWith("\n") && !line.slice(0, -1).includes("\n"))).toBe(true);
  });
});
