import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { type ReactNode, Suspense } from 'react'
import { Link, MemoryRouter, useLocation } from 'react-router'
import { describe, expect, it, vi } from 'vitest'
import { ErrorBoundary } from './error-boundary'
import { lazyPage } from './lazy-page'

const module = { Hello: () => <h1>Hello</h1> }

/** As a route renders a page: its boundary resets on each navigation. */
function Boundary({ children }: { children: ReactNode }) {
  const { key } = useLocation()
  return (
    <ErrorBoundary resetKey={key} fallback={(error) => <p>Failed: {(error as Error).message}</p>}>
      <Suspense fallback={<p>Loading…</p>}>{children}</Suspense>
    </ErrorBoundary>
  )
}

const inRouter = (children: ReactNode) => (
  <MemoryRouter initialEntries={['/a']}>
    <Link to="/b">Elsewhere</Link>
    <Boundary>{children}</Boundary>
  </MemoryRouter>
)

describe('lazyPage', () => {
  it('once preloaded, renders in the first commit without showing the fallback', async () => {
    const Page = lazyPage(async () => module, (m) => m.Hello)
    expect(Page.settled()).toBe(false)
    await Page.preload()
    expect(Page.settled()).toBe(true)
    render(inRouter(<Page />))
    // Synchronously: React.lazy would show "Loading…" here (it suspends once even when loaded).
    expect(screen.getByRole('heading', { name: 'Hello' })).toBeInTheDocument()
    expect(screen.queryByText('Loading…')).toBeNull()
  })

  it('not loaded yet, suspends and then renders; one download however often asked', async () => {
    let downloads = 0
    const Page = lazyPage(async () => (downloads++, module), (m) => m.Hello)
    render(inRouter(<Page />))
    expect(screen.getByText('Loading…')).toBeInTheDocument()
    expect(await screen.findByRole('heading', { name: 'Hello' })).toBeInTheDocument()
    await Page.preload()
    expect(downloads).toBe(1)
  })

  it('a chunk that fails shows its error once; the next navigation downloads it again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    let downloads = 0
    const Page = lazyPage(
      async () => {
        downloads++
        if (downloads === 1) throw new Error('chunk failed')
        return module
      },
      (m) => m.Hello,
    )
    await Page.preload().catch(() => {})
    expect(Page.settled()).toBe(true)
    render(inRouter(<Page />))
    expect(screen.getByText('Failed: chunk failed')).toBeInTheDocument()
    // Re-rendering in place (a preload asked again) does not download it again.
    await Page.preload().catch(() => {})
    expect(downloads).toBe(1)

    await userEvent.click(screen.getByRole('link', { name: 'Elsewhere' }))
    expect(await screen.findByRole('heading', { name: 'Hello' })).toBeInTheDocument()
    expect(downloads).toBe(2)
  })
})
