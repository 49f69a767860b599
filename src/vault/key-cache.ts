/**
 * Unwrapped data keys, least recently used out first. Entries also expire: another process may
 * shred a key, and this cache is the only place it would still live on.
 */
export class KeyCache {
  readonly #entries = new Map<string, { key: Buffer; expiresAt: number }>();

  constructor(
    private readonly capacity: number,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  get(id: string): Buffer | undefined {
    const entry = this.#entries.get(id);
    if (!entry) return undefined;
    this.#entries.delete(id);
    if (entry.expiresAt <= this.now()) return undefined;
    this.#entries.set(id, entry);
    return entry.key;
  }

  set(id: string, key: Buffer): void {
    this.#entries.delete(id);
    this.#entries.set(id, { key, expiresAt: this.now() + this.ttlMs });
    if (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
  }

  delete(id: string): void {
    this.#entries.delete(id);
  }

  clear(): void {
    this.#entries.clear();
  }
}
