import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authSettings } from "@/lib/auth/config";
import { clientIp } from "@/lib/auth/client-ip";
import { deviceTokenFromCookieHeader } from "@/lib/auth/device";
import { createPendingToken, readPendingToken } from "@/lib/auth/pending-sign-in";
import { ensureAuthSecret } from "@/lib/auth/secret";
import { log } from "@/lib/log";
import { throttledMessage, verifyCredentials, verifySecondFactor } from "@/db/queries/sign-in";
import { secondFactorSchema, signInSchema } from "@/lib/validation/user";

/** Refusal codes reach the sign-in action (and the page, for a plain POST) as `code`. */
class WrongCredentials extends CredentialsSignin {
  code = "invalid";
}
class Throttled extends CredentialsSignin {
  constructor(readonly retryAfterSeconds: number) {
    super(throttledMessage(retryAfterSeconds));
    this.code = `throttled:${retryAfterSeconds}`;
  }
}

/**
 * The password is right and the account has a second factor: no session yet. The sign-in
 * action takes `pendingToken` from this error (the same object reaches it: signIn() runs
 * next-auth in-process) and keeps it in an httpOnly cookie while it asks for the code. A plain
 * POST to next-auth's own route gets only the code "second-factor" in its redirect.
 */
export class SecondFactorRequired extends CredentialsSignin {
  code = "second-factor";
  constructor(readonly pendingToken: string) {
    super("A second factor is required.");
  }
}
/** The second step's refusals, as codes: a wrong code, too many, or a pending sign-in that no longer holds. */
class SecondFactorRefused extends CredentialsSignin {
  constructor(code: string) {
    super(code);
    this.code = code;
  }
}

/**
 * next-auth with email + password and JWT sessions. The token carries the user id and the
 * session version; whether it is still good is decided against the database on every
 * request by app/_request/session.ts, never by the token alone.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: ensureAuthSecret(),
  trustHost: true,
  logger: {
    // A refused sign-in is expected, audited and answered; it is not a server error.
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
      log.error({ err: error }, "next-auth error");
    },
  },
  session: { strategy: "jwt", maxAge: authSettings.sessionMaxAge() },
  jwt: { maxAge: authSettings.sessionMaxAge() },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) throw new WrongCredentials();
        const deviceToken = deviceTokenFromCookieHeader(request.headers.get("cookie"));
        const result = await verifyCredentials({ ...parsed.data, ip: clientIp(request.headers), deviceToken });
        if (result.ok && result.secondFactor)
          throw new SecondFactorRequired(
            createPendingToken(
              { userId: result.user.id, email: result.user.email, sessionVersion: result.user.sessionVersion },
              ensureAuthSecret(),
            ),
          );
        if (result.ok)
          return {
            id: result.user.id,
            email: result.user.email,
            name: result.user.name,
            sessionVersion: result.user.sessionVersion,
          };
        if (result.reason === "throttled") throw new Throttled(result.retryAfterSeconds);
        throw new WrongCredentials();
      },
    }),
    // The second step: the pending sign-in's token (from the password step) and a code.
    Credentials({
      id: "second-factor",
      credentials: { pending: {}, code: { label: "Code" } },
      async authorize(raw, request) {
        const parsed = secondFactorSchema.safeParse(raw);
        const pending = readPendingToken(parsed.data?.pending, ensureAuthSecret());
        if (!pending) throw new SecondFactorRefused("pending-expired");
        if (!parsed.success) throw new SecondFactorRefused("code-invalid");
        const result = await verifySecondFactor({
          userId: pending.userId,
          sessionVersion: pending.sessionVersion,
          code: parsed.data.code,
          ip: clientIp(request.headers),
        });
        if (result.ok)
          return {
            id: result.user.id,
            email: result.user.email,
            name: result.user.name,
            sessionVersion: result.user.sessionVersion,
          };
        if (result.reason === "throttled") throw new SecondFactorRefused(`code-throttled:${result.retryAfterSeconds}`);
        if (result.reason === "expired") throw new SecondFactorRefused("pending-expired");
        if (result.reason === "unreadable") throw new SecondFactorRefused("code-unreadable");
        throw new SecondFactorRefused("code-invalid");
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.uid ?? "";
      session.sessionVersion = token.sv ?? -1;
      return session;
    },
  },
}));
