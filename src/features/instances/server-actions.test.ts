import { describe, expect, it } from 'vitest'
import { availability } from './server-actions'

const server = (state: 'running' | 'stopped' | 'starting', allowedActions: string[], isProtected = false) =>
  ({ state, allowedActions, protected: isProtected }) as Parameters<typeof availability>[0]

describe('availability', () => {
  it('follows allowed_actions and says why a command is off', () => {
    const running = server('running', ['poweroff', 'terminate', 'reboot', 'stop_in_place', 'backup'])
    expect(availability(running, 'poweroff')).toEqual({ enabled: true })
    expect(availability(running, 'poweron')).toEqual({ enabled: false, reason: 'Not possible while the server is running.' })
    expect(availability(server('starting', ['stop_in_place', 'backup']), 'poweroff')).toEqual({
      enabled: false,
      reason: 'Wait until the server has finished starting.',
    })
  })

  it('only deletes a stopped server', () => {
    expect(availability(server('stopped', ['poweron', 'backup']), 'delete')).toEqual({ enabled: true })
    expect(availability(server('running', []), 'delete').enabled).toBe(false)
  })

  it('refuses what Scaleway refuses on a protected server, and still powers it on', () => {
    const running = server('running', ['poweroff', 'terminate', 'reboot', 'stop_in_place', 'backup'], true)
    for (const command of ['poweroff', 'reboot', 'stop_in_place', 'terminate'] as const) {
      expect(availability(running, command)).toEqual({ enabled: false, reason: 'The server is protected: turn protection off first.' })
    }
    expect(availability(server('stopped', ['poweron', 'backup'], true), 'poweron')).toEqual({ enabled: true })
    expect(availability(server('stopped', ['poweron', 'backup'], true), 'delete').enabled).toBe(false)
  })
})
