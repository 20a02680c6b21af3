import { exportFactBase } from "@/db/queries/fact-base";
import { secureRoute } from "@/app/_request/guard";

export const dynamic = "force-dynamic";

/** HEAD: the download's headers only — nothing is exported or audited (Next would run GET). */
export const HEAD = secureRoute<Record<string, never>>(
  { admin: true },
  () =>
    new Response(null, {
      headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
    }),
);

/** Downloads the whole fact base as one JSON document (docs/fact-base-format.md). */
export const GET = secureRoute<Record<string, never>>({ admin: true }, async ({ actor }) => {
  const doc = await exportFactBase({ actor });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(`${JSON.stringify(doc, null, 2)}\n`, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="chancery-fact-base-${day}.json"`,
      "cache-control": "no-store",
    },
  });
});
