/**
 * A memo for processes that run long: the flyer workers render tens of thousands of sheets in a
 * large town's build, and a memo that keeps every answer (a measured line, a word's outline)
 * grows with the town — at 10,000 entries each worker reached 1.2–1.5 GB. This one keeps the
 * answers of two generations: when the current one is full it becomes the old one and the
 * oldest is dropped; an answer asked for again from the old generation moves to the current
 * one. What every sheet asks (labels, dates, the site's name) stays; what one entry asked goes.
 *
 * `budget` bounds a generation by the weight of its answers (`weigh`, 1 each by default), so a
 * memo of long strings can be held to a size rather than a count.
 */
export class Memo<K, V> {
  #current = new Map<K, V>();
  #old = new Map<K, V>();
  #weight = 0;
  readonly #budget: number;
  readonly #weigh: (value: V, key: K) => number;

  constructor(budget: number, weigh: (value: V, key: K) => number = () => 1) {
    if (!(budget > 0)) throw new RangeError(`Memo: the budget must be above 0 (${budget})`);
    this.#budget = budget;
    this.#weigh = weigh;
  }

  get(key: K): V | undefined {
    const value = this.#current.get(key);
    if (value !== undefined || this.#current.has(key)) return value;
    if (!this.#old.has(key)) return undefined;
    const kept = this.#old.get(key) as V;
    this.#old.delete(key);
    this.set(key, kept);
    return kept;
  }

  set(key: K, value: V): this {
    if (this.#current.has(key)) this.#weight -= this.#weigh(this.#current.get(key) as V, key);
    const weight = this.#weigh(value, key);
    if (this.#current.size > 0 && this.#weight + weight > this.#budget) {
      this.#old = this.#current;
      this.#current = new Map();
      this.#weight = 0;
    }
    this.#old.delete(key);
    this.#current.set(key, value);
    this.#weight += weight;
    return this;
  }

  /** The answer for `key`, made by `make` the first time (and again once forgotten). */
  remember(key: K, make: (key: K) => V): V {
    const known = this.get(key);
    if (known !== undefined) return known;
    const value = make(key);
    this.set(key, value);
    return value;
  }

  /** Answers held now, in both generations. */
  get size(): number {
    return this.#current.size + this.#old.size;
  }

  clear(): void {
    this.#current.clear();
    this.#old.clear();
    this.#weight = 0;
  }
}
