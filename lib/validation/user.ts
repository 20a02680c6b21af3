import { z } from "zod";
import { ROLE_NAMES, USER_ROLES, type UserRole } from "@/lib/model/users";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { CLEARANCE_LEVELS, DEFAULT_CLEARANCE_LEVEL } from "@/lib/model/handling";
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

/** A user's clearance level: the highest marking they may see. */
export const clearanceLevelSchema = z.enum(CLEARANCE_LEVELS, {
  message: `Choose a clearance level: ${CLEARANCE_LEVELS.join(", ")}.`,
});

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
  clearanceLevel: clearanceLevelSchema.default(DEFAULT_CLEARANCE_LEVEL),
  password: passwordSchema,
});
export type NewUserInput = z.input<typeof newUserSchema>;

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "Enter your email address.").max(254),
  password: z.string().min(1, "Enter your password.").max(200),
  callbackUrl: z.string().max(2000).optional(),
});

/** The sign-in's second step: the code typed (a TOTP code or a recovery code), with the pending token. */
export const secondFactorSchema = z.object({
  pending: z.string().min(1).max(2000),
  code: z.string().trim().min(1, "Enter the code from your app, or a recovery code.").max(64),
  callbackUrl: z.string().max(2000).optional(),
});

/** A code typed on the account page (set up, turn off) or by an admin confirming a reset. */
export const codeSchema = z.string().trim().min(1, "Enter the code from your app.").max(64);

/** Setting up the second factor: the code the app shows now. */
export const confirmSecondFactorSchema = z.object({ code: codeSchema });

/** Turning the second factor off: the password and a current code (or a recovery code). */
export const turnOffSecondFactorSchema = z.object({
  password: z.string().min(1, "Enter your password.").max(200),
  code: codeSchema,
});

/** New recovery codes: the password and a current code (or one of the old recovery codes). */
export const replaceRecoveryCodesSchema = z.object({
  password: z.string().min(1, "Enter your password.").max(200),
  code: codeSchema,
});

/** The users page's second-factor reset: the acting admin's own code when resetting another admin's. */
export const resetSecondFactorSchema = z.object({
  userId: z.string().min(1),
  actorCode: z.string().trim().max(64).optional(),
});

/** The users page's role form: the role, and the Clearer checkbox beside it. */
export const changeRoleSchema = z.object({ userId: z.string().min(1), role: roleSchema, clearer: checkboxSchema });

/** The users page's clearance level form. */
export const changeClearanceLevelSchema = z.object({ userId: z.string().min(1), clearanceLevel: clearanceLevelSchema });

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
