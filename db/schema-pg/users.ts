import { sql } from "drizzle-orm";
import { boolean, check, integer, pgTable, text } from "drizzle-orm/pg-core";
import { CLEARANCE_LEVELS } from "@/lib/model/handling";
import { USER_ROLES } from "@/lib/model/users";
import { cleanTextCheck, curatedColumns } from "./columns";

export const users = pgTable(
  "users",
  {
    id: text("id").primaryKey(),
    /** Stored lower-cased, so sign-in is case-insensitive. */
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    role: text("role", { enum: USER_ROLES }).notNull().default("staff"),
    /** Holds the clearer role beside `role`: may approve or return briefings submitted to them. */
    clearer: boolean("clearer").notNull().default(false),
    /** The highest marking this user may see (lib/model/handling.ts); set by admins, audited. */
    clearanceLevel: text("clearance_level", { enum: CLEARANCE_LEVELS }).notNull().default("OFFICIAL"),
    passwordHash: text("password_hash").notNull(),
    /** Bumped on sign-out, disable, role (clearer included) or password change: older session tokens stop working. */
    sessionVersion: integer("session_version").notNull().default(1),
    disabledAt: text("disabled_at"),
    /** Set for the demo accounts while they keep their published password. */
    demoPassword: boolean("demo_password").notNull().default(false),
    /** When the user last looked at their inbox: comments and shares after it count as new. */
    inboxSeenAt: text("inbox_seen_at"),
    ...curatedColumns(),
  },
  (t) => [
    check("users_name_clean", cleanTextCheck(t.name)),
    check("users_clearance_level_known", sql`${t.clearanceLevel} IN ('OFFICIAL', 'OFFICIAL-SENSITIVE', 'SECRET')`),
  ],
);

export type User = typeof users.$inferSelect;
