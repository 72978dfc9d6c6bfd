// A compression thread for the static build: runs zlib synchronously on bodies posted to it, with
// the options the main thread computed (src/node/compress.ts), so the bytes are those of
// nodeCompressor. Plain JavaScript with no imports of ours: it starts in milliseconds, without tsx.
import { parentPort } from 'node:worker_threads'
import { brotliCompressSync, gzipSync } from 'node:zlib'

parentPort.on('message', ({ id, encoding, body, options }) => {
  const out = encoding === 'gzip' ? gzipSync(body, options) : brotliCompressSync(body, options)
  // A small result may be a slice of Node's shared buffer pool, which must not be transferred.
  const own = out.byteOffset === 0 && out.byteLength === out.buffer.byteLength ? out : Uint8Array.prototype.slice.call(out)
  parentPort.postMessage({ id, out: own }, [own.buffer])
})
