import { secureRoute } from "@/app/_request/guard";
import { testHooksEnabled } from "@/lib/test-hooks";

export const dynamic = "force-dynamic";

/** Test hook: a route handler that fails, to show how a failure is logged. 404 unless CHANCERY_TEST_HOOKS=1. */
export const GET = secureRoute({}, () => {
  if (!testHooksEnabled()) return Response.json({ error: "Not found." }, { status: 404 });
  throw new Error("Induced by the route-error test hook.");
});
