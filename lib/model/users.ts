export const USER_ROLES = ["staff", "admin"] as const;
export type UserRole = (typeof USER_ROLES)[number];
