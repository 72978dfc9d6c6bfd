/**
 * A parse worker: reads seed files and turns them into outcomes, off the main thread. Results go
 * back as one v8-serialized buffer per batch (transferred, not copied), which the main thread
 * both deserializes and appends, as it is, to the persistent cache: the work is serialized once.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { serialize } from 'node:v8'
import { readSeed, type SeedBytes } from '../load/read-seeds.js'
import { readSeedSync } from '../load/read-seed-sync.js'
import { ok } from '../problems/result.js'
import type { Result } from '../types.js'
import { runSeedJob, type SeedJob, type SeedJobResult } from '../seed/seed-job.js'
import type { WorkerBatch, WorkerRequest } from './parse-protocol.js'

const { options } = workerData as { options: WorkerRequest['options'] }
const port = parentPort!

port.on('message', (msg: WorkerBatch) => {
  void run(msg.jobs).then((results) => {
    const chunk = serialize(results)
    port.postMessage({ id: msg.id, chunk }, [chunk.buffer as ArrayBuffer])
  })
})

async function run(jobs: readonly SeedJob[]): Promise<SeedJobResult[]> {
  const results: SeedJobResult[] = []
  for (const job of jobs) {
    results.push(runSeedJob(job, readFast(job) ?? (await readSeed(job, options.maxFileBytes)), options.normalize))
  }
  return results
}

/**
 * The common case of `readSeed` without its promises (read-seed-sync.ts). Any case with a problem
 * to report (too large, unreadable, not a regular file) is left to `readSeed`, whose words they are.
 */
function readFast(job: SeedJob): Result<SeedBytes> | undefined {
  if (job.size > options.maxFileBytes) return undefined
  const bytes = readSeedSync(job.abs, options.maxFileBytes)
  return bytes && ok({ file: job.file, bytes, size: bytes.byteLength, mtimeMs: job.mtimeMs })
}
