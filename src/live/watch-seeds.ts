/**
 * The file watcher (the only user of @parcel/watcher): reports which paths under the seeds folder
 * may have changed. Events are hints, not facts: the reader lstats each path when it settles and
 * believes the disk, so a missed, doubled or reordered event can delay an update but never
 * publish a wrong one.
 *
 * Why @parcel/watcher: its inotify backend holds one watch per folder, not per file. Measured here
 * on one flat folder of 100,000 seeds: subscribed in 0.34 s at 72 MB RSS, each new file reported
 * in ~51 ms (its own 50 ms debounce); chokidar held a watch per file (~670 MB RSS) and took 4 s to
 * report a new file. Node's recursive `fs.watch` missed the delete of a file just replaced by
 * `sed -i` (test/live/live-site.test.ts covers that case).
 *
 * Its one gap, found here: when a folder appears, parcel watches that folder but not the folders
 * already inside it (a folder moved in, `mkdir -p a/b`), and files written into it before its watch
 * was added are not reported. So the follower scans every new folder itself and calls `addFolder`
 * first, which subscribes to that folder on its own (parcel then walks and watches all of it).
 */
import watcher, { type AsyncSubscription, type Event } from '@parcel/watcher'
import { relative, resolve } from 'node:path'
import { toPosix } from '../load/read-seeds.js'

export type WatchEventKind = Event['type']

export interface WatchHandlers {
  /** Something happened at `path` (relative, posix): a seed, a folder or any other entry. */
  event(path: string, kind: WatchEventKind): void
  error(err: Error): void
}

export interface SeedWatcher {
  /** Watches the new folder `path` (relative) and everything in it; resolves once that holds. */
  addFolder(path: string): Promise<void>
  /** Drops the extra watches of `path` and of the folders under it (they are gone). */
  dropFolder(path: string): Promise<void>
  close(): Promise<void>
}

/** Hidden files and folders are never seeds (editor swap files, .git): parcel need not watch them. */
const IGNORE = ['**/.*']

/** Starts watching `dir` recursively; resolves once the watch is in place (events after that are reported). */
export async function watchSeeds(dir: string, on: WatchHandlers): Promise<SeedWatcher> {
  const root = resolve(dir)
  const callback = (err: Error | null, events: Event[]) => {
    if (err) return on.error(explain(err))
    for (const e of events) {
      const rel = toPosix(relative(root, e.path))
      if (rel !== '' && !rel.startsWith('..')) on.event(rel, e.type)
    }
  }
  const main = await watcher.subscribe(root, callback, { ignore: IGNORE })
  const extra = new Map<string, Promise<AsyncSubscription | undefined>>()
  const unsubscribe = async (sub: Promise<AsyncSubscription | undefined>) => {
    await (await sub)?.unsubscribe().catch(() => undefined)
  }
  return {
    async addFolder(path) {
      if (extra.has(path)) return void (await extra.get(path))
      // A folder that vanished or cannot be read meanwhile: nothing to watch (its files are read, and reported, by the scan).
      const sub = watcher.subscribe(resolve(root, path), callback, { ignore: IGNORE }).catch(() => undefined)
      extra.set(path, sub)
      await sub
    },
    async dropFolder(path) {
      const gone = [...extra.keys()].filter((p) => p === path || p.startsWith(path + '/'))
      await Promise.all(gone.map((p) => {
        const sub = extra.get(p)!
        extra.delete(p)
        return unsubscribe(sub)
      }))
    },
    async close() {
      await Promise.all([main.unsubscribe(), ...[...extra.values()].map(unsubscribe)])
      extra.clear()
    },
  }
}

/** inotify watches are per folder now: only a tree of very many folders can reach the limit. */
function explain(err: Error): Error {
  if (!/ENOSPC|no space left|inotify/i.test(err.message)) return err
  return new Error(
    `${err.message}: the system's limit of inotify watches (one per watched folder) is reached, so changes in some folders will be missed; ` +
      'raise it (Linux: sysctl fs.inotify.max_user_watches=524288) and restart',
  )
}
