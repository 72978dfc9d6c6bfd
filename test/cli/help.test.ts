/** `feedstand help [command]` and `--help`/`-h`, through runMain; checked against the tables it is written from. */
import { describe, expect, it } from 'vitest'
import { parseCli } from '../../src/cli/args.js'
import { COMMANDS, FLAGS } from '../../src/cli/flags.js'
import { DEFAULTS, ENV_VARS, configFromEnv, resolveConfig } from '../../src/config.js'
import { runCli } from './run-cli.js'

describe('feedstand help', () => {
  it('`help`, `--help` and `-h` print the overview to stdout and exit 0', async () => {
    const runs = await Promise.all([runCli(['help']), runCli(['--help']), runCli(['-h'])])
    for (const run of runs) expect(run).toEqual(runs[0])
    const [help] = runs
    expect(help!.code).toBe(0)
    const text = help!.out.join('\n')
    expect(text).toMatch(/^Usage: feedstand <command> \[options\]/)
    for (const c of [...COMMANDS, 'help']) expect(text).toMatch(new RegExp(`^  ${c} +\\S`, 'm'))
  })

  it('without a command prints the overview to stderr and exits 2, as before', async () => {
    const run = await runCli([])
    expect(run.code).toBe(2)
    expect(run.out).toEqual([])
    expect(run.err.join('\n')).toMatch(/^Usage: feedstand <command>/)
  })

  it.each(COMMANDS)('`help %s`, `%s --help` and `%s -h` print the same usage', async (command) => {
    const runs = await Promise.all([runCli(['help', command]), runCli([command, '--help']), runCli([command, '-h'])])
    for (const run of runs) expect(run).toEqual(runs[0])
    expect(runs[0]!.code).toBe(0)
    expect(runs[0]!.out.join('\n')).toMatch(new RegExp(`^Usage: feedstand ${command} \\[options\\]`))
  })

  it('lists each flag of the command with its default, every environment variable and the config key', async () => {
    for (const command of COMMANDS) {
      const text = (await runCli(['help', command])).out.join('\n')
      for (const flag of FLAGS) {
        const listed = new RegExp(`^  (-\\w, )?--${flag.name}\\b`, 'm').test(text)
        expect(listed, `${command} --${flag.name}`).toBe(flag.commands.includes(command))
      }
    }
    const serve = (await runCli(['help', 'serve'])).out.join('\n')
    expect(serve).toMatch(/^  --port N +port to listen on.*\n +default: 3000; env: FEEDSTAND_PORT, PORT; config: port$/m)
    expect(serve).toMatch(/^  --host HOST .*\n +default: 127\.0\.0\.1; env: FEEDSTAND_HOST, HOST; config: host$/m)
    const build = (await runCli(['help', 'build'])).out.join('\n')
    expect(build).toMatch(/^  --base-url URL .*\n +default: http:\/\/localhost:\{port\}; env: FEEDSTAND_BASE_URL; config: baseUrl$/m)
    expect(build).toMatch(/^  --out DIR .*\n +default: feeds; env: FEEDSTAND_OUT; config: out$/m)
  })

  it('shows every environment variable config.ts reads, under a flag that sets the same key', async () => {
    const all = (await Promise.all(COMMANDS.map((c) => runCli(['help', c])))).map((r) => r.out.join('\n')).join('\n')
    for (const [name, key] of Object.entries(ENV_VARS)) {
      expect(all, name).toContain(name)
      expect(FLAGS.some((f) => f.key === key), name).toBe(true)
    }
  })

  it('each flag sets the config key it names: the parser, the environment and the help share one table', () => {
    const samples: Record<string, string> = { N: '7', URL: 'https://x.example/', DIR: 'd', HOST: '0.0.0.0', TEXT: 't', TAG: 'de', FILE: 'f.json', 'archives|none': 'none', 'gzip|gzip-only|all|none': 'none', KINDS: 'topics' }
    for (const flag of FLAGS.filter((f) => f.key)) {
      const argv = flag.value ? [`--${flag.name}`, samples[flag.value]!] : [`--${flag.name}`]
      const { flags } = parseCli(['build', ...argv])
      expect(Object.keys(flags), flag.name).toEqual([flag.key])
      const env = Object.entries(ENV_VARS).find(([, key]) => key === flag.key)
      if (env && !flag.negates) expect(Object.keys(configFromEnv({ [env[0]]: String(flags[flag.key!]) }))).toEqual([flag.key])
      // resolveConfig reads it (a key it did not read would leave the config at the defaults; --watch is the default).
      if (flag.name !== 'watch') expect(resolveConfig(flags), flag.name).not.toEqual(DEFAULTS)
    }
  })
})
