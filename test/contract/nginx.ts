/**
 * Debian's nginx as a child process for a test: a temp nginx.conf (daemon off, pid, logs and temp
 * paths in a temp dir, one loopback port) whose server block includes the repo's deploy/nginx files
 * through a `feedstand` link beside it, as /etc/nginx/feedstand is in the README's setup.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { createConnection, createServer } from 'node:net'
import { tmpdir, userInfo } from 'node:os'
import { join, resolve } from 'node:path'

export const NGINX = '/usr/sbin/nginx'

/** Why the nginx tests cannot run here, or undefined when they can. */
export const nginxMissing: string | undefined = existsSync(NGINX)
  ? undefined
  : `${NGINX} is missing: install Debian's nginx (apt-get install -y nginx-light or nginx) for the nginx contract tests`

/** The dynamic module brotli_static needs (Debian package libnginx-mod-http-brotli-static). */
export const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so'

/** The repo's nginx files. */
export const DEPLOY_NGINX = resolve(import.meta.dirname, '../../deploy/nginx')

export interface NginxOptions {
  /** Directives of a server block after its `listen` (e.g. `root …; include feedstand/feedstand.conf;`); none when absent. */
  server?: string
  /** http-level directives (an upstream, a whole server block); given the port when a function. */
  http?: string | ((port: number) => string | Promise<string>)
  /** Modules to load_module. */
  modules?: string[]
}

export interface RunningNginx {
  url: string
  port: number
  /** The error log so far (for failure messages). */
  errors(): Promise<string>
  stop(): Promise<void>
}

/** A port the OS says is free now (nginx cannot be given port 0 and tell us which it took). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer()
    s.once('error', fail)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => done(port))
    })
  })
}

interface NginxConf {
  dir: string
  confFile: string
  port: number
  /** `-p`, `-e` and `-c`: every path nginx writes is in `dir`, also before it has read the config. */
  args: string[]
  text: string
}

/** A temp dir with `feedstand` → deploy/nginx and an nginx.conf around `options`. */
export async function nginxConf(options: NginxOptions): Promise<NginxConf> {
  const dir = await mkdtemp(join(tmpdir(), 'feedstand-nginx-'))
  await symlink(DEPLOY_NGINX, join(dir, 'feedstand'))
  const port = await freePort()
  const user = process.getuid?.() === 0 ? `user ${userInfo().username};` : ''
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${join(dir, t)};`).join('\n  ')
  const http = typeof options.http === 'function' ? await options.http(port) : (options.http ?? '')
  const server = options.server === undefined ? '' : `server {\n    listen 127.0.0.1:${port};\n    ${options.server}\n  }`
  const text = `${(options.modules ?? []).map((m) => `load_module ${m};`).join('\n')}
# As root, workers would run as nobody and could not read the test's 0700 temp dirs.
${user}
daemon off;
master_process on;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} info;
events { worker_connections 256; }
http {
  access_log ${join(dir, 'access.log')};
  ${temp}
  ${http}
  ${server}
}
`
  const confFile = join(dir, 'nginx.conf')
  await writeFile(confFile, text)
  return { dir, confFile, port, text, args: ['-p', dir, '-e', join(dir, 'error.log'), '-c', confFile] }
}

export async function startNginx(options: NginxOptions): Promise<RunningNginx> {
  const { dir, port, text, args } = await nginxConf(options)
  const errors = () => readFile(join(dir, 'error.log'), 'utf8').catch(() => '')
  const child = spawn(NGINX, args, { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()))
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)))
  try {
    await Promise.race([listening(port), exited.then((code) => Promise.reject(new Error(`nginx exited ${code}: ${stderr}`)))])
  } catch (err) {
    child.kill('SIGKILL')
    const log = await errors()
    await rm(dir, { recursive: true, force: true })
    throw new Error(`${(err as Error).message}\n${log}\n${text}`)
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    errors,
    async stop() {
      await stopChild(child, exited)
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/** SIGQUIT is nginx's graceful stop; the master takes its workers with it. */
async function stopChild(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null) return
  child.kill('SIGQUIT')
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
  await exited
  clearTimeout(timer)
}

/** Resolves once something accepts connections on the port (nginx is ready). */
async function listening(port: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const ok = await new Promise<boolean>((done) => {
      const s = createConnection({ port, host: '127.0.0.1' })
      s.once('connect', () => (s.end(), done(true)))
      s.once('error', () => done(false))
    })
    if (ok) return
    await new Promise((r) => setTimeout(r, 25))
  }
  throw new Error(`nothing listens on 127.0.0.1:${port} after 5 s`)
}
