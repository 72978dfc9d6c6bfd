/**
 * The README's Deploy commands against this checkout (its server blocks are run by the nginx
 * contract targets): the files they copy or link exist, the build flags parse, and the names
 * they use are the ones the config files expect.
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { parseCli } from '../../src/cli/args.js'
import { REPO, deployBlocks } from './readme.js'
import { readWranglerConfig } from './workerd.js'

const commands = async () => (await deployBlocks('sh')).flatMap((b) => b.split('\n')).filter((l) => l.trim())

it('every repository file a command copies or links exists here (/srv/feedstand is the checkout)', async () => {
  const named = (await commands()).flatMap((l) => [...l.matchAll(/\/srv\/feedstand\/(deploy\/\S+)/g)].map((m) => m[1]!))
  expect(named.length).toBeGreaterThanOrEqual(3)
  for (const path of named) expect(existsSync(join(REPO, path)), path).toBe(true)
})

it('the build command parses, and writes where the server block\'s root points', async () => {
  const build = (await commands()).find((l) => l.startsWith('npm run build -- '))!
  const args = parseCli(['build', ...build.slice('npm run build -- '.length).split(' ')])
  expect(args.command).toBe('build')
  expect(args.flags).toMatchObject({ baseUrl: 'https://feeds.example.com', out: '/srv/feedstand/feeds' })
  expect((await deployBlocks('nginx')).join('\n')).toContain('root /srv/feedstand/feeds;')
})

it('nginx gets the config folder under the name the includes use (feedstand/, relative to /etc/nginx)', async () => {
  expect(await commands()).toContain('sudo ln -s /srv/feedstand/deploy/nginx /etc/nginx/feedstand')
  const conf = await readFile(join(REPO, 'deploy/nginx/feedstand.conf'), 'utf8')
  for (const m of conf.matchAll(/^\s*include (\S+);/gm)) {
    expect(m[1]!.startsWith('feedstand/'), m[1]).toBe(true)
    expect(existsSync(join(REPO, 'deploy/nginx', m[1]!.slice('feedstand/'.length))), m[1]).toBe(true)
  }
})

it('the brotli package the README installs is the one brotli.conf names', async () => {
  const install = (await commands()).find((l) => l.includes('apt-get install'))!
  const pkg = install.split(' ').at(-1)!
  expect(pkg).toBe('libnginx-mod-http-brotli-static')
  expect(await readFile(join(REPO, 'deploy/nginx/brotli.conf'), 'utf8')).toContain(pkg)
})

it('the systemd commands install the unit under its own name', async () => {
  const cmds = await commands()
  expect(cmds).toContain('sudo cp /srv/feedstand/deploy/systemd/feedstand.service /etc/systemd/system/')
  expect(cmds).toContain('sudo systemctl enable --now feedstand')
})

it('the Workers commands build into the folder wrangler.jsonc deploys, with the config and entry that exist here', async () => {
  const block = (await deployBlocks('sh')).find((b) => b.includes('wrangler deploy'))!
  const lines = block.split('\n').filter((l) => l.trim())
  expect(lines).toHaveLength(3)
  const build = lines.find((l) => l.startsWith('npm run build -- '))!
  const args = parseCli(['build', ...build.slice('npm run build -- '.length).split(' ')])
  expect(args.flags.baseUrl).toMatch(/^https:\/\//)
  expect(args.flags.out).toBeUndefined()
  const deploy = lines.find((l) => l.startsWith('npx wrangler deploy'))!
  const configPath = deploy.match(/--config (\S+)/)![1]!
  const config = await readWranglerConfig(join(REPO, configPath))
  // The build's default output folder (feeds/) is the one the config deploys, relative to the config file.
  expect(join(REPO, configPath, '..', config.assets.directory)).toBe(join(REPO, 'feeds'))
  expect(existsSync(join(REPO, configPath, '..', config.main)), config.main).toBe(true)
  expect(config.assets).toMatchObject({ binding: 'ASSETS', run_worker_first: true, html_handling: 'none' })
})
