import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authSettings } from "@/lib/auth/config";
import { clientIp } from "@/lib/auth/client-ip";
import { deviceTokenFromCookieHeader } from "@/lib/auth/device";
import { ensureAuthSecret } from "@/lib/auth/secret";
import { log } from "@/lib/log";
import { throttledMessage, verifyCredentials } from "@/db/queries/sign-in";
import { signInSchema } from "@/lib/validation/user";

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
