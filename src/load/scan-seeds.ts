/**
 * Which entries under the seeds folder are seeds, and which are skipped and why: the symlink rule
 * (issue 15 #7), shared by the initial listing and by live events (src/live/read-changes.ts).
 *
 * - Real folders are walked; a symbolic link to a folder is never followed (a link back to its
 *   parent walked 40 levels, and the copies won `duplicate-id` over the originals).
 * - A symbolic link to a file is read only when its real path is inside the seeds folder, so a
 *   link cannot publish a file from elsewhere on the machine.
 * - Every entry that could be a seed or hold seeds and is skipped — a link to a folder, a link out
 *   of the tree, a dangling link, a loop of links, a FIFO, socket or device with a seed's name, a
 *   folder that cannot be listed — is reported as a warning, never dropped silently.
 * - Nothing here opens a file, so a FIFO cannot block the listing.
 */
import type { Dirent, Stats } from 'node:fs'
import { lstat, readdir, realpath, stat } from 'node:fs/promises'
import { join, sep } from 'node:path'
import { ConfigError } from '../config.js'
import type { Problem } from '../types.js'
import { isSeedPath, type SeedEntry } from './read-seeds.js'

export interface SeedScan {
  /** Seeds to read, sorted by path. */
  entries: SeedEntry[]
  /** One warning per skipped entry, sorted by path. */
  skipped: Problem[]
}

/**
 * Walks the seeds folder `dir`, or only its subfolder `under` (relative, posix; paths stay relative
 * to `dir`). A missing or unreadable seeds folder is a ConfigError: nothing can be served.
 */
export async function scanSeeds(dir: string, under = ''): Promise<SeedScan> {
  const scan: SeedScan = { entries: [], skipped: [] }
  const root = await seedsRoot(dir)
  try {
    await walk(dir, under, root, scan, under === '')
  } catch (err) {
    throw seedsFolderError(dir, err)
  }
  const byFile = (a: { file: string }, b: { file: string }) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)
  scan.entries.sort(byFile)
  scan.skipped.sort(byFile)
  return scan
}

/** The real path of the seeds folder, or a ConfigError saying why there is nothing to serve. */
export async function seedsRoot(dir: string): Promise<string> {
  try {
    const root = await realpath(dir)
    if (!(await stat(root)).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' })
    return root
  } catch (err) {
    throw seedsFolderError(dir, err)
  }
}

function seedsFolderError(dir: string, err: unknown): unknown {
  const code = (err as NodeJS.ErrnoException).code
  // A missing seeds folder is a setting to fix (exit 2 with one line), not a crash with a stack.
  if (code === 'ENOENT' || code === 'ENOTDIR') return new ConfigError(`seeds folder "${dir}" does not exist or is not a folder`)
  if (code === 'EACCES' || code === 'EPERM') return new ConfigError(`seeds folder "${dir}" cannot be read: ${(err as Error).message}`)
  return err
}

async function walk(dir: string, rel: string, root: string, scan: SeedScan, top = false): Promise<void> {
  let dirents: Dirent[]
  try {
    dirents = await readdir(join(dir, rel), { withFileTypes: true })
  } catch (err) {
    if (top) throw err
    scan.skipped.push(skip(rel, 'unreadable-folder', `folder cannot be listed, its seeds are not read: ${(err as Error).message}`))
    return
  }
  const sub: Promise<void>[] = []
  for (const d of dirents) {
    if (d.name.startsWith('.')) continue
    const file = rel === '' ? d.name : `${rel}/${d.name}`
    if (d.isDirectory()) sub.push(walk(dir, file, root, scan))
    // The common case needs no lstat to be ruled out: a regular file that is not named like a seed.
    else if (!(d.isFile() && !isSeedPath(file))) sub.push(classifyEntry(dir, root, file).then((r) => collect(scan, r)))
  }
  await Promise.all(sub)
}

function collect(scan: SeedScan, r: SeedEntry | Problem | 'folder' | undefined): void {
  if (r === undefined || r === 'folder') return
  if ('code' in r) scan.skipped.push(r)
  else scan.entries.push(r)
}

/**
 * One entry, relative to `dir` (whose real path is `root`): a seed to read (a symlinked one by its
 * real path), a skipped entry's warning, `'folder'` for a real folder, or undefined when it is no
 * seed at all (another extension, or gone).
 */
export async function classifyEntry(dir: string, root: string, file: string): Promise<SeedEntry | Problem | 'folder' | undefined> {
  const abs = join(dir, ...file.split('/'))
  const seedName = isSeedPath(file)
  let st: Stats
  try {
    st = await lstat(abs)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR' || !seedName) return undefined
    return skip(file, 'unreadable', `cannot read file: ${(err as Error).message}`, 'error')
  }
  if (st.isDirectory()) return 'folder'
  if (st.isFile()) return seedName ? entry(file, abs, st) : undefined
  if (!st.isSymbolicLink()) return seedName ? skip(file, 'not-a-file', `${kindOf(st)}, not a regular file; not read`) : undefined
  return classifyLink(file, abs, root, seedName)
}

async function classifyLink(file: string, abs: string, root: string, seedName: boolean): Promise<SeedEntry | Problem | undefined> {
  let real: string
  let st: Stats
  try {
    real = await realpath(abs)
    st = await stat(real)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ELOOP') return skip(file, 'link-loop', 'symbolic link loops back on itself (ELOOP); not read')
    if (code === 'ENOENT' || code === 'ENOTDIR') return skip(file, 'dangling-link', 'symbolic link points to nothing; not read')
    return skip(file, 'unreadable', `cannot follow symbolic link: ${(err as Error).message}`, 'error')
  }
  if (st.isDirectory()) return skip(file, 'symlinked-folder', 'symbolic link to a folder; links to folders are not followed, its seeds are not read')
  if (!seedName) return undefined
  if (!real.startsWith(root + sep)) return skip(file, 'link-outside-seeds', 'symbolic link to a file outside the seeds folder; not read')
  if (!st.isFile()) return skip(file, 'not-a-file', `symbolic link to ${kindOf(st)}, not a regular file; not read`)
  return entry(file, real, st)
}

function entry(file: string, abs: string, st: Stats): SeedEntry {
  return { file, abs, size: st.size, mtimeMs: st.mtimeMs }
}

function kindOf(st: Stats): string {
  if (st.isFIFO()) return 'a FIFO (named pipe)'
  if (st.isSocket()) return 'a socket'
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device'
  return 'not a regular file'
}

function skip(file: string, code: string, message: string, severity: Problem['severity'] = 'warning'): Problem {
  return { file, code, severity, message }
}
