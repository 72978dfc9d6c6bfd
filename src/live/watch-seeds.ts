/**
 * The file watcher (the only user of chokidar): reports which seed paths may have changed.
 * Events are hints, not facts: the reader stats each path when it settles and believes the disk,
 * so a missed, doubled or reordered event can delay an update but never publish a wrong one.
 *
 * Why chokidar and not `fs.watch(dir, { recursive: true })`: on Node 20 the recursive watcher
 * missed the delete of a file that had just been replaced by `sed -i` (write a temporary file,
 * rename it over); chokidar re-watches the new inode (test/live/watch.test.ts covers that case).
 */
import { watch, type FSWatcher } from 'chokidar'
import { relative, resolve } from 'node:path'
import { isSeedPath, toPosix } from '../load/read-seeds.js'

export interface WatchHandlers {
  /** A seed file (relative posix path) was added, changed or removed. */
  file(path: string): void
  /** A folder appeared or vanished: its files may have come or gone with it. */
  folder(path: string, kind: 'add' | 'remove'): void
  error(err: Error): void
}

export interface SeedWatcher {
  close(): Promise<void>
}

/** Starts watching `dir` recursively; resolves once the initial scan is done (events after that are reported). */
export async function watchSeeds(dir: string, on: WatchHandlers): Promise<SeedWatcher> {
  const root = resolve(dir)
  const rel = (p: string) => toPosix(relative(root, p))
  const watcher: FSWatcher = watch(root, {
    ignoreInitial: true,
    // Our own settling pairs unlink + add; chokidar's would delay every delete by 100 ms.
    atomic: false,
    // Hidden files and folders are never seeds (editor swap files, .git); files of other types neither.
    ignored: (p, stats) => {
      const r = rel(p)
      if (r === '') return false
      if (r.split('/').some((s) => s.startsWith('.'))) return true
      return stats?.isFile() === true && !isSeedPath(r)
    },
  })
  watcher.on('all', (event, p) => {
    const r = rel(p)
    if (event === 'addDir' || event === 'unlinkDir') {
      if (r !== '') on.folder(r, event === 'addDir' ? 'add' : 'remove')
    } else if (isSeedPath(r)) on.file(r)
  })
  watcher.on('error', (err) => on.error(explain(err)))
  await new Promise<void>((done, fail) => {
    watcher.once('ready', done)
    watcher.once('error', fail)
  })
  return { close: () => watcher.close() }
}

/** chokidar holds one inotify watch per file and folder on Linux: 100,000 seeds need 100,000 watches. */
function explain(err: unknown): Error {
  const e = err instanceof Error ? err : new Error(String(err))
  if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') return e
  return new Error(
    `${e.message}: the system's limit of watched files is reached, so changes to some seeds will be missed; ` +
      'raise it (Linux: sysctl fs.inotify.max_user_watches=524288) and restart',
  )
}
