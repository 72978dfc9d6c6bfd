/**
 * Entry point of the `feedstand` command (dist/cli/main.js in the package, src/cli/main.ts under
 * tsx). The only file that touches `process`: it hands argv, the environment, stdout/stderr and
 * the stop signals to runMain and turns its result into the exit code.
 */
import type { Io } from './io.js'
import { runMain } from './run.js'

const io: Io = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  now: () => Date.now(),
  // One line redrawn in place (\r, then erase to the end of the line), on a terminal only.
  ...(process.stderr.isTTY && { progress: (line: string) => process.stderr.write(`\r\x1b[K${line}`) }),
}

/** Resolves on the first SIGINT or SIGTERM. */
function stopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      io.err('Shutting down')
      resolve()
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
}

runMain({ argv: process.argv.slice(2), env: process.env, io, stopped }).then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    process.stderr.write(`feedstand: ${(err as Error).stack ?? String(err)}\n`)
    process.exitCode = 1
  },
)
