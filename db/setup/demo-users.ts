import { anyUsersExist, createUser } from "../queries/users";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { authSettings } from "@/lib/auth/config";

/** Published in README.md; the sign-in page warns while either still has its password. */
export const DEMO_ACCOUNTS = [
  { email: "admin@chancery.example", name: "Demo Administrator", role: "admin", password: "chancery-admin-demo" },
  { email: "staff@chancery.example", name: "Demo Desk Officer", role: "staff", password: "chancery-staff-demo" },
] as const;

/** On a database with no users, creates the demo accounts (unless CHANCERY_DEMO_USERS=0). */
export async function ensureDemoUsers(): Promise<typeof DEMO_ACCOUNTS | null> {
  if (!authSettings.demoUsersEnabled() || anyUsersExist()) return null;
  for (const account of DEMO_ACCOUNTS) {
    await createUser({ actor: SYSTEM_ACTOR, input: { ...account }, demo: true });
  }
  return DEMO_ACCOUNTS;
}
