/** A generated corpus for the view tests: seed texts with topics, quality and words (accented too) drawn from small sets, so views match often. */
import fc from 'fast-check'
import type { SeedText } from '../helpers/site.js'

export const TOPICS = ['AI', 'Chips', 'Énergie', 'Space', 'Health'] as const
export const SLUGS = ['ai', 'chips', 'energie', 'space', 'health'] as const
export const WORDS = ['Café', 'cafe', 'ROBOT', 'naïve', 'grid', 'Mars', 'marsh', 'chip'] as const

export interface GenArticle {
  day: number
  topics: string[]
  quality?: number
  title: string[]
  excerpt: string[]
}

export const genArticle: fc.Arbitrary<GenArticle> = fc.record(
  {
    day: fc.integer({ min: 0, max: 400 }),
    topics: fc.uniqueArray(fc.constantFrom(...TOPICS), { maxLength: 3 }),
    quality: fc.integer({ min: 0, max: 5 }),
    title: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }),
    excerpt: fc.array(fc.constantFrom(...WORDS), { maxLength: 3 }),
  },
  { requiredKeys: ['day', 'topics', 'title', 'excerpt'] },
)

export function seedsOf(articles: readonly GenArticle[]): SeedText[] {
  return articles.map((a, i) => ({
    file: `a${String(i).padStart(3, '0')}.md`,
    text: [
      '---',
      `title: ${JSON.stringify(`${a.title.join(' ')} ${i}`)}`,
      `publishedDateTime: ${new Date(Date.UTC(2024, 0, 1) + a.day * 3600_000).toISOString()}`,
      `webUrl: https://news.example/${i}`,
      `topics: ${JSON.stringify(a.topics)}`,
      ...(a.quality === undefined ? [] : [`quality: ${a.quality}`]),
      ...(a.excerpt.length ? [`excerpt: ${JSON.stringify(a.excerpt.join(' '))}`] : []),
      '---',
      '',
    ].join('\n'),
  }))
}
