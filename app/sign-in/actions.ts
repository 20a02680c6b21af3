"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/auth";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { throttledMessage, WRONG_CREDENTIALS } from "@/db/queries/sign-in";
import { log } from "@/lib/log";
import type { ActionState } from "@/app/_request/guard";
import { signInSchema } from "@/lib/validation/user";

/** The one action that needs no session. Refusals never say whether the email exists. */
export async function signInAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = { email: String(formData.get("email") ?? "") };
  const parsed = signInSchema.safeParse({
    email: formData.get("email"),
    password: formData.get("password"),
    callbackUrl: formData.get("callbackUrl") ?? undefined,
  });
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
    return { ok: false, status: 400, message: "Enter your email address and password.", fieldErrors, values };
  }
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallbackPath(parsed.data.callbackUrl),
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const throttled = /^throttled:(\d+)$/.exec(error.code);
      if (throttled) return { ok: false, status: 429, message: throttledMessage(Number(throttled[1])), values };
      return { ok: false, status: 401, message: WRONG_CREDENTIALS, values };
    }
    if (error instanceof AuthError) {
      log.error({ err: error }, "sign-in failed");
      return { ok: false, status: 500, message: "Sign-in is not working right now. Try again in a minute.", values };
    }
    throw error; // NEXT_REDIRECT on success
  }
}
