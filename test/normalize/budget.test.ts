/**
 * YAML aliases: js-yaml 3 keeps an alias as a shared reference, so parsing a billion-laughs file
 * is cheap; the danger is whoever walks the data afterwards. The budget walk stops early.
 */
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { NODE_BUDGET } from '../../src/normalize/normalize-article.js'
import { overBudget } from '../../src/normalize/schema.js'
import { processSeed } from '../../src/seed/process-seed.js'

const run = promisify(execFile)
const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const OPTS = { maxExcerptLength: 2000, nowMs: Date.UTC(2026, 0, 1) }

function laughs(levels: number): string {
  let yaml = 'l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
  for (let i = 1; i < levels; i++) yaml += `l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]\n`
  return `---\ntitle: Laughs\npublishedDateTime: 2024-03-13T00:59:00Z\nwebUrl: https://example.com/lol\n${yaml}topics: *l${levels - 1}\n---\n`
}

describe('overBudget', () => {
  it('counts every use of a shared value, and stops at the budget', () => {
    const leaf = ['x', 'y']
    const wide = Array(1000).fill(leaf)
    expect(overBudget({ a: wide }, { nodes: 5000, chars: 1e9 })).toBeUndefined()
    expect(overBudget({ a: wide, b: wide, c: wide }, { nodes: 5000, chars: 1e9 })).toBe('nodes')
    expect(overBudget({ a: Array(100).fill('z'.repeat(100)) }, { nodes: 1e9, chars: 5000 })).toBe('chars')
  })

  it('ends on a value that contains itself', () => {
    const loop: unknown[] = []
    loop.push(loop, loop)
    expect(overBudget({ loop }, { nodes: 1000, chars: 1000 })).toBe('nodes')
  })

  it('never pushes more than the budget, however wide a list reached through aliases is', () => {
    const wide = Array(100_000).fill(0)
    // 100,000 references to a 100,000-wide list: 10^10 values if walked.
    expect(overBudget(Array(100_000).fill(wide), { nodes: NODE_BUDGET, chars: 1e9 })).toBe('nodes')
  })
})

describe('billion laughs', () => {
  it('is refused as too-complex, and a plain seed of the same shape is not', async () => {
    const bad = processSeed('lol.md', new TextEncoder().encode(laughs(9)), OPTS)
    expect(bad.article).toBeUndefined()
    expect(bad.problems).toMatchObject([{ code: 'too-complex', severity: 'error' }])
    const fixture = processSeed('billion-laughs.md', await readFile(new URL('../fixtures/bad/billion-laughs.md', import.meta.url)), OPTS)
    expect(fixture.problems.map((p) => p.code)).toEqual(['too-complex'])
    expect(processSeed('ok.md', new TextEncoder().encode(laughs(1)), OPTS).article?.topics.map((t) => t.slug)).toEqual(['lol'])
  })

  it('is refused within a 40 MB heap, even at 10^10 values (child process)', async () => {
    const script = `
      const { processSeed } = await import('./src/seed/process-seed.ts')
      const text = process.env.LAUGHS
      const o = processSeed('lol.md', new TextEncoder().encode(text), { maxExcerptLength: 2000, nowMs: Date.now() })
      process.stdout.write(JSON.stringify(o.problems.map((p) => p.code)))`
    const { stdout } = await run(process.execPath, ['--max-old-space-size=40', '--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT, env: { ...process.env, LAUGHS: laughs(10) }, timeout: 60_000,
    })
    expect(JSON.parse(stdout)).toEqual(['too-complex'])
  })
})

describe('long plain lists (issue 15, finding 10)', () => {
  const seed = (lists: string) => `---\ntitle: Many\npublishedDateTime: 2024-03-13T00:59:00Z\nwebUrl: https://example.com/many\n${lists}---\n`
  const block = (key: string, n: number, entry: (i: number) => string) => `${key}:\n${Array.from({ length: n }, (_, i) => `  - ${entry(i)}\n`).join('')}`

  it('10,000 images, topics or related entries are cut to the first 50 with list-truncated, not refused', () => {
    const text = seed(
      block('images', 10_000, (i) => `{ url: "https://example.com/i/${i}.jpg", width: 800, height: 600 }`) +
        block('topics', 10_000, (i) => `Topic ${i}`) +
        block('related', 10_000, (i) => `{ title: "R ${i}", webUrl: "https://example.com/r/${i}" }`),
    )
    const o = processSeed('many.md', new TextEncoder().encode(text), OPTS)
    expect(o.problems.map((p) => `${p.code}: ${p.message}`)).toEqual([
      'list-truncated: images has 10000 entries; only the first 50 are kept',
      'list-truncated: related has 10000 entries; only the first 50 are kept',
      'list-truncated: topics has 10000 entries; only the first 50 are kept',
    ])
    expect([o.article?.images.length, o.article?.topics.length, o.article?.related.length]).toEqual([50, 50, 50])
    expect(o.article?.images[49]?.url).toBe('https://example.com/i/49.jpg')
  })

  it('while the same count reached through aliases is still too-complex', () => {
    const wide = `wide: &w [${Array(100).fill('1').join(', ')}]\n`
    const text = seed(`${wide}images: [${Array(1000).fill('*w').join(', ')}]\n`)
    const o = processSeed('aliased.md', new TextEncoder().encode(text), OPTS)
    expect(o.article).toBeUndefined()
    expect(o.problems).toMatchObject([{ code: 'too-complex', message: expect.stringMatching(/more than 20000 values beyond what its \d+ characters can hold \(YAML aliases/) }])
  })
})
