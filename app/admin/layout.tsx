import type { ReactNode } from "react";
import { currentActor } from "@/app/_request/session";
import { AdminNav } from "./admin-nav";

/**
 * The section nav for administrators. Access is decided by each page (requirePageActor),
 * so this layout only chooses whether to show the nav and never redirects or refuses.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
  return (
    <>
      {actor?.role === "admin" && <AdminNav />}
      {children}
    </>
  );
}
