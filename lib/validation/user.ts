import { z } from "zod";
import { USER_ROLES } from "@/lib/model/users";
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

/** Creating a user, from the admin form or the command line. */
export const newUserSchema = z.object({
  email: emailSchema,
  name: cleanText({ min: 1, max: 120, label: "Name" }),
  role: roleSchema,
  password: passwordSchema,
});
export type NewUserInput = z.input<typeof newUserSchema>;

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "Enter your email address.").max(254),
  password: z.string().min(1, "Enter your password.").max(200),
  callbackUrl: z.string().max(2000).optional(),
});

export const changeRoleSchema = z.object({ userId: z.string().min(1), role: roleSchema });
export const setDisabledSchema = z.object({
  userId: z.string().min(1),
  disabled: z.enum(["true", "false"]).transform((v) => v === "true"),
});
export const setPasswordSchema = z.object({ userId: z.string().min(1), password: passwordSchema });
