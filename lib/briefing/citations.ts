import type { Citation } from "./document";

/** Numbers sources in the order they are first cited, so [1] is the first source a reader meets. */
export class CitationRegistry {
  private readonly numbers = new Map<string, number>();

  cite(sourceId: string): Citation {
    let number = this.numbers.get(sourceId);
    if (number === undefined) {
      number = this.numbers.size + 1;
      this.numbers.set(sourceId, number);
    }
    return { number };
  }

  entries(): { number: number; sourceId: string }[] {
    return [...this.numbers].map(([sourceId, number]) => ({ number, sourceId }));
  }
}
