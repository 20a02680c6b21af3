import { z } from "zod";

/**
 * Characters that must never be stored in text: C0/C1 controls other than tab and
 * newline, and the bidirectional embedding/override/isolate marks that can make a
 * name or a figure read differently from what is stored ("Trojan Source").
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * Every control character, and the invisible and bidirectional marks that can disguise text:
 * what untrusted text shown to people (a tried email in the audit log, a link) must not carry.
 */
export const HIDDEN_CHARACTER = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/;

export function textProblem(value: string): string | null {
  if (CONTROL.test(value)) return "Contains a control character (such as NUL); remove it and try again.";
  if (BIDI.test(value)) return "Contains a bidirectional override character, which can disguise text; remove it.";
  return null;
}

/** Normalised text: NFC, CRLF folded to LF, trimmed; refused if it carries hidden characters. */
export function cleanText(opts: { max: number; min?: number; label?: string; multiline?: boolean }) {
  const label = opts.label ?? "This field";
  return z
    .string()
    .transform((v) => v.normalize("NFC").replace(/\r\n?/g, "\n").trim())
    .superRefine((v, ctx) => {
      const problem = textProblem(v);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
      else if (!opts.multiline && v.includes("\n"))
        ctx.addIssue({ code: "custom", message: `${label} must be on one line.` });
      if (v.length < (opts.min ?? 0)) {
        ctx.addIssue({
          code: "custom",
          message: opts.min === 1 ? `${label} is required.` : `${label} needs at least ${opts.min} characters.`,
        });
      }
      if (v.length > opts.max)
        ctx.addIssue({ code: "custom", message: `${label} is too long: ${v.length} characters, at most ${opts.max}.` });
    });
}
