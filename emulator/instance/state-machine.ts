/**
 * Server actions, the refusals of the real API, and the lazily computed state machine.
 *
 * An action stores `{kind, startedAt}` on the server; `settleAll` (called by server.ts before every API request is
 * routed) computes the visible state from the emulator clock, so tests advance time without sleeping. Transitions
 * last `transitionMs`:
 *   poweron        stopped | stopped in place -> starting (allocating node / provisioning node / starting) -> running
 *   poweroff       running | stopped in place -> stopping ("stopping") -> stopped
 *   reboot         running | stopped in place -> stopping then starting ("rebooting") -> running
 *   stop_in_place  starting | running | stopping -> stopping ("stopping in place") -> stopped in place
 *   terminate      running | stopped in place -> stopping ("terminating") -> deleted: flexible IPs detached, local
 *                  volumes deleted, block volumes detached (model.ts removeServer)
 *   backup         any state allowing it: creates a private image at once, task "instance_backup"
 *   enable_routed_ip  accepted as a no-op (every emulated server is already routed)
 * A running server reads `state_detail: "booting kernel"` (every recorded running server, e.g.
 * `instance_get_server_running.json`; "booted" is never recorded).
 *
 * Flexible IP attach (PATCH /ips/{ip} {"server": id}, a move to another server, POST /ips {"server": id}):
 *   to a `stopped` server      -> `attached` at once (`instance_attach_ip.json`: the CLI test attaches to a stopped
 *                                 server; POST /servers with `public_ips` answers `attached` in every sequence)
 *   to any other server state  -> `pending` (IP `state` and the server's `public_ips[].state`), then `attached` once
 *                                 `transitionMs` has passed (`sequences/instance--server-with-reserved-ip.json` 34-64:
 *                                 PATCH on a running server answers `pending`, and polls keep reading `pending`;
 *                                 states other than running / stopped are modelled like running)
 *   detach {"server": null}    -> `detached` at once, and gone from the server's `public_ips`
 *                                 (`instance_detach_ip.json`, `sequences/instance--ip-routed-ipv6-attached.json` 37-39)
 * `settleAll` settles pending attaches with the server transitions.
 *
 * Refusals:
 * - poweroff, stop_in_place, reboot, terminate (and DELETE) of a `protected` server: 412 precondition_failed /
 *   protected_resource, shaped like `error_secret_412_precondition_failed.json` (the Instance text is modelled);
 * - an action the server's state does not allow: 409 transient_state while the server moves (starting, stopping),
 *   else the legacy Instance 400 `{"type": "invalid_request_error", "message": "server should be stopped"}` (or
 *   "... running", whichever state the action needs; recordings README "Legacy Instance-only shapes");
 * - DELETE: 409 while moving, 400 "server should be stopped" when running / stopped in place.
 */
import { type ApiError, invalidRequest, preconditionFailed, transientState } from '../errors.ts'
import { ensureDynamicIp, linkIp, removeServer } from '../model.ts'
import type { FlexibleIp, Server, ServerAction, ServerState, Store, TransitionKind } from '../store.ts'

export const ALLOWED_ACTIONS: Record<ServerState, ServerAction[]> = {
  stopped: ['poweron', 'backup'],
  starting: ['stop_in_place', 'backup'],
  running: ['poweroff', 'terminate', 'reboot', 'stop_in_place', 'backup'],
  stopping: ['stop_in_place', 'backup'],
  'stopped in place': ['poweron', 'poweroff', 'terminate', 'reboot', 'backup'],
  locked: [],
}

export const ACTIONS: ServerAction[] = ['poweron', 'poweroff', 'stop_in_place', 'reboot', 'terminate', 'backup', 'enable_routed_ip']

const PROTECTED_ACTIONS: ServerAction[] = ['poweroff', 'stop_in_place', 'reboot', 'terminate']

const isMoving = (state: ServerState): boolean => state === 'starting' || state === 'stopping'

const protectedServer = (what: string): ApiError =>
  preconditionFailed('protected_resource', `server is protected: set "protected" to false before ${what}`)

const moving = (server: Server): ApiError => transientState('instance_server', server.id, server.state)

