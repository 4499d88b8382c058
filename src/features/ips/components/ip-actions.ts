import type { Ip } from '../api/ip-queries'

export type IpCommand = 'attach' | 'move' | 'detach' | 'reverse' | 'release'

export const IP_COMMANDS: readonly { command: IpCommand; label: string; danger?: boolean }[] = [
  { command: 'attach', label: 'Attach' },
  { command: 'move', label: 'Move' },
  { command: 'detach', label: 'Detach' },
  { command: 'reverse', label: 'Edit reverse DNS' },
  { command: 'release', label: 'Release', danger: true },
]

/** Why a command cannot run on this IP now, or undefined when it can. */
export function ipCommandBlocked(ip: Pick<Ip, 'state' | 'server'>, command: IpCommand): string | undefined {
  if (ip.state === 'pending') return 'Wait until it is attached: the change is in progress.'
  if (command === 'attach' && ip.server) return `Already attached to ${ip.server.name}: use Move.`
  if ((command === 'move' || command === 'detach') && !ip.server) return 'It is not attached to a server.'
  return undefined
}
