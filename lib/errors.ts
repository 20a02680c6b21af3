/**
 * Errors the data layer throws and the action/route wrapper turns into HTTP statuses and
 * messages. They carry only what may be shown to the user.
 *
 * Recognise them with `isAppError` (and `isConflictError`, `isValidationError`), never with
 * `instanceof`: Next bundles this module more than once (instrumentation.ts and each route
 * get their own copy), so an error thrown by an object made in one bundle — the shared PDF
 * pool, kept on globalThis — is no instance of the other bundle's class. The brand is a
 * registered symbol, the same in every copy, and class names are not relied on (minifiers
 * rename classes).
 */
const APP_ERROR = Symbol.for("chancery.app-error");

export class AppError extends Error {
  readonly [APP_ERROR] = true;
  /** Seconds a client should wait before trying again; sent as Retry-After (503, 429). */
  readonly retryAfterSeconds?: number;

  constructor(
    message: string,
    readonly status: number,
    options: { name?: string; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = options.name ?? "AppError";
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** True for an AppError from any copy of this module: branded, with a numeric status. */
export function isAppError(error: unknown): error is AppError {
  if (typeof error !== "object" || error === null) return false;
  const e = error as Partial<Record<typeof APP_ERROR, unknown>> & { status?: unknown; message?: unknown };
  return e[APP_ERROR] === true && typeof e.status === "number" && typeof e.message === "string";
}

export function isConflictError(error: unknown): error is ConflictError {
  return isAppError(error) && error.status === 409 && "current" in error;
}

export function isValidationError(error: unknown): error is ValidationError {
  return isAppError(error) && typeof (error as Partial<ValidationError>).fieldErrors === "object";
}

export class NotAuthenticatedError extends AppError {
  constructor(message = "Sign in to continue.") {
    super(message, 401, { name: "NotAuthenticatedError" });
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "You do not have permission to do that.") {
    super(message, 403, { name: "ForbiddenError" });
  }
}

export class NotFoundError extends AppError {
  constructor(message = "Not found.") {
    super(message, 404, { name: "NotFoundError" });
  }
}

/** A stale version: someone else saved first. `current` is what is stored now. */
export class ConflictError<T = unknown> extends AppError {
  constructor(
    message: string,
    readonly current: T,
  ) {
    super(message, 409, { name: "ConflictError" });
  }
}

/** Input that fails a rule the form could not check: messages by field name. */
export class ValidationError extends AppError {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message, 400, { name: "ValidationError" });
  }
}

/** The database is taken by other writes for longer than a request should wait: 503 with Retry-After. */
export class DatabaseBusyError extends AppError {
  declare readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds = 5) {
    super("The service is busy saving other changes. Try again in a few seconds.", 503, {
      name: "DatabaseBusyError",
      retryAfterSeconds,
    });
  }
}
