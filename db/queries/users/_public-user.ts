import { users, type User } from "../../schema";

/** What may leave the data layer about a user: never the hash. */
export type PublicUser = Omit<User, "passwordHash">;

/** The columns of a PublicUser, for select() and returning(). */
export const publicColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  clearer: users.clearer,
  clearanceLevel: users.clearanceLevel,
  sessionVersion: users.sessionVersion,
  disabledAt: users.disabledAt,
  demoPassword: users.demoPassword,
  version: users.version,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
  deletedAt: users.deletedAt,
  inboxSeenAt: users.inboxSeenAt,
};

/** A user as the audit log records it: no hash, no password. */
export const auditedUser = (u: PublicUser) => ({
  email: u.email,
  name: u.name,
  role: u.role,
  clearer: u.clearer,
  clearanceLevel: u.clearanceLevel,
  disabled: u.disabledAt !== null,
});
