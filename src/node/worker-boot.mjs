// Entry of Feedstand's worker threads. A worker does not inherit the loader hooks the main
// thread may have registered (bin/feedstand.js registers tsx), so when the worker's module is
// TypeScript, tsx is registered here first. Plain JavaScript in a build would load as it is.
import { workerData } from 'node:worker_threads'

if (workerData.entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api')
  register()
}
await import(workerData.entry)
