/**
 * LMDB (lmdb 3.5) against SQLite (better-sqlite3 12) as the seed cache's container: 100k records
 * shaped like SeedRecords (~1 KB v8 each), written in one transaction, then read back whole and
 * deserialized. Run: npx tsx bench/store-compare.ts (writes under os.tmpdir()).
 */
import { open } from 'lmdb'
// @ts-expect-error better-sqlite3 ships no types (and is measured here only)
import Database from 'better-sqlite3'
import { serialize, deserialize } from 'node:v8'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
const dir = mkdtempSync(join(tmpdir(), 'store-compare-'))
const N = 100000
const rec = (i: number) => serialize({ file: `${String(i).padStart(3,'0')}_ea3e9e76e24cb92${i}.txt`, size: 1234, mtimeMs: 1.7e12+i, hash: 'a'.repeat(40), outcome: { file: 'x', problems: [], article: { id: 'id'+i, title: 'Some title number '+i, excerpt: 'e'.repeat(600), contentHtml: '', topics: [{name:'World',slug:'world'}], images: [], related: [], webUrl: 'https://x.example/a/'+i, publishedMs: 1.7e12+i, published: true } } })
const recs: [string, Buffer][] = Array.from({length:N}, (_, i) => [`${i}_f.txt`, rec(i)])
const t = <T>(l: string, f: () => T): T => { const s = performance.now(); const r = f(); console.log(l, (performance.now()-s).toFixed(0), 'ms'); return r }
rmSync(join(dir, 'l.mdb'), {force:true}); rmSync(join(dir, 'l.mdb-lock'), {force:true}); rmSync(join(dir, 's.db'), {force:true})
const l = open({ path: join(dir, 'l.mdb'), encoding: 'binary', compression: false, noSubdir: true })
await (async () => { const s = performance.now(); await l.transaction(() => { for (const [k, v] of recs) void l.put(k!, v!) }); console.log('lmdb write', (performance.now()-s).toFixed(0)) })()
await l.close()
const l2 = open({ path: join(dir, 'l.mdb'), encoding: 'binary', compression: false, noSubdir: true })
t('lmdb read all+deser', () => { let n = 0; for (const { key, value } of l2.getRange()) { deserialize(value); n++ } return n })
console.log('lmdb size', statSync(join(dir, 'l.mdb')).size)
const db = new Database(join(dir, 's.db')); db.pragma('journal_mode = DELETE'); db.exec('create table r (file text primary key, v blob) without rowid')
t('sqlite write', () => { const ins = db.prepare('insert or replace into r values (?, ?)'); db.transaction(() => { for (const [k, v] of recs) ins.run(k, v) })() })
db.close()
const db2 = new Database(join(dir, 's.db'), { readonly: true })
t('sqlite read all+deser', () => { let n = 0; for (const row of db2.prepare('select file, v from r').raw().iterate() as Iterable<[string, Buffer]>) { deserialize(row[1]); n++ } return n })
console.log('sqlite size', statSync(join(dir, 's.db')).size)
console.log('rss MB', (process.memoryUsage().rss/2**20).toFixed(0))
rmSync(dir, { recursive: true, force: true })
