import { PdfBusyError, PdfUserLimitError } from "./errors";

export interface AdmissionLimits {
  /** Render places in all: a briefing holds one per task (1, or its parts plus the assembly). */
  places: number;
  /** Tickets one user may hold at once. Counted in this process only: each server process keeps its own. */
  perUser: number;
  /** Sent as Retry-After with a refusal. */
  retryAfterSeconds: number;
  /**
   * Whether the request thread is past its load bound (EventLoopLoad). While it is, a pool
   * that already has a render admitted refuses more (503), so a flood of downloads yields to
   * pages; an idle pool's first render always gets in. None: no such rule.
   */
  requestThreadBusy?: () => boolean;
}

/**
 * A held claim on render places, taken before the caller does any expensive work (building
 * the document included) and given back with release() on every path; release() is safe to
 * call more than once.
 */
export class AdmissionTicket {
  private released = false;

  constructor(
    private readonly admission: Admission,
    readonly userId: string | null,
    private held: number,
  ) {}

  /** Places this ticket holds. */
  get places(): number {
    return this.released ? 0 : this.held;
  }

  /**
   * Adjusts the places held once the document is known (the estimate at admission came from
   * a cheap read). Never refuses: the request was admitted, and a wrong estimate is off by at
   * most the briefing's part count.
   */
  resize(places: number): void {
    if (this.released) return;
    this.admission.adjust(places - this.held);
    this.held = places;
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    this.admission.adjust(-this.held);
    if (this.userId !== null) this.admission.leave(this.userId);
  }
}

/**
 * Who may render now. Checked before anything else, so a refusal costs next to nothing:
 * a user already holding `perUser` tickets gets PdfUserLimitError (429); when the places are
 * taken, or the request thread is busy while a render is admitted (AdmissionLimits
 * .requestThreadBusy), PdfBusyError (503). An idle pool admits any briefing, however many
 * places it needs.
 */
export class Admission {
  private inUse = 0;
  private readonly byUser = new Map<string, number>();

  constructor(readonly limits: AdmissionLimits) {}

  admit({ userId, places }: { userId: string | null; places: number }): AdmissionTicket {
    const { perUser, retryAfterSeconds } = this.limits;
    if (userId !== null && (this.byUser.get(userId) ?? 0) >= perUser)
      throw new PdfUserLimitError(perUser, retryAfterSeconds);
    if (this.refusesMore(places)) throw new PdfBusyError(retryAfterSeconds);
    this.inUse += places;
    if (userId !== null) this.byUser.set(userId, (this.byUser.get(userId) ?? 0) + 1);
    return new AdmissionTicket(this, userId, places);
  }

  /** Whether a request for `places` more would get PdfBusyError now (the per-user rule aside). */
  refusesMore(places = 1): boolean {
    if (this.inUse === 0) return false;
    if (this.inUse + places > this.limits.places) return true;
    return this.limits.requestThreadBusy?.() ?? false;
  }

  /** Places held by admitted tickets. */
  get placesInUse(): number {
    return this.inUse;
  }

  /** Tickets a user holds now. */
  heldBy(userId: string): number {
    return this.byUser.get(userId) ?? 0;
  }

  /** @internal for AdmissionTicket */
  adjust(delta: number): void {
    this.inUse += delta;
  }

  /** @internal for AdmissionTicket */
  leave(userId: string): void {
    const left = (this.byUser.get(userId) ?? 1) - 1;
    if (left > 0) this.byUser.set(userId, left);
    else this.byUser.delete(userId);
  }
}
