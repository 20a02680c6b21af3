import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/app/_request/session";

export const metadata: Metadata = { title: "Administration" };
export const dynamic = "force-dynamic";

const SECTIONS = [
  { href: "/admin/facts", title: "Facts", text: "Find, edit and add curated facts; history, restore and trash." },
  {
    href: "/admin/sources",
    title: "Sources",
    text: "Add articles, read them with quoted passages highlighted, make facts from a selection.",
  },
  { href: "/admin/meetings", title: "Meetings", text: "Meetings and events, their dates, places and status." },
  { href: "/admin/people", title: "People", text: "People named in the sources and their spellings." },
  { href: "/admin/parties", title: "Parties", text: "Countries and organisations facts are about." },
  { href: "/admin/topics", title: "Topics", text: "The subjects briefings are organised by." },
  {
    href: "/admin/import",
    title: "Import and export",
    text: "Download the whole fact base as JSON, or merge a file in.",
  },
  { href: "/admin/trash", title: "Trash", text: "Bring back deleted sources, meetings, people, parties and topics." },
  {
    href: "/admin/audit",
    title: "Audit log",
    text: "Who changed what, when and from where; sign-ins and briefing events.",
  },
  { href: "/admin/users", title: "Users", text: "Create accounts, change roles, disable, set passwords." },
];

export default async function AdminHome() {
  await requirePageActor("/admin", { admin: true });
  return (
    <div className="space-y-6">
      <h1 className="page-title">Administration</h1>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {SECTIONS.map((s) => (
          <li key={s.href} className="card p-4">
            <Link href={s.href} className="font-medium text-accent hover:underline">
              {s.title}
            </Link>
            <p className="mt-1 text-sm text-slate-600">{s.text}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
