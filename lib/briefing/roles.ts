import type { PersonRole } from "@/db/schema";
import { formatDateSpan, type DatePrecision } from "@/lib/dates/date-span";

type RoleSpan = Pick<PersonRole, "validFrom" | "validTo" | "validFromPrecision" | "validToPrecision" | "deletedAt">;

/**
 * The roles a person is on record as holding on `day`. A role's ends are spans: at month or
 * year precision `validFrom` is the first day of that month or year and `validTo` the last,
 * so a day anywhere inside counts (Nurtleu, attested "Mar–Apr 2025", is found on 28 March).
 * An unknown end is open. Retired (deleted) roles never count.
 */
export function rolesHeldOn<R extends RoleSpan>(roles: R[], day: string): R[] {
  return roles.filter(
    (r) => !r.deletedAt && (r.validFrom === null || r.validFrom <= day) && (r.validTo === null || day <= r.validTo),
  );
}

/** An end of a role at its precision: "27 Mar 2025", "Mar 2025", "2023"; "?" when unknown. */
export function roleEndLabel(day: string | null, precision: DatePrecision): string {
  return day ? formatDateSpan({ start: day, end: day, precision, inferred: false }) : "?";
}
