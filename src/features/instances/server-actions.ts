import type { MenuAction } from '@/components/ui/actions-menu'
import type { Server } from './api/instance-queries'
import type { ServerAction } from './api/use-server-action'

export type ServerCommand = ServerAction | 'delete'

export interface CommandSpec {
  command: ServerCommand
  /** The button's name, as people and tests look for it. */
  label: string
  tone: 'primary' | 'danger'
  /** Irreversible: confirmed by typing the server's name. */
  typeToConfirm: boolean
}

export const COMMANDS: readonly CommandSpec[] = [
  { command: 'poweron', label: 'Power on', tone: 'primary', typeToConfirm: false },
  { command: 'poweroff', label: 'Power off', tone: 'primary', typeToConfirm: false },
  { command: 'reboot', label: 'Reboot', tone: 'primary', typeToConfirm: false },
  { command: 'stop_in_place', label: 'Stop in place', tone: 'primary', typeToConfirm: false },
  { command: 'terminate', label: 'Terminate', tone: 'danger', typeToConfirm: true },
  { command: 'delete', label: 'Delete', tone: 'danger', typeToConfirm: true },
]

/** What Scaleway refuses on a protected server (412 protected_resource). */
const REFUSED_WHEN_PROTECTED: ReadonlySet<ServerCommand> = new Set(['poweroff', 'stop_in_place', 'reboot', 'terminate', 'delete'])

export type Availability = { enabled: true } | { enabled: false; reason: string }

/**
 * Whether a command can run now, from what the API says (`allowed_actions`,
 * `protected`, the state), and if not, why, in words for the disabled button.
 */
export function availability(server: Pick<Server, 'state' | 'allowedActions' | 'protected'>, command: ServerCommand): Availability {
  if (server.protected && REFUSED_WHEN_PROTECTED.has(command)) {
    return { enabled: false, reason: 'The server is protected: turn protection off first.' }
  }
  if (command === 'delete') {
    return server.state === 'stopped'
      ? { enabled: true }
      : { enabled: false, reason: `Only a stopped server can be deleted; this one is ${server.state}.` }
  }
  if (server.allowedActions.includes(command)) return { enabled: true }
  if (server.state === 'starting' || server.state === 'stopping') {
    return { enabled: false, reason: `Wait until the server has finished ${server.state}.` }
  }
  return { enabled: false, reason: `Not possible while the server is ${server.state}.` }
}

/**
 * The same commands as a row's "Actions" menu items, built when the menu opens. Choosing one hands it to the table,
 * which owns the one confirmation dialog, so the dialog outlives a row that leaves the list.
 */
export function serverMenuActions(server: Server, choose: (command: ServerCommand) => void): MenuAction[] {
  return COMMANDS.map((spec) => {
    const state = availability(server, spec.command)
    return {
      label: spec.label,
      danger: spec.tone === 'danger',
      disabledReason: state.enabled ? undefined : state.reason,
      onSelect: () => choose(spec.command),
    }
  })
}
