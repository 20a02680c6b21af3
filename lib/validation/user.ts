import { z } from "zod";
import { ROLE_NAMES, USER_ROLES, type UserRole } from "@/lib/model/users";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { cleanText } from "./text";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address." }))
  .refine((v) => v.length <= 254, "An email address has at most 254 characters.");

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `The password needs at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(200, "The password can have at most 200 characters.");

export const roleSchema = z.enum(USER_ROLES, { message: "Choose staff or admin." });

/** A checkbox as a form posts it ("on" when ticked, absent when not), or a boolean from code. */
export const checkboxSchema = z
  .union([z.boolean(), z.enum(["on", "true", "false"])])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

/** Creating a user, from the admin form or the command line; `clearer` is the clearer role beside `role`. */
export const newUserSchema = z.object({
  email: emailSchema,
  name: cleanText({ min: 1, max: 120, label: "Name" }),
  role: roleSchema,
  clearer: checkboxSchema,
  password: passwordSchema,
});
export type NewUserInput = z.input<typeof newUserSchema>;

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "Enter your email address.").max(254),
  password: z.string().min(1, "Enter your password.").max(200),
  callbackUrl: z.string().max(2000).optional(),
});

/** The users page's role form: the role, and the Clearer checkbox beside it. */
export const changeRoleSchema = z.object({ userId: z.string().min(1), role: roleSchema, clearer: checkboxSchema });

/**
 * The command line's `--role` list, comma-separated: at most one of staff and admin (staff when
 * neither is named) and optionally clearer, as `staff,clearer` or `clearer` alone.
 */
export function parseRoleList(
  list: string,
): { ok: true; role: UserRole; clearer: boolean } | { ok: false; message: string } {
  const names = list
    .split(",")
    .map((n) => n.trim().toLowerCase())
    .filter(Boolean);
  const unknown = names.filter((n) => !(ROLE_NAMES as readonly string[]).includes(n));
  if (unknown.length)
    return {
      ok: false,
      message: `Unknown role: ${unknown.join(", ")}. The roles are ${ROLE_NAMES.join(", ")} (comma-separated).`,
    };
  const main = [...new Set(names.filter((n): n is UserRole => (USER_ROLES as readonly string[]).includes(n)))];
  if (main.length > 1) return { ok: false, message: "A user is staff or admin, not both; clearer may go with either." };
  return { ok: true, role: main[0] ?? "staff", clearer: names.includes("clearer") };
}
export const setDisabledSchema = z.object({
  userId: z.string().min(1),
  disabled: z.enum(["true", "false"]).transform((v) => v === "true"),
});
export const setPasswordSchema = z.object({ userId: z.string().min(1), password: passwordSchema });
