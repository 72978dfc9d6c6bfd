/**
 * Parsing seeds on worker threads. Front matter, Markdown and sanitizing cost a few hundred
 * microseconds per article on one thread (tens of seconds at 100k articles); the work is per
 * file and pure, so it splits across cores. Jobs go out in batches, two batches in flight per
 * worker so that no worker waits for the main thread; results come back as v8-serialized
 * chunks (`onDone` is told the count so far, for progress).
 */
import { availableParallelism } from 'node:os'
import { deserialize } from 'node:v8'
import { Worker } from 'node:worker_threads'
import type { SeedJob, SeedJobResult } from '../seed/seed-job.js'
import type { WorkerBatch, WorkerRequest } from './parse-protocol.js'

/** Files per message: large enough that messaging is noise, small enough to balance the load. */
const BATCH = 200

/**
 * Young generation of a parse worker. Parsing allocates a lot of short-lived objects (YAML nodes,
 * Markdown tokens, HTML parser state); a larger nursery means fewer scavenges and fewer of them
 * promoted to the old generation only to die there.
 */
const YOUNG_MB = 64

/** Below this many files to parse, starting threads costs more than it saves. */
export const WORKER_MIN_FILES = 2000

/** Worker threads to use: one per core, at most 8. */
export function workerCount(): number {
  return Math.max(1, Math.min(8, availableParallelism()))
}

const BOOT = new URL('./worker-boot.mjs', import.meta.url)
const ENTRY = new URL(`./parse-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url)

/** Reads and parses `jobs` on `threads` workers; results in no particular order. */
export async function parseInWorkers(
  jobs: readonly SeedJob[],
  options: WorkerRequest['options'],
  threads: number,
  onDone?: (results: number) => void,
): Promise<SeedJobResult[]> {
  const workers = Array.from({ length: Math.min(threads, Math.ceil(jobs.length / BATCH)) }, () =>
    new Worker(BOOT, { workerData: { entry: ENTRY.href, options }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB } }),
  )
  const results: SeedJobResult[] = []
  let next = 0
  let id = 0
  try {
    await Promise.all(workers.map((worker) => new Promise<void>((resolve, reject) => {
      let inFlight = 0
      const send = () => {
        if (next >= jobs.length) {
          if (inFlight === 0) resolve()
          return
        }
        const batch = jobs.slice(next, next + BATCH)
        next += batch.length
        inFlight++
        const msg: WorkerBatch = { id: id++, jobs: batch }
        worker.postMessage(msg)
      }
      worker.on('message', (msg: { chunk: Uint8Array }) => {
        inFlight--
        const chunk = new Uint8Array(msg.chunk.buffer, msg.chunk.byteOffset, msg.chunk.byteLength)
        for (const r of deserialize(chunk) as SeedJobResult[]) results.push(r)
        onDone?.(results.length)
        send()
      })
      worker.once('error', reject)
      worker.once('exit', (code) => (next < jobs.length || inFlight > 0) && reject(new Error(`parse worker exited with code ${code}`)))
      send()
      send()
    })))
  } finally {
    await Promise.all(workers.map((w) => w.terminate()))
  }
  return results
}
