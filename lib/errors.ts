/**
 * Errors the data layer throws and the action/route wrapper turns into HTTP statuses and
 * messages. They carry only what may be shown to the user.
 */
export class AppError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotAuthenticatedError extends AppError {
  constructor(message = "Sign in to continue.") {
    super(message, 401);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "You do not have permission to do that.") {
    super(message, 403);
  }
}

export class NotFoundError extends AppError {
  constructor(message = "Not found.") {
    super(message, 404);
  }
}

/** A stale version: someone else saved first. `current` is what is stored now. */
export class ConflictError<T = unknown> extends AppError {
  constructor(message: string, readonly current: T) {
    super(message, 409);
  }
}

/** Input that fails a rule the form could not check: messages by field name. */
export class ValidationError extends AppError {
  constructor(message: string, readonly fieldErrors: Record<string, string[]> = {}) {
    super(message, 400);
  }
}
