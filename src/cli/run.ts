/**
 * `feedstand build | serve | check | help`, with everything from the outside handed in (argv, the
 * environment, output lines, the stop signal): main.ts passes the process's, tests their own.
 * Every expected failure ends here as one line on stderr and an exit code; only bugs show a stack.
 */
import { existsSync, readFileSync } from 'node:fs'
import { ConfigError, configFromEnv, resolveConfig, type Config, type RawConfig } from '../config.js'
import { VERSION } from '../version.js'
import { UsageError, parseCli, type ParsedArgs } from './args.js'
import { baseUrlWarning } from './base-url-warning.js'
import { runBuild, runBuildWatch } from './build.js'
import { runCheck } from './check.js'
import { helpText } from './help.js'
import type { Io } from './io.js'
import { describeListenError } from './listen-error.js'
import { runServe } from './serve.js'

const DEFAULT_CONFIG_FILE = 'feedstand.config.json'

export interface CliContext {
  argv: readonly string[]
  env: Record<string, string | undefined>
  io: Io
  /** Resolves when the process is asked to stop (SIGINT, SIGTERM): `serve` and `build --watch` run until then. */
  stopped: () => Promise<void>
}

/** Runs one command line to its exit code: 0 ok, 1 failed (seed errors, a port in use), 2 usage or config error. */
export async function runMain(ctx: CliContext): Promise<number> {
  const { io } = ctx
  try {
    return await run(parseCli(ctx.argv), ctx)
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`feedstand: ${err.message}; see "feedstand help${err.command ? ` ${err.command}` : ''}"`)
      return 2
    }
    if (err instanceof ConfigError) {
      io.err(`feedstand: ${err.message}`)
      return 2
    }
    throw err
  }
}

async function run(args: ParsedArgs, ctx: CliContext): Promise<number> {
  const { io } = ctx
  if (args.version) {
    io.out(VERSION)
    return 0
  }
  if (args.help) {
    io.out(helpText(args.command))
    return 0
  }
  if (!args.command) {
    io.err(helpText())
    return 2
  }
  const layers = [readConfigFile(args.configFile), configFromEnv(ctx.env), args.flags]
  const config = resolveConfig(...layers)
  switch (args.command) {
    case 'check':
      return runCheck(config, io, { json: args.json })
    case 'build': {
      const warning = baseUrlWarning(layers, config)
      // Only an explicit --watch: config.watch defaults to true for serve.
      if (args.flags.watch !== true) {
        const code = await runBuild(config, io)
        // After the build's own lines, where it is seen even below a long list of seed problems.
        if (warning) io.err(`feedstand: ${warning}`)
        return code
      }
      const watching = await runBuildWatch(config, io)
      if (warning) io.err(`feedstand: ${warning}`)
      await ctx.stopped()
      await watching.close()
      return 0
    }
    case 'serve':
      return serve(config, ctx)
  }
}

async function serve(config: Config, ctx: CliContext): Promise<number> {
  let server
  try {
    server = await runServe(config, ctx.io)
  } catch (err) {
    const line = describeListenError(err, config)
    if (!line) throw err
    ctx.io.err(`feedstand: ${line}`)
    return 1
  }
  await ctx.stopped()
  await server.close()
  return 0
}

function readConfigFile(path: string | undefined): RawConfig {
  const file = path ?? (existsSync(DEFAULT_CONFIG_FILE) ? DEFAULT_CONFIG_FILE : undefined)
  if (!file) return {}
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'))
  } catch (err) {
    throw new ConfigError(`${file}: ${(err as Error).message}`)
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(`${file}: must hold a JSON object`)
  return raw as RawConfig
}
