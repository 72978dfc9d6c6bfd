/**
 * Compression for the static build on worker threads. zlib's asynchronous API runs on libuv's
 * pool too, but drives every call through a stream on the main thread (a few hundred
 * microseconds of JavaScript per document, seconds per thousand); here the main thread only
 * posts the body and receives the result, and stays free to render and write. Same options as
 * `nodeCompressor`, so the same bytes.
 */
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { Encoding } from '../documents/document.js'
import { zlibOptions, type AsyncCompressor, type CompressionLevels } from './compress.js'

const ENTRY = new URL('./compress-worker.mjs', import.meta.url)

export interface CompressPool extends AsyncCompressor {
  close(): Promise<void>
}

/** `threads` compression workers (default one per core), each taking the next body when idle. */
export function compressPool(levels: CompressionLevels = {}, threads = Math.max(1, Math.min(8, availableParallelism()))): CompressPool {
  const options = zlibOptions(levels)
  const workers = Array.from({ length: threads }, () => new Worker(ENTRY))
  const load = workers.map(() => 0)
  const pending = new Map<number, { resolve: (b: Uint8Array) => void; reject: (e: unknown) => void; worker: number }>()
  let nextId = 0
  workers.forEach((w, i) => {
    w.on('message', ({ id, out }: { id: number; out: Uint8Array }) => {
      const p = pending.get(id)!
      pending.delete(id)
      load[i]!--
      p.resolve(out)
    })
    w.on('error', (err) => {
      for (const [id, p] of pending) if (p.worker === i) (pending.delete(id), p.reject(err))
    })
  })
  const run = (encoding: Encoding, body: Uint8Array, archival?: boolean) =>
    new Promise<Uint8Array>((resolve, reject) => {
      const i = load.indexOf(Math.min(...load))
      load[i]!++
      const id = nextId++
      pending.set(id, { resolve, reject, worker: i })
      const opts = encoding === 'gzip' ? options.gz(archival) : options.br(body, archival)
      workers[i]!.postMessage({ id, encoding, body, options: opts })
    })
  return {
    gzip: (body, archival) => run('gzip', body, archival),
    br: (body, archival) => run('br', body, archival),
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()))
    },
  }
}
