/** Messages between the main thread and the parse workers. Types only. */
import type { SeedJob, SeedStepOptions } from '../seed/seed-job.js'

/** What a worker is started with. */
export interface WorkerRequest {
  options: SeedStepOptions
}

/** One batch of jobs for a worker; its answer is `{ id, chunk }`, the v8-serialized SeedJobResult[]. */
export interface WorkerBatch {
  id: number
  jobs: SeedJob[]
}
