/**
 * A server that cannot listen, said in one line: which address and port, and what to do. Node's
 * own error is a stack trace (`Error: listen EADDRINUSE: address already in use 127.0.0.1:3000`
 * and a dozen frames of net.js), which reads like a bug in Feedstand.
 */
import type { Config } from '../config.js'
import { howToSet } from './help.js'

/** The line for a listen error (EADDRINUSE, EACCES, EADDRNOTAVAIL), or undefined for any other error. */
export function describeListenError(err: unknown, config: Pick<Config, 'host' | 'port'>): string | undefined {
  const code = (err as NodeJS.ErrnoException | undefined)?.code
  const where = `port ${config.port} on ${config.host}`
  switch (code) {
    case 'EADDRINUSE':
      return `${where} is already in use (another server, or a feedstand still running): stop it, or choose another port with ${howToSet('port')}`
    case 'EACCES':
      return `not allowed to listen on ${where} (ports below 1024 need root or CAP_NET_BIND_SERVICE): choose another port with ${howToSet('port')}`
    case 'EADDRNOTAVAIL':
      return `cannot listen on ${config.host}: no such address on this machine; choose another with ${howToSet('host')}`
    default:
      return undefined
  }
}
