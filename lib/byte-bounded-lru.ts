/**
 * A map bounded by the bytes of its values, least recently used out first. Every memory the
 * PDF threads keep (rendered parts, parsed parts, stamped streams, font subsets) is one of
 * these, so each is bounded the same way and can be reasoned about as one number; the cache of
 * finalised PDFs (pdf/cache.ts) weighs each value 1, a bound by count. No imports:
 * the render threads and the pool's owner thread both load it.
 */
export class ByteBoundedLru<V> {
  // Map keeps insertion order: the first key is the least recently used.
  private readonly entries = new Map<string, V>();
  private held = 0;
  private evicted = 0;

  constructor(
    readonly maxBytes: number,
    private readonly sizeOf: (value: V) => number,
  ) {}

  /** The value, now the most recently used; undefined when absent. */
  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Remembers `value`, evicting the least recently used past the bound. A value bigger than the bound is not kept. */
  set(key: string, value: V): void {
    this.delete(key);
    const size = this.sizeOf(value);
    if (size > this.maxBytes) return;
    this.entries.set(key, value);
    this.held += size;
    for (const [oldest, old] of this.entries) {
      if (this.held <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.held -= this.sizeOf(old);
      this.evicted++;
    }
  }

  delete(key: string): void {
    const old = this.entries.get(key);
    if (old === undefined) return;
    this.entries.delete(key);
    this.held -= this.sizeOf(old);
  }

  clear(): void {
    this.entries.clear();
    this.held = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The bytes held (the sum of sizeOf over the values). */
  get bytes(): number {
    return this.held;
  }

  /** Values evicted to stay within the bound, since the start. */
  get evictions(): number {
    return this.evicted;
  }
}
