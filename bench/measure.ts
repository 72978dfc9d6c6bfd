/**
 * Runs a command as a child process and measures it: wall seconds, CPU seconds (user + system,
 * every thread and every descendant it waited for) and peak RSS. GNU time (`/usr/bin/time`,
 * Debian's `time` package) gives exact rusage; without it, /proc is polled (Linux), and on other
 * systems only the wall time is known. Every child is registered so that the benchmark can kill
 * it if it is interrupted.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface Usage {
  wallS: number
  /** undefined when neither GNU time nor /proc is available. */
  cpuS?: number
  peakRssMb?: number
}

export interface RunResult extends Usage {
  code: number | null
  stdout: string
  stderr: string
}

export interface RunOptions {
  cwd?: string
  env?: NodeJS.ProcessEnv
  /** Kill the child after this long (default 30 minutes): a hung child must not hang the bench. */
  timeoutMs?: number
}

const GNU_TIME = '/usr/bin/time'
const live = new Set<ChildProcess>()

/** Kill every child still running (on exit, on Ctrl-C). */
export function killChildren(): void {
  for (const child of live) {
    try {
      // Negative pid: the child's process group (it was spawned detached), so grandchildren go too.
      if (child.pid) process.kill(-child.pid, 'SIGKILL')
    } catch {
      child.kill('SIGKILL')
    }
  }
  live.clear()
}

/** Spawns a long-running child (a server) in its own process group, registered for cleanup. */
export function spawnTracked(cmd: string, args: readonly string[], opts: RunOptions = {}): ChildProcess {
  const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  live.add(child)
  child.once('exit', () => live.delete(child))
  return child
}

/** Runs `cmd args` to completion and measures it. Throws when it exits non-zero. */
export async function measure(cmd: string, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  const gnu = existsSync(GNU_TIME)
  const dir = gnu ? mkdtempSync(join(tmpdir(), 'feedstand-bench-time-')) : undefined
  const timeFile = dir && join(dir, 'time')
  const argv = timeFile ? [GNU_TIME, '-o', timeFile, '-f', '%e %U %S %M', cmd, ...args] : [cmd, ...args]
  const started = performance.now()
  const child = spawnTracked(argv[0]!, argv.slice(1), opts)
  const poll = !gnu && existsSync('/proc/self/status') ? pollProc(child.pid!) : undefined
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
  const timer = setTimeout(() => killChildren(), opts.timeoutMs ?? 30 * 60_000)
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve))
  clearTimeout(timer)
  const wallS = (performance.now() - started) / 1000
  poll?.stop()
  let usage: Usage = { wallS }
  if (timeFile && existsSync(timeFile)) {
    const last = readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? ''
    const [, user, sys, rssKb] = last.split(' ').map(Number)
    if (user !== undefined && sys !== undefined && rssKb !== undefined && Number.isFinite(rssKb)) {
      usage = { wallS, cpuS: user + sys, peakRssMb: rssKb / 1024 }
    }
  } else if (poll) {
    usage = { wallS, cpuS: poll.cpuS(), peakRssMb: poll.peakRssMb() }
  }
  if (dir) rmSync(dir, { recursive: true, force: true })
  if (code !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} exited with ${code}\n${stderr.slice(-2000)}`)
  }
  return { ...usage, code, stdout, stderr }
}

/** Samples /proc/<pid> every 20 ms: peak RSS (VmHWM) and CPU time up to the last sample. */
function pollProc(pid: number) {
  let peakKb = 0
  let ticks = 0
  const read = () => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8')
      const hwm = /VmHWM:\s+(\d+)/.exec(status)
      if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]))
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      // utime, stime, cutime, cstime are fields 14–17 of stat (11–14 after the command name).
      ticks = [11, 12, 13, 14].reduce((s, i) => s + Number(fields[i] ?? 0), 0)
    } catch {
      // The process has exited: keep the last sample.
    }
  }
  const timer = setInterval(read, 20)
  read()
  return {
    stop: () => clearInterval(timer),
    cpuS: () => ticks / 100,
    peakRssMb: () => peakKb / 1024,
  }
}

/** CPU seconds (user + system) a running process has used so far, from /proc (Linux); undefined elsewhere. */
export function processCpuS(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return undefined
  }
}

/** Current and peak RSS of a running process, from /proc (Linux); undefined elsewhere. */
export function processRss(pid: number): { rssMb: number; peakMb: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const rss = /VmRSS:\s+(\d+)/.exec(status)
    const hwm = /VmHWM:\s+(\d+)/.exec(status)
    if (!rss || !hwm) return undefined
    return { rssMb: Number(rss[1]) / 1024, peakMb: Number(hwm[1]) / 1024 }
  } catch {
    return undefined
  }
}
