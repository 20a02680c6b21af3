import { randomUUID } from "node:crypto";
import { and, asc, count, eq, isNull, ne, sql } from "drizzle-orm";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { LIST_PAGE_SIZE } from "@/lib/validation/list-query";
import { newUserSchema, type NewUserInput } from "@/lib/validation/user";
import { getDb, writeTransaction, type DB } from "../client";
import { users, type User } from "../schema";
import type { UserRole } from "@/lib/model/users";
import { recordAudit } from "./audit";
import { containsText, pageWindow, type ListPage } from "./list-page";

/** What may leave the data layer about a user: never the hash. */
export type PublicUser = Omit<User, "passwordHash">;
const publicColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  sessionVersion: users.sessionVersion,
  disabledAt: users.disabledAt,
  demoPassword: users.demoPassword,
  version: users.version,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
  deletedAt: users.deletedAt,
};
const audited = (u: PublicUser) => ({ email: u.email, name: u.name, role: u.role, disabled: u.disabledAt !== null });

/** For sign-in only: the account behind an email, with its hash. */
export function findUserForSignIn({ email, db = getDb() }: { email: string; db?: DB }): User | undefined {
  return db
    .select()
    .from(users)
    .where(and(eq(users.email, email.trim().toLowerCase()), isNull(users.deletedAt)))
    .get();
}

/**
 * The user a session token names, if the token is still good: the account exists, is not
 * disabled, and the token's session version is the current one (sign-out, disable, role or
 * password change bump it, so every older token stops working at once).
 */
export function findSessionUser({
  userId,
  sessionVersion,
  db = getDb(),
}: {
  userId: string;
  sessionVersion: number;
  db?: DB;
}): PublicUser | undefined {
  const user = db
    .select(publicColumns)
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)))
    .get();
  if (!user || user.disabledAt || user.sessionVersion !== sessionVersion) return undefined;
  return user;
}

/** One page of the users, by email, filtered by a piece of the email or name. */
export function listUsers({
  actor,
  q,
  page = 1,
  pageSize = LIST_PAGE_SIZE,
  db = getDb(),
}: {
  actor: Actor;
  q?: string;
  page?: number;
  pageSize?: number;
  db?: DB;
}): ListPage<PublicUser> {
  assertAdmin(actor);
  const where = and(isNull(users.deletedAt), containsText(q, [users.email, users.name]));
  const total = db.select({ n: count() }).from(users).where(where).get()?.n ?? 0;
  const { offset, ...window } = pageWindow(total, page, pageSize);
  const rows = db
    .select(publicColumns)
    .from(users)
    .where(where)
    .orderBy(asc(users.email))
    .limit(pageSize)
    .offset(offset)
    .all();
  return { rows, total, ...window };
}

export function anyUsersExist({ db = getDb() }: { db?: DB } = {}): boolean {
  return db.select({ id: users.id }).from(users).limit(1).get() !== undefined;
}

export function demoAccountsActive({ db = getDb() }: { db?: DB } = {}): boolean {
  return (
    db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.demoPassword, true), isNull(users.disabledAt)))
      .limit(1)
      .get() !== undefined
  );
}

export async function createUser({
  actor,
  input,
  demo = false,
  db = getDb(),
}: {
  actor: Actor;
  input: NewUserInput;
  demo?: boolean;
  db?: DB;
}): Promise<PublicUser> {
  assertAdmin(actor);
  const data = newUserSchema.parse(input);
  const passwordHash = await hashPassword(data.password);
  return writeTransaction(db, (tx) => {
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, data.email)).get()) {
      throw new ValidationError("A user with this email already exists.", {
        email: ["A user with this email already exists."],
      });
    }
    const row = tx
      .insert(users)
      .values({
        id: randomUUID(),
        email: data.email,
        name: data.name,
        role: data.role,
        passwordHash,
        demoPassword: demo,
      })
      .returning(publicColumns)
      .get();
    recordAudit(tx, { actor, action: "user.created", entity: "user", entityId: row.id, after: audited(row) });
    return row;
  });
}

