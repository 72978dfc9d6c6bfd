/**
 * Documents loaded from the assets, kept per isolate up to a number of bytes (not of entries: an
 * archive can be megabytes, a head kilobytes, and an isolate has 128 MB). Oldest use goes first.
 */
export class ByteCache<V> {
  private readonly map = new Map<string, { value: V; bytes: number }>()
  private total = 0

  constructor(private readonly maxBytes: number) {}

  get(key: string): V | undefined {
    const hit = this.map.get(key)
    if (!hit) return undefined
    this.map.delete(key)
    this.map.set(key, hit)
    return hit.value
  }

  set(key: string, value: V, bytes: number): void {
    const old = this.map.get(key)
    if (old) {
      this.total -= old.bytes
      this.map.delete(key)
    }
    this.map.set(key, { value, bytes })
    this.total += bytes
    for (const [k, v] of this.map) {
      // The newest entry stays even when it alone is over the bound: the request needs it.
      if (this.total <= this.maxBytes || k === key) break
      this.map.delete(k)
      this.total -= v.bytes
    }
  }
}
