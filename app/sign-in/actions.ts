"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError, CredentialsSignin } from "next-auth";
import { rememberDevice } from "@/db/queries/sign-in-limits";
import { signIn } from "@/auth";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { DEVICE_COOKIE, DEVICE_MAX_AGE_DAYS } from "@/lib/auth/device";
import { throttledMessage, WRONG_CREDENTIALS } from "@/db/queries/sign-in";
import { auditableEmail } from "@/lib/auth/throttle";
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
  const target = safeCallbackPath(parsed.data.callbackUrl);
  try {
    // No redirect from next-auth: on success the browser first gets its device cookie.
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
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
    throw error;
  }
  await rememberThisBrowser(parsed.data.email);
  redirect(target);
}

/**
 * Sets (or renews) the device cookie of a browser that has just signed in, so its next
 * sign-ins are counted apart from guessers elsewhere (lib/auth/device.ts).
 */
async function rememberThisBrowser(email: string) {
  const jar = await cookies();
  const https = (await headers()).get("x-forwarded-proto") === "https";
  const token = await rememberDevice({
    token: jar.get(DEVICE_COOKIE)?.value ?? null,
    account: auditableEmail(email),
    now: Date.now(),
    maxAgeDays: DEVICE_MAX_AGE_DAYS,
  });
  jar.set(DEVICE_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: https,
    path: "/",
    maxAge: DEVICE_MAX_AGE_DAYS * 86_400,
  });
}
