import "server-only";
import { forbidden, unauthorized, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isAppError, isConflictError, isValidationError, type AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { requestInfo } from "./request-info";
import { currentSession } from "./session";

/** What a form action returns: success, or a message with errors by field and the values sent back. */
export type ActionState<T = unknown> =
  | { ok: true; message?: string; data?: T }
  | {
      ok: false;
      status: number;
      message: string;
      fieldErrors?: Record<string, string[]>;
      values?: Record<string, string>;
      current?: unknown;
    }
  | null;

interface GuardOptions<S extends z.ZodType> {
  schema: S;
  /** Admins only (checked here and again in the data layer). */
  admin?: boolean;
  /** Open to a user who must still set up a second factor (the enrolment page's own actions). */
  beforeEnrolment?: boolean;
}

/** What a user whose role requires a second factor is told by every action and route until they have one. */
export const ENROL_FIRST = "Set up two-step verification first (Account → Security).";

/** Fields never sent back to the browser in a refusal: passwords and one-time codes. */
const SECRET_FIELDS = new Set(["password", "code", "actorCode"]);

function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries())
    if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  return values;
}

/** What a refusal sends back for the form to show again: what was typed, less any secret. */
function echoed(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !SECRET_FIELDS.has(key)));
}

function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) (out[issue.path.join(".") || "form"] ??= []).push(issue.message);
  return out;
}

/**
 * The one wrapper for server actions: signed in (401 via `unauthorized()`), with the second
 * factor CHANCERY_REQUIRE_2FA asks of the actor's role (403 until set up), allowed (403 via
 * `forbidden()`, for the admin check here and for a ForbiddenError from the data layer), input
 * valid (field errors returned, what was typed kept). Errors from the
 * data layer become a message with their status; anything else is logged and reported
 * without internals.
 */
export function secureAction<S extends z.ZodType, R>(
  options: GuardOptions<S>,
  handler: (input: z.output<S>, actor: Actor) => Promise<R> | R,
) {
  return async (_prev: ActionState<R>, formData: FormData): Promise<ActionState<R>> => {
    const session = await currentSession();
    if (!session) unauthorized();
    const { actor } = session;
    const values = formValues(formData);
    if (session.mustEnrol && !options.beforeEnrolment)
      return { ok: false, status: 403, message: ENROL_FIRST, values: echoed(values) };
    if (options.admin && actor.role !== "admin") forbidden();
    const parsed = options.schema.safeParse(values);
    if (!parsed.success) {
      return {
        ok: false,
        status: 400,
        message: "Some fields need attention.",
        fieldErrors: fieldErrorsOf(parsed.error),
        values: echoed(values),
      };
    }
    const started = performance.now();
    try {
      const data = await handler(parsed.data, actor);
      return { ok: true, data };
    } catch (error) {
      // A refusal by the data layer's permission rule is an HTTP 403, as the admin check above:
      // a request the UI never offers (a viewer's save) is refused as such, not as a 200.
      if (isAppError(error) && error.status === 403) forbidden();
      const state = failure(error, echoed(values));
      if (state.status >= 500) await logFailure({ kind: "action", actor, error, status: state.status, started });
      return state;
    }
  };
}

/**
 * One JSON line per failed action or route call (status 500 and up: ours, not the user's),
 * with what ties it to a user's report: request id, user, route, status and duration.
 */
async function logFailure({
  kind,
  actor,
  error,
  status,
  started,
  route,
}: {
  kind: "action" | "route";
  actor: Actor;
  error: unknown;
  status: number;
  started: number;
  route?: string;
}) {
  const info = await requestInfo();
  const fields = {
    kind,
    requestId: info.requestId,
    userId: actor.userId,
    route: route ?? info.path,
    status,
    durationMs: Math.round(performance.now() - started),
  };
  // Overload (503) and time limits (504) are expected under load: a warning, without a stack.
  if (isAppError(error)) log.warn({ ...fields, reason: error.message }, `${kind} refused`);
  else log.error({ ...fields, err: error }, `${kind} failed`);
}

function failure(error: unknown, values: Record<string, string>): ActionState<never> & { status: number } {
  unstable_rethrow(error); // Next's own control flow (redirect, notFound) passes through untouched
  // By brand and status, never instanceof: the error may come from another bundle's copy (lib/errors.ts).
  if (isConflictError(error)) return { ok: false, status: 409, message: error.message, values, current: error.current };
  if (isAppError(error)) {
    const fieldErrors = isValidationError(error) ? error.fieldErrors : undefined;
    return { ok: false, status: error.status, message: error.message, fieldErrors, values };
  }
  return {
    ok: false,
    status: 500,
    message: "Something went wrong on our side. Try again; if it keeps failing, tell an administrator.",
    values,
  };
}

/** An app error as JSON with its status, and Retry-After when it says when to try again (503, 429). */
export function appErrorResponse(error: AppError): Response {
  const retryAfter = error.retryAfterSeconds;
  const headers = retryAfter !== undefined ? { "Retry-After": String(Math.max(1, Math.ceil(retryAfter))) } : undefined;
  return Response.json({ error: error.message }, { status: error.status, headers });
}

/**
 * The same wrapper for route handlers: answers 401 / 403 / the data layer's status as JSON
 * itself (route handlers are never left to the proxy), with Retry-After on a refusal for
 * load. The routes take no query string; a route that does should get a zod schema here, as
 * actions have.
 */
export function secureRoute<P>(
  options: { admin?: boolean },
  handler: (ctx: { actor: Actor; request: Request; params: P }) => Promise<Response> | Response,
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const session = await currentSession();
    if (!session) return Response.json({ error: "Sign in to continue." }, { status: 401 });
    const { actor } = session;
    if (session.mustEnrol) return Response.json({ error: ENROL_FIRST }, { status: 403 });
    if (options.admin && actor.role !== "admin")
      return Response.json({ error: "Only administrators can do this." }, { status: 403 });
    const started = performance.now();
    const route = `${request.method} ${new URL(request.url).pathname}`;
    try {
      return await handler({ actor, request, params: await context.params });
    } catch (error) {
      const status = isAppError(error) ? error.status : 500;
      if (status >= 500) await logFailure({ kind: "route", actor, error, status, started, route });
      if (isAppError(error)) return appErrorResponse(error);
      return Response.json({ error: "Something went wrong on our side." }, { status: 500 });
    }
  };
}
