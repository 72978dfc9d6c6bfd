/**
 * A read-only map made of a shared base map and a small layer of changes on top of it.
 *
 * Why: each snapshot needs its own `byId`, and copying a 100,000-entry Map costs 40–100 ms
 * (measured here), which alone would eat half the 200 ms budget of a live update. A layer
 * costs O(changes): lookups check the layer, then the base; the base is never mutated, so
 * older snapshots that share it stay valid. Once the layer grows past a fraction of the base,
 * the next update folds it into a fresh base (amortized O(1) per change).
 */

/** Marks a key the layer removes from the base. */
const GONE: unique symbol = Symbol('gone')
type Slot<V> = V | typeof GONE

/** Fold the layer into a new base once it holds more than this share of the base's size. */
const FOLD_RATIO = 1 / 8
const MIN_FOLD = 1024

export class LayeredMap<K, V> implements ReadonlyMap<K, V> {
  private flat: Map<K, V> | undefined

  private constructor(
    private readonly base: ReadonlyMap<K, V>,
    private readonly layer: ReadonlyMap<K, Slot<V>>,
    readonly size: number,
  ) {}

  /**
   * `prev` with `changes` applied (a value sets the key, `undefined` deletes it). `prev` itself is
   * left untouched. Cost: O(changes + this layer), or O(size) when the layer is folded.
   */
  static with<K, V>(prev: ReadonlyMap<K, V>, changes: ReadonlyMap<K, V | undefined>): ReadonlyMap<K, V> {
    const base = prev instanceof LayeredMap ? (prev.base as ReadonlyMap<K, V>) : prev
    const layer = new Map<K, Slot<V>>(prev instanceof LayeredMap ? (prev.layer as ReadonlyMap<K, Slot<V>>) : undefined)
    let size = prev.size
    for (const [key, value] of changes) {
      const had = prev.has(key)
      if (value === undefined) {
        if (had) size--
        if (base.has(key)) layer.set(key, GONE)
        else layer.delete(key)
      } else {
        if (!had) size++
        layer.set(key, value)
      }
    }
    const map = new LayeredMap(base, layer, size)
    return layer.size > Math.max(MIN_FOLD, base.size * FOLD_RATIO) ? map.flatten() : map
  }

  get(key: K): V | undefined {
    const v = this.layer.get(key)
    if (v === GONE) return undefined
    return v !== undefined ? v : this.base.get(key)
  }

  has(key: K): boolean {
    const v = this.layer.get(key)
    return v === GONE ? false : v !== undefined || this.base.has(key)
  }

  forEach(callbackfn: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.flatten()) callbackfn.call(thisArg, v, k, this)
  }

  // Iteration is rare (nothing on the request path walks byId): it materializes once per snapshot.
  entries(): MapIterator<[K, V]> {
    return this.flatten().entries()
  }
  keys(): MapIterator<K> {
    return this.flatten().keys()
  }
  values(): MapIterator<V> {
    return this.flatten().values()
  }
  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.flatten().entries()
  }

  /** A plain Map with the same entries: base order, changed values in place, new keys last. */
  flatten(): Map<K, V> {
    if (this.flat) return this.flat
    const flat = new Map<K, V>()
    for (const [k, v] of this.base) {
      const over = this.layer.get(k)
      if (over === undefined) flat.set(k, v)
      else if (over !== GONE) flat.set(k, over)
    }
    for (const [k, v] of this.layer) if (v !== GONE && !this.base.has(k)) flat.set(k, v)
    return (this.flat = flat)
  }
}
