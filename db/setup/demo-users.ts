import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { authSettings } from "@/lib/auth/config";
import { getDb, readerOf, type Database } from "../client";
import { createUser } from "../queries/users/create-user";
import { users } from "../schema";

/** Published in README.md; the sign-in page warns while any still has its password. */
export const DEMO_ACCOUNTS = [
  {
    email: "admin@chancery.example",
    name: "Demo Administrator",
    role: "admin",
    clearer: false,
    // Sees the whole fact base, as the curator of it must (an admin marks facts at most at their level).
    clearanceLevel: "SECRET",
    password: "chancery-admin-demo",
  },
  {
    email: "staff@chancery.example",
    name: "Demo Desk Officer",
    role: "staff",
    clearer: false,
    clearanceLevel: "OFFICIAL",
    password: "chancery-staff-demo",
  },
  // Clears briefings submitted to it: with CHANCERY_REQUIRE_CLEARANCE on (the default) the demo
  // needs one to finalise anything.
  {
    email: "clearer@chancery.example",
    name: "Demo Head of Unit",
    role: "staff",
    clearer: true,
    // A head of unit clears what the desk writes, up to OFFICIAL-SENSITIVE.
    clearanceLevel: "OFFICIAL-SENSITIVE",
    password: "chancery-clearer-demo",
  },
] as const;

/** On a database with no users, creates the demo accounts (unless CHANCERY_DEMO_USERS=0). */
export async function ensureDemoUsers({ db = getDb() }: { db?: Database } = {}): Promise<typeof DEMO_ACCOUNTS | null> {
  if (!authSettings.demoUsersEnabled() || (await anyUsersExist(db))) return null;
  for (const account of DEMO_ACCOUNTS) {
    await createUser({ actor: SYSTEM_ACTOR, input: { ...account }, demo: true, db });
  }
  return DEMO_ACCOUNTS;
}

async function anyUsersExist(db: Database): Promise<boolean> {
  const [row] = await readerOf(db).select({ id: users.id }).from(users).limit(1);
  return row !== undefined;
}
