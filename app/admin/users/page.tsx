import type { Metadata } from "next";
import { listUsers } from "@/db/queries/users";
import { requirePageActor } from "@/lib/next/session";
import { NewUserForm } from "./new-user-form";
import { UserRow } from "./user-row";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const actor = await requirePageActor("/admin/users", { admin: true });
  const users = listUsers({ actor });
  return (
    <div className="space-y-8">
      <div>
        <h1 className="page-title">Users</h1>
        <p className="mt-1 text-sm text-slate-600">
          Staff compose and download their own briefings; administrators also edit the fact base and users. Changing a role,
          disabling an account or setting a password signs that user out everywhere.
        </p>
      </div>
      <section aria-labelledby="users-heading" className="card overflow-x-auto">
        <h2 id="users-heading" className="sr-only">All users</h2>
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-3">User</th>
              <th scope="col" className="px-4 py-3">Role</th>
              <th scope="col" className="px-4 py-3">Status</th>
              <th scope="col" className="px-4 py-3">New password</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <UserRow key={u.id} user={{ id: u.id, email: u.email, name: u.name, role: u.role, disabled: u.disabledAt !== null, demo: u.demoPassword }} self={u.id === actor.userId} />
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="new-user-heading" className="card p-6">
        <h2 id="new-user-heading" className="text-lg font-semibold text-ink">Add a user</h2>
        <NewUserForm />
      </section>
    </div>
  );
}
