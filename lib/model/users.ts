/** A user's main role: staff compose briefings; administrators also edit the fact base and users. */
export const USER_ROLES = ["staff", "admin"] as const;
export type UserRole = (typeof USER_ROLES)[number];

/**
 * Every role a user can hold, as `npm run user:add -- --role` names them: one of USER_ROLES,
 * and `clearer` (may clear briefings submitted for clearance) beside it.
 */
export const ROLE_NAMES = ["staff", "admin", "clearer"] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

/** The roles a user holds, as a list for display: "Staff", "Administrator", then "Clearer". */
export function roleLabels(user: { role: UserRole; clearer: boolean }): string[] {
  return [user.role === "admin" ? "Administrator" : "Staff", ...(user.clearer ? ["Clearer"] : [])];
}
