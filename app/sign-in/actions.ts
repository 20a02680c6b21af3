"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError, CredentialsSignin } from "next-auth";
import { rememberDevice } from "@/db/queries/sign-in-limits";
import { SecondFactorRequired, signIn } from "@/auth";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { DEVICE_COOKIE, DEVICE_MAX_AGE_DAYS } from "@/lib/auth/device";
import { PENDING_COOKIE, PENDING_MAX_AGE_SECONDS, readPendingToken } from "@/lib/auth/pending-sign-in";
import { ensureAuthSecret } from "@/lib/auth/secret";
import { tooManyCodesMessage } from "@/lib/auth/two-factor";
import { throttledMessage, WRONG_CREDENTIALS } from "@/db/queries/sign-in";
import { auditableEmail } from "@/lib/auth/throttle";
import { log } from "@/lib/log";
import type { ActionState } from "@/app/_request/guard";
import { signInSchema } from "@/lib/validation/user";

/** Which step the form shows next: the password, or the code once the password was right. */
export type SignInStep = { step: "code" };

const WRONG_CODE = "That code is not right. Enter the code your app shows now, or an unused recovery code.";
const EXPIRED = "That sign-in has expired. Enter your email address and password again.";
const NOT_WORKING = "Sign-in is not working right now. Try again in a minute.";

/**
 * The one action that needs no session. Refusals never say whether the email exists. For an
 * account with a second factor a right password is only the first step: the form then asks for
 * a code, and the state in between is a signed token in an httpOnly cookie (five minutes,
 * scoped to /sign-in) that opens nothing else.
 */
export async function signInAction(
  _prev: ActionState<SignInStep>,
  formData: FormData,
): Promise<ActionState<SignInStep>> {
  if (formData.get("step") === "code") return codeStep(formData);
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
    const pendingToken = pendingTokenOf(error);
    if (pendingToken) {
      await setPendingCookie(pendingToken);
      return { ok: true, data: { step: "code" } };
    }
    if (error instanceof CredentialsSignin) {
      const throttled = /^throttled:(\d+)$/.exec(error.code);
      if (throttled) return { ok: false, status: 429, message: throttledMessage(Number(throttled[1])), values };
      return { ok: false, status: 401, message: WRONG_CREDENTIALS, values };
    }
    if (error instanceof AuthError) {
      log.error({ err: error }, "sign-in failed");
      return { ok: false, status: 500, message: NOT_WORKING, values };
    }
    throw error;
  }
  await rememberThisBrowser(parsed.data.email);
  redirect(target);
}

/** The token of a SecondFactorRequired refusal (by its code and field too: the class may come from another bundle's copy). */
function pendingTokenOf(error: unknown): string | null {
  if (error instanceof SecondFactorRequired) return error.pendingToken;
  if (error instanceof CredentialsSignin && error.code === "second-factor") {
    const token = (error as Partial<SecondFactorRequired>).pendingToken;
    return typeof token === "string" ? token : null;
  }
  return null;
}

/** The second step: the code (or a recovery code) for the pending sign-in in the cookie. */
async function codeStep(formData: FormData): Promise<ActionState<SignInStep>> {
  const jar = await cookies();
  const values = { step: "code" };
  const target = safeCallbackPath(String(formData.get("callbackUrl") ?? "") || undefined);
  const code = String(formData.get("code") ?? "").trim();
  const token = jar.get(PENDING_COOKIE)?.value ?? null;
  const pending = readPendingToken(token, ensureAuthSecret());
  if (!pending || !token) {
    await clearPendingCookie();
    return { ok: false, status: 401, message: EXPIRED };
  }
  if (!code || code.length > 64) {
    const message = "Enter the code from your app, or a recovery code.";
    return { ok: false, status: 400, message, fieldErrors: { code: [message] }, values };
  }
  try {
    await signIn("second-factor", { pending: token, code, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const throttled = /^code-throttled:(\d+)$/.exec(error.code);
      if (throttled) return { ok: false, status: 429, message: tooManyCodesMessage(Number(throttled[1])), values };
      if (error.code === "pending-expired") {
        await clearPendingCookie();
        return { ok: false, status: 401, message: EXPIRED };
      }
      if (error.code === "code-unreadable")
        return {
          ok: false,
          status: 500,
          message: "Your second factor cannot be checked on this server. Ask an administrator to reset it.",
          values,
        };
      return { ok: false, status: 401, message: WRONG_CODE, fieldErrors: { code: [WRONG_CODE] }, values };
    }
    if (error instanceof AuthError) {
      log.error({ err: error }, "sign-in failed");
      return { ok: false, status: 500, message: NOT_WORKING, values };
    }
    throw error;
  }
  await clearPendingCookie();
  await rememberThisBrowser(pending.email);
  redirect(target);
}

async function cookieSecure(): Promise<boolean> {
  return (await headers()).get("x-forwarded-proto") === "https";
}

async function setPendingCookie(token: string) {
  (await cookies()).set(PENDING_COOKIE, token, {
    httpOnly: true,
    sameSite: "strict",
    secure: await cookieSecure(),
    path: "/sign-in",
    maxAge: PENDING_MAX_AGE_SECONDS,
  });
}

async function clearPendingCookie() {
  (await cookies()).set(PENDING_COOKIE, "", {
    httpOnly: true,
    sameSite: "strict",
    secure: await cookieSecure(),
    path: "/sign-in",
    maxAge: 0,
  });
}

/**
 * Sets (or renews) the device cookie of a browser that has just signed in, so its next
 * sign-ins are counted apart from guessers elsewhere (lib/auth/device.ts).
 */
async function rememberThisBrowser(email: string) {
  const jar = await cookies();
  const token = await rememberDevice({
    token: jar.get(DEVICE_COOKIE)?.value ?? null,
    account: auditableEmail(email),
    now: Date.now(),
    maxAgeDays: DEVICE_MAX_AGE_DAYS,
  });
  jar.set(DEVICE_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: await cookieSecure(),
    path: "/",
    maxAge: DEVICE_MAX_AGE_DAYS * 86_400,
  });
}
