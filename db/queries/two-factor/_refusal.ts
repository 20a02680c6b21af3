import { tooManyCodesMessage } from "@/lib/auth/two-factor";
import { AppError, ValidationError } from "@/lib/errors";
import type { CodeCheck } from "./_second-factor";

/** A refused code as the error the action wrapper shows: the field's message, 429 past the limit. */
export function secondFactorRefusal(check: Exclude<CodeCheck, { ok: true }>, wrong: string): AppError {
  if (check.reason === "throttled")
    return new AppError(tooManyCodesMessage(check.retryAfterSeconds), 429, {
      name: "TooManyCodes",
      retryAfterSeconds: check.retryAfterSeconds,
    });
  if (check.reason === "unreadable")
    return new AppError("Your second factor cannot be checked on this server. Ask an administrator to reset it.", 500, {
      name: "SecondFactorUnreadable",
    });
  if (check.reason === "not-enabled") return new ValidationError("Two-step verification is not on.");
  return new ValidationError(wrong, { code: [wrong] });
}
