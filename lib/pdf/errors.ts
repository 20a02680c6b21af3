import { AppError } from "../errors";

/**
 * Every render place is taken, or a request waited too long for a thread, or the pool is
 * closing: 503 with Retry-After. Recognise it by its status (isAppError), not instanceof.
 */
export class PdfBusyError extends AppError {
  declare readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds = 5) {
    super("The PDF service is busy. Try again in a few seconds.", 503, { name: "PdfBusyError", retryAfterSeconds });
  }
}

/** One user already holds as many renders as a user may (PdfPoolOptions.perUser): 429 with Retry-After. */
export class PdfUserLimitError extends AppError {
  declare readonly retryAfterSeconds: number;

  constructor(
    readonly limit: number,
    retryAfterSeconds = 5,
  ) {
    super(
      `You already have ${limit} PDF${limit === 1 ? "" : "s"} being prepared. Try again when ${limit === 1 ? "it is" : "they are"} done.`,
      429,
      { name: "PdfUserLimitError", retryAfterSeconds },
    );
  }
}

/** A render ran past its time limit and was stopped (its worker thread was terminated). */
export class PdfTimeoutError extends AppError {
  constructor(readonly timeoutMs: number) {
    super(`The PDF took longer than ${timeoutMs} ms to render and was stopped.`, 504, { name: "PdfTimeoutError" });
  }
}
