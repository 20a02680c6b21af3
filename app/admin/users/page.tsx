import type { Metadata } from "next";
import { countOwnedBriefings } from "@/db/queries/briefings/count-owned-briefings";
import { getSecondFactorStatus } from "@/db/queries/two-factor/get-second-factor-status";
import { listUsers } from "@/db/queries/users/list-users";
import { requirePageActor } from "@/app/_request/session";
import { listHref, listQuerySchema } from "@/lib/validation/list-query";
import { ListFilter } from "../components/list-filter";
import { Pager } from "../components/pager";
import { NewUserForm } from "./new-user-form";
import { UserRow } from "./user-row";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor("/admin/users", { admin: true });
  const { q, page } = listQuerySchema.parse(await searchParams);
  const result = await listUsers({ actor, q, page });
  // Disabled accounts' briefings, to offer their hand-over (a count only: their content stays private).
  const owned = new Map<string, number>();
  for (const u of result.rows)
    if (u.disabledAt !== null) owned.set(u.id, await countOwnedBriefings({ actor, userId: u.id }));
  // Resetting another admin's second factor asks for the actor's own code when they have one.
  const actorHasSecondFactor = (await getSecondFactorStatus({ actor })).state === "on";
  return (
    <div className="space-y-8">
      <div>
        <h1 className="page-title">Users</h1>
        <p className="mt-1 text-sm text-slate-600">
          Staff compose and download their own briefings and those shared with them; clearers also clear briefings
          submitted to them; administrators also edit the fact base and users. A user&rsquo;s clearance level is the
          highest marking they may see: facts marked above it are hidden from them everywhere, from their next page on;
          you give at most your own level. Changing a role, disabling an account, setting a password or resetting
          two-step verification signs that user out everywhere. A disabled user&rsquo;s briefings stay reachable by
          those they are shared with until you hand them over to a colleague.
        </p>
      </div>
      <ListFilter path="/admin/users" q={q} label="Filter by email or name" noun={["user", "users"]} shown={result} />
      <section aria-labelledby="users-heading" className="card overflow-x-auto">
        <h2 id="users-heading" className="sr-only">
          {q ? "Matching users" : "All users"}
        </h2>
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-3">
                User
              </th>
              <th scope="col" className="px-4 py-3">
                Roles
              </th>
              <th scope="col" className="px-4 py-3">
                Clearance level
              </th>
              <th scope="col" className="px-4 py-3">
                Status
              </th>
              <th scope="col" className="px-4 py-3">
                New password
              </th>
              <th scope="col" className="px-4 py-3">
                Two-step verification
              </th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((u) => (
              <UserRow
                key={u.id}
                user={{
                  id: u.id,
                  email: u.email,
                  name: u.name,
                  role: u.role,
                  clearer: u.clearer,
                  clearanceLevel: u.clearanceLevel,
                  disabled: u.disabledAt !== null,
                  demo: u.demoPassword,
                  secondFactor: u.secondFactor,
                }}
                self={u.id === actor.userId}
                ownedBriefings={owned.get(u.id) ?? 0}
                askActorCode={actorHasSecondFactor && u.role === "admin" && u.id !== actor.userId}
              />
            ))}
          </tbody>
        </table>
      </section>
      {result.pageCount > 1 ? (
        <Pager page={result.page} pageCount={result.pageCount} href={(p) => listHref("/admin/users", { q, page: p })} />
      ) : null}
      <section aria-labelledby="new-user-heading" className="card p-6">
        <h2 id="new-user-heading" className="text-lg font-semibold text-ink">
          Add a user
        </h2>
        <NewUserForm />
      </section>
    </div>
  );
}
