/**
 * The one bounded-concurrency helper: reading seeds, writing files and pinging a hub each keep a
 * few operations in flight, never one per item (a flat folder holds 10⁵ of them).
 */

/**
 * Calls `fn` on every item of `items`, at most `limit` calls at a time, in the items' order of
 * start. `items` may be a lazy iterable (a generator of files still being rendered): it is read one
 * item at a time, as a slot frees. After the first failure no new call starts; the calls in
 * flight are waited for, then the first failure (of a call, or of the iterable) is thrown, so an error names its real cause
 * rather than what a cleanup raced into.
 *
 * @example await eachBounded(files, 16, (f) => writeFile(f.path, f.bytes))
 */
export async function eachBounded<T>(items: Iterable<T>, limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  const iterator = items[Symbol.iterator]()
  let failure: { err: unknown } | undefined
  const worker = async (): Promise<void> => {
    while (!failure) {
      try {
        // Inside the try: a lazy iterable that throws (a document failing to render) is a failure too.
        const next = iterator.next()
        if (next.done) return
        await fn(next.value)
      } catch (err) {
        failure ??= { err }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, limit) }, worker))
  if (failure) throw failure.err
}
