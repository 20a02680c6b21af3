import { notFound } from "next/navigation";
import { testHooksEnabled } from "@/lib/test-hooks";

export const dynamic = "force-dynamic";

/** Test hook: a page that fails, to show the error page. 404 unless CHANCERY_TEST_HOOKS=1. */
export default function FailingPage() {
  if (!testHooksEnabled()) notFound();
  throw new Error("Induced by the error-page test hook.");
}
