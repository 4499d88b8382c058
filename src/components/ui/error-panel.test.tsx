import { Errors } from '@scaleway/sdk-client'
import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderRoutes } from '@/test/render'
import { NetworkError } from '@/lib/scaleway/client'
import { ErrorPanel } from './error-panel'

const denied = Errors.PermissionsDeniedError.fromJSON(403, {
  details: [{ action: 'read', resource: 'server' }], message: 'insufficient permissions', type: 'permissions_denied',
})

describe('ErrorPanel', () => {
  it('links to its row of the status-code guide (a router link inside the app)', async () => {
    renderRoutes([{ path: '/', element: <ErrorPanel error={denied} /> }], '/')
    const link = await screen.findByRole('link', { name: 'What HTTP 403 means' })
    expect(link).toHaveAttribute('href', '/get-started#status-403')
    expect(screen.getByRole('alert')).toHaveTextContent('insufficient permissions (read on server)')
  })

  it('links "no answer" to its row, and works outside a router too', () => {
    render(<ErrorPanel error={new NetworkError('down')} />)
    expect(screen.getByRole('link', { name: 'What “no answer” means' })).toHaveAttribute('href', '/get-started#status-network')
  })

  it('shows no guide link for a failure that is not an API answer', () => {
    render(<ErrorPanel error={new Error('render exploded')} />)
    expect(screen.queryByRole('link')).toBeNull()
  })
})
