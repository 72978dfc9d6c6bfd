/** Runs the real CLI in-process: runMain with argv, an environment and captured output lines. */
import { runMain } from '../../src/cli/run.js'

export interface CliRun {
  code: number
  out: string[]
  err: string[]
}

/**
 * `feedstand ...argv` with `env` (none of the caller's FEEDSTAND_*), to its exit code. `serve` and
 * `build --watch` run until `stopped` resolves: by default never, for runs expected to fail first.
 */
export async function runCli(argv: string[], env: Record<string, string> = {}, stopped: () => Promise<void> = () => new Promise(() => {})): Promise<CliRun> {
  const out: string[] = []
  const err: string[] = []
  const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l), now: () => Date.now() }
  const code = await runMain({ argv, env, io, stopped })
  return { code, out, err }
}
