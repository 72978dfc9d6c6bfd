import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ConfigError, DEFAULTS, configFromEnv, resolveConfig } from '../../src/config.js'
import { parseCli } from '../../src/cli/args.js'
import { VERSION } from '../../src/version.js'

describe('config', () => {
  it('has defaults that serve the bundled seeds with no flags', () => {
    const c = resolveConfig()
    expect(c).toEqual(DEFAULTS)
    expect(c.seedsDir).toBe('seeds')
    expect(c.outDir).toBe('feeds')
    expect(c.port).toBe(3000)
    expect(c.baseUrl).toBe('http://localhost:3000')
    expect(c.maxItems).toBe(50)
  })

  it('layers file < environment < flags', () => {
    const file = { seeds: 'from-file', out: 'out-file', maxItems: 10, title: 'File title' }
    const env = configFromEnv({ FEEDSTAND_SEEDS: 'from-env', FEEDSTAND_MAX_ITEMS: '20', PORT: '8080' })
    const flags = parseCli(['build', '--seeds', 'from-flag']).flags
    const c = resolveConfig(file, env, flags)
    expect(c.seedsDir).toBe('from-flag')
    expect(c.outDir).toBe('out-file')
    expect(c.maxItems).toBe(20)
    expect(c.port).toBe(8080)
    expect(c.site.title).toBe('File title')
    // The base URL follows the port unless it is set.
    expect(c.baseUrl).toBe('http://localhost:8080')
  })

  it('FEEDSTAND_PORT wins over PORT', () => {
    expect(configFromEnv({ PORT: '1', FEEDSTAND_PORT: '2' }).port).toBe('2')
    expect(configFromEnv({ FEEDSTAND_PORT: '2', PORT: '1' }).port).toBe('2')
  })

  it('parses every documented flag', () => {
    const { command, flags } = parseCli([
      'serve', '--seeds', 's', '--out', 'o', '--port', '4000', '--base-url', 'https://news.example/feeds/',
      '--max-items', '7', '--only-published', '--no-watch', '--hub-url', 'https://hub.example/',
    ])
    const c = resolveConfig(flags)
    expect(command).toBe('serve')
    expect(c).toMatchObject({ seedsDir: 's', outDir: 'o', port: 4000, maxItems: 7, onlyPublished: true, watch: false, hubUrl: 'https://hub.example/' })
    expect(c.baseUrl).toBe('https://news.example/feeds')
  })

  it('names the setting and the bad value', () => {
    expect(() => resolveConfig({ maxItems: 'lots' })).toThrow(new ConfigError('maxItems: expected a whole number from 1 to 10000, got "lots"'))
    expect(() => resolveConfig({ baseUrl: 'ftp://x' })).toThrow(/baseUrl: "ftp:\/\/x" must be an http or https URL/)
    expect(() => resolveConfig({ onlyPublished: 'maybe' })).toThrow(/onlyPublished: expected true or false/)
    expect(() => resolveConfig({ language: 'english please' })).toThrow(/language/)
    expect(() => parseCli(['publish'])).toThrow(/unknown command "publish"/)
    expect(() => parseCli(['build', '--sedes', 'x'])).toThrow(/sedes/)
  })

  it('sizes archives apart from heads, and names a bad history setting and its values', () => {
    expect(resolveConfig({})).toMatchObject({ maxItems: 50, archiveSize: 250, history: 'archives', archiveEncodings: 'gzip' })
    expect(resolveConfig(configFromEnv({ FEEDSTAND_ARCHIVE_SIZE: '400', FEEDSTAND_HISTORY: 'none' }))).toMatchObject({ archiveSize: 400, history: 'none' })
    expect(() => resolveConfig({ history: 'pages' })).toThrow(new ConfigError('history: expected archives or none, got "pages"'))
    expect(() => resolveConfig({ archiveEncodings: 'br' })).toThrow(new ConfigError('archiveEncodings: expected gzip or gzip-only or all or none, got "br"'))
    expect(() => resolveConfig({ archiveSize: 0 })).toThrow(new ConfigError('archiveSize: expected a whole number from 1 to 100000, got 0'))
  })

  it('keeps the generator version equal to package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
    expect(VERSION).toBe(pkg.version)
  })
})
