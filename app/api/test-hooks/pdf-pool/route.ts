import { z } from "zod";
import { restartSharedPdfPool, stopSharedPdfPool } from "@/lib/pdf/pool";
import { secureRoute } from "@/app/_request/guard";
import { testHooksEnabled } from "@/lib/test-hooks";

export const dynamic = "force-dynamic";

const hookSchema = z.object({ action: z.enum(["stop", "restart"]) });

/** Test hook: stop the shared PDF pool, or start a fresh one (admins). 404 unless CHANCERY_TEST_HOOKS=1. */
export const POST = secureRoute({ admin: true }, async ({ request }) => {
  if (!testHooksEnabled()) return Response.json({ error: "Not found." }, { status: 404 });
  const parsed = hookSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json({ error: "action must be stop or restart." }, { status: 400 });
  if (parsed.data.action === "stop") await stopSharedPdfPool();
  else await restartSharedPdfPool();
  return Response.json({ ok: true });
});
