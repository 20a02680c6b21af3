import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { openDatabase, withWriteTransaction, type Database, type Tx } from "@/db/client";
import { approveClearance } from "@/db/queries/clearance/approve-clearance";
import { submitForClearance } from "@/db/queries/clearance/submit-for-clearance";
import { createUser } from "@/db/queries/users/create-user";
import { SYSTEM_ACTOR, type Actor } from "@/lib/auth/actor";
import type { ClearanceLevel } from "@/lib/model/handling";
import { e2eDatabase } from "../helpers/e2e-database";

/** The database the e2e server was started on (see playwright.config.ts): a file or a PostgreSQL URL. */
export const E2E_DATABASE = e2eDatabase();

let db: Database | undefined;
/** A connection of the test's own to the server's database, for fixtures and checks. */
export function e2eDb(): Database {
  db ??= openDatabase(E2E_DATABASE);
  return db;
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  name: string;
  role: "admin" | "staff";
  clearer: boolean;
  clearanceLevel: ClearanceLevel;
}

/**
 * A fresh user of the given role (and the clearer role and a clearance level when asked; OFFICIAL
 * by default) that no other test touches.
 */
export async function makeUser(
  role: "admin" | "staff",
  opts: { clearer?: boolean; clearanceLevel?: ClearanceLevel } = {},
): Promise<TestUser> {
  const tag = randomUUID().slice(0, 8);
  const input = {
    email: `${role}-${tag}@e2e.example`,
    name: `E2E ${role} ${tag}`,
    role,
    clearer: opts.clearer ?? false,
    password: `pw-${tag}-long-enough`,
  };
  const user = await createUser({
    actor: SYSTEM_ACTOR,
    input: { ...input, clearanceLevel: opts.clearanceLevel },
    db: e2eDb(),
  });
  return { id: user.id, ...input, clearanceLevel: user.clearanceLevel };
}

/** The data layer's actor for a test user (fixtures written through the data layer, as that user). */
export const actorOf = (
  user: Pick<TestUser, "id" | "email" | "name" | "role" | "clearer" | "clearanceLevel">,
): Actor => ({
  userId: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  clearer: user.clearer,
  clearanceLevel: user.clearanceLevel,
  ip: null,
});

/**
 * Clears a draft through the data layer: submitted by its owner to a fresh clearer, who approves
 * it. The server requires clearance before finalising (CHANCERY_REQUIRE_CLEARANCE is on by
 * default), so tests that finalise clear first. Returns the clearer.
 */
export async function clearDraft(
  owner: Pick<TestUser, "id" | "email" | "name" | "role" | "clearer" | "clearanceLevel">,
  briefingId: string,
) {
  const clearer = await makeUser("staff", { clearer: true });
  await submitForClearance({ actor: actorOf(owner), briefingId, clearerIds: [clearer.id], db: e2eDb() });
  await approveClearance({ actor: actorOf(clearer), briefingId, db: e2eDb() });
  return clearer;
}

export async function signIn(page: Page, user: Pick<TestUser, "email" | "password">, callbackUrl?: string) {
  await page.goto(callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
}

/** A unique client address, so address-based throttling in one test never leaks into another. */
export function uniqueAddress(): string {
  const n = () => Math.floor(Math.random() * 250) + 1;
  return `198.51.${n()}.${n()}`;
}
export { read } from "../helpers/db";

/** A write of the test's own to the server's database (the server sees it once committed). */
export function e2eWrite<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return withWriteTransaction(e2eDb(), fn);
}
