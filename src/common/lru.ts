import { LRUCache } from 'lru-cache';

/** Entries by key, the least recently used dropped first past `capacity`; a capacity of 0 keeps nothing. */
export class Lru<V extends object> {
  private readonly entries?: LRUCache<string, V>;

  constructor(readonly capacity: number) {
    if (capacity > 0) this.entries = new LRUCache<string, V>({ max: capacity });
  }

  get enabled(): boolean {
    return !!this.entries;
  }

  get(key: string): V | undefined {
    return this.entries?.get(key);
  }

  set(key: string, value: V): void {
    this.entries?.set(key, value);
  }

  /** Drops `value` if it is still the one kept under `key` (a newer one is left alone). */
  drop(key: string, value: V): void {
    if (this.entries?.peek(key) === value) this.entries.delete(key);
  }

  clear(): void {
    this.entries?.clear();
  }

  get size(): number {
    return this.entries?.size ?? 0;
  }
}
