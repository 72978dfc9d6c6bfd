/**
 * Servers in child processes on 127.0.0.1: the real `feedstand serve` (live watch on, as users
 * run it) and the ceiling (bench/child/ceiling-server.ts). Each prints its URL on stderr once it
 * listens; we wait for that line, bounded, and kill the process group when done.
 */
import type { ChildProcess } from 'node:child_process'
import { processRss, spawnTracked } from './measure.js'

export interface Server {
  url: string
  pid: number
  /** Seconds from spawn to listening (for feedstand: load + parse + warm every head). */
  readyS: number
  stderr(): string
  rss(): { rssMb: number; peakMb: number } | undefined
  stop(): Promise<void>
}

const LISTENING = /on (http:\/\/\S+?)[\s]/

/** Spawns `cmd args` and resolves once a stderr line names the URL it listens on. */
export function startServer(cmd: string, args: readonly string[], opts: { cwd?: string; timeoutMs?: number } = {}): Promise<Server> {
  const started = performance.now()
  const child = spawnTracked(cmd, args, opts.cwd === undefined ? {} : { cwd: opts.cwd })
  let log = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`server did not start within ${opts.timeoutMs ?? 600_000} ms\n${log.slice(-2000)}`)), opts.timeoutMs ?? 600_000)
    const fail = (err: Error) => {
      clearTimeout(timer)
      void stop(child).then(() => reject(err))
    }
    const onEarlyExit = (code: number | null) => fail(new Error(`server exited with ${code} before listening\n${log.slice(-2000)}`))
    child.once('exit', onEarlyExit)
    child.stdout!.on('data', (d: Buffer) => (log += d.toString()))
    let listening = false
    child.stderr!.on('data', (d: Buffer) => {
      log += d.toString()
      const m = listening ? null : LISTENING.exec(log)
      if (!m) return
      listening = true
      clearTimeout(timer)
      child.off('exit', onEarlyExit)
      resolve({
        url: m[1]!,
        pid: child.pid!,
        readyS: (performance.now() - started) / 1000,
        stderr: () => log,
        rss: () => processRss(child.pid!),
        stop: () => stop(child),
      })
    })
  })
}

/** SIGTERM (graceful), then SIGKILL after 5 s. */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const kill = setTimeout(() => signal(child, 'SIGKILL'), 5000)
    child.once('exit', () => {
      clearTimeout(kill)
      resolve()
    })
    signal(child, 'SIGTERM')
  })
}

function signal(child: ChildProcess, sig: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, sig)
  } catch {
    child.kill(sig)
  }
}
