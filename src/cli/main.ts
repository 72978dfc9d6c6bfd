/**
 * Entry point: `feedstand build | serve | check`. The only file that touches `process`:
 * it reads argv, the environment and the config file, and maps results to exit codes.
 */
import { existsSync, readFileSync } from 'node:fs'
import { ConfigError, configFromEnv, resolveConfig, type RawConfig } from '../config.js'
import { VERSION } from '../version.js'
import { USAGE, UsageError, parseCli } from './args.js'
import { runBuild, runBuildWatch } from './build.js'
import { runCheck } from './check.js'
import type { Io } from './io.js'
import { runServe } from './serve.js'

const DEFAULT_CONFIG_FILE = 'feedstand.config.json'

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

/** Resolves on the first SIGINT or SIGTERM. */
function untilSignal(io: Io): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      io.err('Shutting down')
      resolve()
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
}

async function main(argv: string[]): Promise<number> {
  const io: Io = {
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
    now: () => Date.now(),
  }
  const args = parseCli(argv)
  if (args.version) {
    io.out(VERSION)
    return 0
  }
  if (args.help || !args.command) {
    ;(args.help ? io.out : io.err)(USAGE)
    return args.help ? 0 : 2
  }
  const config = resolveConfig(readConfigFile(args.configFile), configFromEnv(process.env), args.flags)
  switch (args.command) {
    case 'check':
      return runCheck(config, io, { json: args.json })
    case 'build': {
      // Only an explicit --watch: config.watch defaults to true for serve.
      if (args.flags.watch !== true) return runBuild(config, io)
      const watching = await runBuildWatch(config, io)
      await untilSignal(io)
      await watching.close()
      return 0
    }
    case 'serve': {
      const server = await runServe(config, io)
      await new Promise<void>((resolve) => {
        const stop = () => {
          io.err('Shutting down')
          void server.close().then(resolve)
        }
        process.once('SIGINT', stop)
        process.once('SIGTERM', stop)
      })
      return 0
    }
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    if (err instanceof UsageError || err instanceof ConfigError) {
      process.stderr.write(`feedstand: ${err.message}\n${err instanceof UsageError ? '\n' + USAGE : ''}`)
      process.exitCode = 2
    } else {
      process.stderr.write(`feedstand: ${(err as Error).stack ?? String(err)}\n`)
      process.exitCode = 1
    }
  },
)
