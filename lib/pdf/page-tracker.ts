/**
 * Where each section starts, learned while react-pdf paginates. A section heading's render
 * prop records the page it lands on; the contents page's render props read those numbers on
 * the engine's second (totals) round, after the first round has placed every heading.
 * `printed` keeps what the contents actually showed, so the renderer can check the two agree.
 */
export class PageTracker {
  readonly landed = new Map<string, number>();
  readonly printed = new Map<string, number>();

  constructor(private readonly known: ReadonlyMap<string, number> = new Map()) {}

  recordHeading(id: string, pageNumber: number): void {
    this.landed.set(id, pageNumber);
  }

  /** The page to print in the contents for `id`: a pinned number if given, else the one learned. */
  pageFor(id: string): number | undefined {
    const page = this.known.get(id) ?? this.landed.get(id);
    if (page !== undefined) this.printed.set(id, page);
    return page;
  }

  /** True when the contents printed exactly the pages the headings landed on. */
  agrees(ids: readonly string[]): boolean {
    return ids.every((id) => this.landed.has(id) && this.landed.get(id) === this.printed.get(id));
  }
}
