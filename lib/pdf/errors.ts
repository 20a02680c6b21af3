import { AppError } from "../errors";

/** Every render slot and queue place is taken; the route answers 503 with Retry-After. */
export class PdfBusyError extends AppError {
  constructor(readonly retryAfterSeconds: number = 5) {
    super("The PDF service is busy. Try again in a few seconds.", 503);
  }
}

/** A render ran past its time limit and was stopped (its worker thread was terminated). */
export class PdfTimeoutError extends AppError {
  constructor(readonly timeoutMs: number) {
    super(`The PDF took longer than ${timeoutMs} ms to render and was stopped.`, 504);
  }
}
