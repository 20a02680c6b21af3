import { describe, expect, it } from "vitest";
import {
  allowedOperations,
  BRIEFING_OPERATIONS,
  BRIEFING_RELATIONSHIPS,
  BRIEFING_STATES,
  briefingPermission,
  briefingPermissionForAny,
  briefingState,
  type BriefingOperation,
  type BriefingRelationship,
  type BriefingState,
} from "@/lib/briefing/permissions";

/*
 * The whole rule of lib/briefing/permissions.ts as a table, written out by hand: every
 * relationship × operation, each with the answer in the three states, for staff and then for an
 * administrator. "ok" is allowed; a number is the refusal's status. The test walks
 * BRIEFING_OPERATIONS × BRIEFING_RELATIONSHIPS, so an operation added to the registry without its
 * five rows here fails, as does a row for an operation that is not in it.
 */
// prettier-ignore
const TABLE = `
  operation           relationship   staff: draft awaiting final   admin: draft awaiting final
  view                owner                 ok    ok       ok             ok    ok       ok
  view                editor                ok    ok       ok             ok    ok       ok
  view                viewer                ok    ok       ok             ok    ok       ok
  view                clearer               ok    ok       ok             ok    ok       ok
  view                none                  404   404      404            404   404      404
  download            owner                 ok    ok       ok             ok    ok       ok
  download            editor                ok    ok       ok             ok    ok       ok
  download            viewer                ok    ok       ok             ok    ok       ok
  download            clearer               ok    ok       ok             ok    ok       ok
  download            none                  404   404      404            404   404      404
  downloadCounterpart owner                 ok    ok       ok             ok    ok       ok
  downloadCounterpart editor                ok    ok       ok             ok    ok       ok
  downloadCounterpart viewer                ok    ok       ok             ok    ok       ok
  downloadCounterpart clearer               ok    ok       ok             ok    ok       ok
  downloadCounterpart none                  404   404      404            404   404      404
  comment             owner                 ok    ok       400            ok    ok       400
  comment             editor                ok    ok       400            ok    ok       400
  comment             viewer                ok    ok       400            ok    ok       400
  comment             clearer               ok    ok       400            ok    ok       400
  comment             none                  404   404      404            404   404      404
  resolveComment      owner                 ok    ok       400            ok    ok       400
  resolveComment      editor                ok    ok       400            ok    ok       400
  resolveComment      viewer                403   403      403            403   403      403
  resolveComment      clearer               403   403      403            403   403      403
  resolveComment      none                  404   404      404            404   404      404
  edit                owner                 ok    400      400            ok    400      400
  edit                editor                ok    400      400            ok    400      400
  edit                viewer                403   403      403            403   403      403
  edit                clearer               403   403      403            403   403      403
  edit                none                  404   404      404            404   404      404
  share               owner                 ok    ok       ok             ok    ok       ok
  share               editor                403   403      403            403   403      403
  share               viewer                403   403      403            403   403      403
  share               clearer               403   403      403            403   403      403
  share               none                  404   404      404            404   404      404
  delete              owner                 ok    400      ok             ok    400      ok
  delete              editor                403   403      403            403   403      403
  delete              viewer                403   403      403            403   403      403
  delete              clearer               403   403      403            403   403      403
  delete              none                  404   404      404            404   404      404
  restore             owner                 ok    ok       ok             ok    ok       ok
  restore             editor                403   403      403            403   403      403
  restore             viewer                403   403      403            403   403      403
  restore             clearer               403   403      403            403   403      403
  restore             none                  404   404      404            404   404      404
  duplicate           owner                 ok    ok       ok             ok    ok       ok
  duplicate           editor                403   403      403            403   403      403
  duplicate           viewer                403   403      403            403   403      403
  duplicate           clearer               403   403      403            403   403      403
  duplicate           none                  404   404      404            404   404      404
  submitForClearance  owner                 ok    400      400            ok    400      400
  submitForClearance  editor                403   403      403            403   403      403
  submitForClearance  viewer                403   403      403            403   403      403
  submitForClearance  clearer               403   403      403            403   403      403
  submitForClearance  none                  404   404      404            404   404      404
  withdrawClearance   owner                 400   ok       400            400   ok       400
  withdrawClearance   editor                403   403      403            403   403      403
  withdrawClearance   viewer                403   403      403            403   403      403
  withdrawClearance   clearer               403   403      403            403   403      403
  withdrawClearance   none                  404   404      404            404   404      404
  approve             owner                 403   403      403            403   403      403
  approve             editor                403   403      403            403   403      403
  approve             viewer                403   403      403            403   403      403
  approve             clearer               400   ok       400            400   ok       400
  approve             none                  404   404      404            404   404      404
  return              owner                 403   403      403            403   403      403
  return              editor                403   403      403            403   403      403
  return              viewer                403   403      403            403   403      403
  return              clearer               400   ok       400            400   ok       400
  return              none                  404   404      404            404   404      404
  finalise            owner                 ok    400      400            ok    400      400
  finalise            editor                403   403      403            403   403      403
  finalise            viewer                403   403      403            403   403      403
  finalise            clearer               403   403      403            403   403      403
  finalise            none                  404   404      404            404   404      404
  startNewRevision    owner                 400   400      ok             400   400      ok
  startNewRevision    editor                403   403      403            403   403      403
  startNewRevision    viewer                403   403      403            403   403      403
  startNewRevision    clearer               403   403      403            403   403      403
  startNewRevision    none                  404   404      404            404   404      404
  handOver            owner                 403   403      403            ok    ok       ok
  handOver            editor                403   403      403            ok    ok       ok
  handOver            viewer                403   403      403            ok    ok       ok
  handOver            clearer               403   403      403            ok    ok       ok
  handOver            none                  404   404      404            ok    ok       ok
`;

