import { describe, expect, it } from 'vitest'
import { LayeredMap } from '../../src/catalog/layered-map.js'

describe('LayeredMap', () => {
  it('reads through its layer, leaves earlier maps untouched, and folds when the layer grows', () => {
    const base = new Map<number, string>(Array.from({ length: 2000 }, (_, i) => [i, `v${i}`] as const))
    const model = new Map<number, string>(base)
    const versions: { map: ReadonlyMap<number, string>; copy: Map<number, string> }[] = []
    let map: ReadonlyMap<number, string> = base
    for (let step = 0; step < 400; step++) {
      const changes = new Map<number, string | undefined>()
      for (let k = 0; k < 5; k++) {
        const key = (step * 37 + k * 101) % 2500
        const value = (step + k) % 3 === 0 ? undefined : `s${step}-${k}`
        changes.set(key, value)
      }
      for (const [k, v] of changes) v === undefined ? model.delete(k) : model.set(k, v)
      map = LayeredMap.with(map, changes)
      versions.push({ map, copy: new Map(model) })
    }
    for (const { map: m, copy } of versions.slice(-50).concat(versions.slice(0, 20))) {
      expect(m.size).toBe(copy.size)
      expect(new Map(m)).toEqual(copy)
      for (const key of [0, 1, 37, 101, 2001, 2499, 3000]) {
        expect(m.get(key)).toBe(copy.get(key))
        expect(m.has(key)).toBe(copy.has(key))
      }
    }
    expect(base.size).toBe(2000)
    expect(base.get(0)).toBe('v0')
  })
})
