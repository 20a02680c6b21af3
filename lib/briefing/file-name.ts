import type { DocumentVariant } from "./document";

/**
 * "kazakhstan-briefing-2026-11-23-r2.pdf", and for the counterpart copy
 * "kazakhstan-briefing-2026-11-23-counterpart-r2.pdf": chosen by the server, never from user input.
 */
export function briefingFileName(
  doc: { country: { name: string }; preparedOn: string; revision: number },
  variant: DocumentVariant = "internal",
): string {
  const slug =
    doc.country.name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "country";
  const copy = variant === "counterpart" ? "-counterpart" : "";
  return `${slug}-briefing-${doc.preparedOn}${copy}-r${doc.revision}.pdf`;
}

/** An RFC 6266 Content-Disposition value: a plain ASCII name plus the RFC 5987 UTF-8 form. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
