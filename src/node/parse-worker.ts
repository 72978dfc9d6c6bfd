/**
 * A parse worker: reads seed files and turns them into outcomes, off the main thread. Results go
 * back as one v8-serialized buffer per batch (transferred, not copied), which the main thread
 * both deserializes and appends, as it is, to the persistent cache: the work is serialized once.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { serialize } from 'node:v8'
import { readSeed } from '../load/read-seeds.js'
import { hashSeed, processSeedHashed } from '../pipeline.js'
import type { ParseJob, ParseResult, WorkerRequest } from './parse-protocol.js'

const { options } = workerData as { options: WorkerRequest['options'] }
const port = parentPort!

port.on('message', (msg: { id: number; jobs: ParseJob[] }) => {
  void run(msg.jobs).then((results) => {
    const chunk = serialize(results)
    port.postMessage({ id: msg.id, chunk }, [chunk.buffer as ArrayBuffer])
  })
})

async function run(jobs: readonly ParseJob[]): Promise<ParseResult[]> {
  // Reads overlap with each other (the thread pool), parsing runs one at a time on this thread.
  const reads = jobs.map((job) => readSeed(job, options.maxFileBytes))
  const results: ParseResult[] = []
  for (const [i, job] of jobs.entries()) {
    const read = await reads[i]!
    if (!('bytes' in read)) {
      results.push({ file: job.file, size: job.size, mtimeMs: job.mtimeMs, outcome: { file: job.file, problems: [read] } })
      continue
    }
    const hash = hashSeed(read.bytes)
    const base = { file: job.file, size: read.size, mtimeMs: job.mtimeMs, hash }
    results.push(hash === job.knownHash ? { ...base, same: true } : { ...base, outcome: processSeedHashed(job.file, read.bytes, hash, options.normalize) })
  }
  return results
}
