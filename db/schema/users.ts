import { check, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { USER_ROLES } from "@/lib/model/users";
import { cleanTextCheck, curatedColumns } from "./columns";

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    /** Stored lower-cased, so sign-in is case-insensitive. */
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    role: text("role", { enum: USER_ROLES }).notNull().default("staff"),
    passwordHash: text("password_hash").notNull(),
    /** Bumped on sign-out, disable, role or password change: older session tokens stop working. */
    sessionVersion: integer("session_version").notNull().default(1),
    disabledAt: text("disabled_at"),
    /** Set for the demo accounts while they keep their published password. */
    demoPassword: integer("demo_password", { mode: "boolean" }).notNull().default(false),
    ...curatedColumns(),
  },
  (t) => [check("users_name_clean", cleanTextCheck(t.name))],
);

export type User = typeof users.$inferSelect;
