/**
 * The floor: list the seeds folder and read every file's bytes, nothing else, with the same
 * kind of bounded parallel reads a loader would use. Whatever a build does beyond this is the
 * cost of parsing, rendering and writing.
 */
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'

export interface FloorResult {
  wallS: number
  cpuS: number
  files: number
  bytes: number
}

/** Reads every file under `dir` once; best of `rounds` runs (the floor is the fastest it can be). */
export async function measureFloor(dir: string, rounds = 3): Promise<FloorResult> {
  let best: FloorResult | undefined
  for (let i = 0; i < rounds; i++) {
    const r = await readAll(dir)
    if (!best || r.wallS < best.wallS) best = r
  }
  return best!
}

async function readAll(dir: string): Promise<FloorResult> {
  const cpu = process.cpuUsage()
  const started = performance.now()
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const paths = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
  let next = 0
  let bytes = 0
  const worker = async () => {
    for (let p = paths[next++]; p !== undefined; p = paths[next++]) bytes += (await readFile(p)).byteLength
  }
  await Promise.all(Array.from({ length: 64 }, worker))
  const used = process.cpuUsage(cpu)
  return { wallS: (performance.now() - started) / 1000, cpuS: (used.user + used.system) / 1e6, files: paths.length, bytes }
}
