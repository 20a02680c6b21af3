"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  ["/admin/facts", "Facts"],
  ["/admin/sources", "Sources"],
  ["/admin/meetings", "Meetings"],
  ["/admin/people", "People"],
  ["/admin/parties", "Parties"],
  ["/admin/topics", "Topics"],
  ["/admin/import", "Import/export"],
  ["/admin/trash", "Trash"],
  ["/admin/users", "Users"],
  ["/admin/sign-in-limits", "Sign-in limits"],
  ["/admin/audit", "Audit log"],
] as const;

/** The administration sections, the current one marked for sight and for screen readers. */
export function AdminNav() {
  const path = usePathname();
  return (
    <nav aria-label="Administration" className="-mt-2 mb-6 overflow-x-auto border-b border-slate-200">
      <ul className="flex gap-1 text-sm whitespace-nowrap">
        {LINKS.map(([href, label]) => {
          const current = path === href || path.startsWith(`${href}/`);
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={`inline-block border-b-2 px-3 py-2 ${current ? "border-accent font-medium text-accent" : "border-transparent text-slate-700 hover:text-ink"}`}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