function loadForChange(tx: DB, userId: string): PublicUser {
  const user = tx
    .select(publicColumns)
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)))
    .get();
  if (!user) throw new NotFoundError("No such user.");
  return user;
}

/** Refuses a change that would leave no active admin to run the system. */
function assertAnotherActiveAdmin(tx: DB, userId: string): void {
  const other = tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.disabledAt), isNull(users.deletedAt), ne(users.id, userId)))
    .limit(1)
    .get();
  if (!other)
    throw new ValidationError("This is the last active administrator; make another user an administrator first.");
}

type Change = { role?: UserRole; disabledAt?: string | null; passwordHash?: string; demoPassword?: boolean };

function applyChange(tx: DB, actor: Actor, before: PublicUser, change: Change, action: string): PublicUser {
  const after = tx
    .update(users)
    .set({
      ...change,
      sessionVersion: sql`${users.sessionVersion} + 1`,
      version: sql`${users.version} + 1`,
      updatedAt: new Date().toISOString(),
    })
    .where(eq(users.id, before.id))
    .returning(publicColumns)
    .get();
  recordAudit(tx, {
    actor,
    action,
    entity: "user",
    entityId: before.id,
    before: audited(before),
    after: audited(after),
  });
  return after;
}

export function changeUserRole({
  actor,
  userId,
  role,
  db = getDb(),
}: {
  actor: Actor;
  userId: string;
  role: UserRole;
  db?: DB;
}): PublicUser {
  assertAdmin(actor);
  return writeTransaction(db, (tx) => {
    const before = loadForChange(tx, userId);
    if (before.role === role) return before;
    if (before.role === "admin") assertAnotherActiveAdmin(tx, userId);
    return applyChange(tx, actor, before, { role }, "user.role_changed");
  });
}

export function setUserDisabled({
  actor,
  userId,
  disabled,
  db = getDb(),
}: {
  actor: Actor;
  userId: string;
  disabled: boolean;
  db?: DB;
}): PublicUser {
  assertAdmin(actor);
  return writeTransaction(db, (tx) => {
    const before = loadForChange(tx, userId);
    if ((before.disabledAt !== null) === disabled) return before;
    if (disabled && before.role === "admin") assertAnotherActiveAdmin(tx, userId);
    return applyChange(
      tx,
      actor,
      before,
      { disabledAt: disabled ? new Date().toISOString() : null },
      disabled ? "user.disabled" : "user.enabled",
    );
  });
}

export async function setUserPassword({
  actor,
  userId,
  password,
  db = getDb(),
}: {
  actor: Actor;
  userId: string;
  password: string;
  db?: DB;
}): Promise<PublicUser> {
  if (actor.userId !== userId) assertAdmin(actor);
  const passwordHash = await hashPassword(newUserSchema.shape.password.parse(password));
  return writeTransaction(db, (tx) =>
    applyChange(tx, actor, loadForChange(tx, userId), { passwordHash, demoPassword: false }, "user.password_changed"),
  );
}

/** Sign-out: every token issued so far for this user stops working. */
export function endAllSessions({ userId, db = getDb() }: { userId: string; db?: DB }): void {
  db.update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .run();
}

/** The actor signs out everywhere: every copy of their session cookie stops working; audited. */
export function signOutEverywhere({ actor, db = getDb() }: { actor: Actor; db?: DB }): void {
  writeTransaction(db, (tx) => {
    endAllSessions({ userId: actor.userId, db: tx });
    recordAudit(tx, { actor, action: "auth.signed_out", entity: "session", entityId: actor.userId });
  });
}

export function findUserIdByEmail({ actor, email, db = getDb() }: { actor: Actor; email: string; db?: DB }): string {
  assertAdmin(actor);
  const user = findUserForSignIn({ email, db });
  if (!user) throw new NotFoundError(`No user with email ${email}.`);
  return user.id;
}