/** The error the real API answers to `action` on this server now, or null when the action may run. */
export const actionRefusal = (server: Server, action: ServerAction): ApiError | null => {
  if (action === 'enable_routed_ip') return null
  if (server.protected && PROTECTED_ACTIONS.includes(action)) return protectedServer(`the ${action} action`)
  if (ALLOWED_ACTIONS[server.state].includes(action)) return null
  if (isMoving(server.state)) return moving(server)
  return invalidRequest(action === 'poweron' ? 'server should be stopped' : 'server should be running')
}

/** The error the real API answers to DELETE of this server, or null. */
export const deletionRefusal = (server: Server): ApiError | null => {
  if (server.protected) return protectedServer('deleting it')
  if (server.state === 'stopped') return null
  if (isMoving(server.state)) return moving(server)
  return invalidRequest('server should be stopped')
}

/** The error the real API answers to a change that needs a stopped server (commercial type), or null. */
export const needsStopped = (server: Server): ApiError | null => {
  if (server.state === 'stopped') return null
  if (isMoving(server.state)) return moving(server)
  return invalidRequest('server should be stopped')
}

/** Applies the lazily computed state of one server; returns false when its transition is over. */
const settle = (store: Store, server: Server, now: number, transitionMs: number): boolean => {
  const t = server.transition
  if (!t) return false
  const elapsed = Math.max(0, now - t.startedAt)
  const done = elapsed >= transitionMs
  const fraction = transitionMs <= 0 ? 1 : elapsed / transitionMs
  const doneAt = t.startedAt + transitionMs
  const set = (state: ServerState, detail: string): void => {
    server.state = state
    server.stateDetail = detail
  }
  switch (t.kind) {
    case 'poweron':
      if (done) set('running', 'booting kernel')
      else set('starting', fraction < 1 / 3 ? 'allocating node' : fraction < 2 / 3 ? 'provisioning node' : 'starting')
      break
    case 'poweroff':
      if (done) set('stopped', '')
      else set('stopping', 'stopping')
      break
    case 'reboot':
      if (done) set('running', 'booting kernel')
      else if (fraction < 0.5) set('stopping', 'rebooting')
      else set('starting', 'rebooting')
      break
    case 'stop_in_place':
      if (done) set('stopped in place', 'stopped in place')
      else set('stopping', 'stopping in place')
      break
    case 'terminate':
      if (done) removeServer(store, server, doneAt, 'terminate')
      else set('stopping', 'terminating')
      break
  }
  if (done) {
    server.transition = null
    server.modificationDate = doneAt
    // A stopped server gives its dynamic IP back (model.ts ensureDynamicIp).
    if (server.state === 'stopped') ensureDynamicIp(store, server, doneAt)
  }
  return !done
}

/**
 * Brings every moving server, every `pending` flexible IP and every `creating` Block volume or snapshot up to `now`;
 * only those with a pending transition are visited. Called by server.ts before each API request is routed.
 */
export const settleAll = (store: Store, now: number, transitionMs: number): void => {
  for (const server of [...store.transitioning]) {
    if (!settle(store, server, now, transitionMs)) store.transitioning.delete(server)
  }
  for (const ip of [...store.attaching]) {
    if (ip.serverId === null || ip.attachingSince === null || now - ip.attachingSince >= transitionMs) {
      ip.attachingSince = null
      store.attaching.delete(ip)
    }
  }
  for (const item of [...store.creating]) {
    if (item.creatingSince === null || now - item.creatingSince >= transitionMs) {
      item.creatingSince = null
      store.creating.delete(item)
    }
  }
}

/** Attaches (or moves) a flexible IP to `server` as the API does: see "Flexible IP attach" at the top. */
export const attachFlexibleIp = (store: Store, ip: FlexibleIp, server: Server, now: number, transitionMs: number): void => {
  if (ip.serverId === server.id) return
  linkIp(store, ip, server)
  if (server.state === 'stopped' || transitionMs <= 0) return
  ip.attachingSince = now
  store.attaching.add(ip)
}

export const startTransition = (store: Store, server: Server, kind: TransitionKind, now: number, transitionMs: number): void => {
  server.transition = { kind, startedAt: now }
  server.modificationDate = now
  store.transitioning.add(server)
  if (!settle(store, server, now, transitionMs)) store.transitioning.delete(server)
}