type Answer = "ok" | 400 | 403 | 404;

function parseTable(text: string): Map<string, Answer[]> {
  const rows = new Map<string, Answer[]>();
  const lines = text
    .trim()
    .split("\n")
    .map((l) => l.trim().split(/\s+/));
  for (const [operation, relationship, ...cells] of lines.slice(1)) {
    const key = `${operation} ${relationship}`;
    expect(rows.has(key), `row ${key} appears once`).toBe(false);
    expect(cells, `row ${key} has six answers`).toHaveLength(6);
    rows.set(
      key,
      cells.map((c) => (c === "ok" ? "ok" : (Number(c) as Answer))),
    );
  }
  return rows;
}

const EXPECTED = parseTable(TABLE);

describe("the briefing permission rule", () => {
  it("has exactly one row per registered operation and relationship, and no other", () => {
    const wanted = BRIEFING_OPERATIONS.flatMap((o) => BRIEFING_RELATIONSHIPS.map((r) => `${o} ${r}`));
    for (const key of wanted) expect(EXPECTED.has(key), `a row for ${key}`).toBe(true);
    expect([...EXPECTED.keys()].sort()).toEqual([...wanted].sort());
  });

  for (const operation of BRIEFING_OPERATIONS) {
    it(`answers ${operation} as the table says, for every relationship, state and isAdmin`, () => {
      for (const relationship of BRIEFING_RELATIONSHIPS) {
        const row = EXPECTED.get(`${operation} ${relationship}`);
        expect(row, `the table's row for ${operation} ${relationship}`).toBeDefined();
        for (const [a, isAdmin] of [false, true].entries())
          for (const [s, state] of BRIEFING_STATES.entries()) {
            const answer = briefingPermission({ relationship, operation, state, isAdmin });
            const got: Answer = answer.allowed ? "ok" : answer.status;
            expect({ operation, relationship, state, isAdmin, got }).toEqual({
              operation,
              relationship,
              state,
              isAdmin,
              got: row![a * 3 + s],
            });
            if (!answer.allowed) expect(answer.reason.length).toBeGreaterThan(10);
          }
      }
    });
  }

  it("tells strangers only that there is no such briefing, and why the others are refused", () => {
    const refusal = (
      relationship: BriefingRelationship,
      operation: BriefingOperation,
      state: BriefingState = "draft",
    ) => {
      const a = briefingPermission({ relationship, operation, state, isAdmin: false });
      return a.allowed ? null : a.reason;
    };
    expect(refusal("none", "view")).toBe("No such briefing.");
    expect(refusal("owner", "approve")).toBe("No one clears their own briefing.");
    expect(refusal("viewer", "edit")).toBe("You can view this briefing but not edit it.");
    expect(refusal("editor", "share")).toBe("Only the briefing's owner can do that.");
    expect(refusal("owner", "finalise", "final")).toBe("This briefing is already final.");
    expect(
      briefingPermission({ relationship: "editor", operation: "edit", state: "awaiting-clearance", isAdmin: false }),
    ).toMatchObject({ status: 400, reason: expect.stringContaining("awaiting clearance") });
  });

  it("allows what any of several relationships allows, else the most telling refusal", () => {
    const any = (relationships: BriefingRelationship[], operation: BriefingOperation, state: BriefingState = "draft") =>
      briefingPermissionForAny({ relationships, operation, state, isAdmin: false });
    expect(any(["editor", "clearer"], "approve", "awaiting-clearance")).toEqual({ allowed: true });
    expect(any(["editor", "clearer"], "edit")).toEqual({ allowed: true });
    expect(any(["editor", "clearer"], "approve")).toMatchObject({ status: 400 }); // not 403: not awaiting yet
    expect(any(["viewer", "clearer"], "share")).toMatchObject({ status: 403 });
    expect(any([], "view")).toMatchObject({ status: 404 });
    const ops = allowedOperations({ relationships: ["viewer"], state: "draft", isAdmin: true });
    expect(Object.keys(ops).sort()).toEqual([...BRIEFING_OPERATIONS].sort());
    expect(Object.entries(ops).flatMap(([o, ok]) => (ok ? [o] : []))).toEqual([
      "view",
      "download",
      "downloadCounterpart",
      "comment",
      "handOver",
    ]);
  });

  it("derives the state from the status and a pending clearance request", () => {
    expect(briefingState("draft", false)).toBe("draft");
    expect(briefingState("draft", true)).toBe("awaiting-clearance");
    expect(briefingState("final", false)).toBe("final");
  });
});
