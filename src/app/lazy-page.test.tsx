import { render, screen } from '@testing-library/react'
import { Suspense } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { ErrorBoundary } from './error-boundary'
import { lazyPage } from './lazy-page'

const module = { Hello: () => <h1>Hello</h1> }

describe('lazyPage', () => {
  it('once preloaded, renders in the first commit without showing the fallback', async () => {
    const Page = lazyPage(async () => module, (m) => m.Hello)
    expect(Page.settled()).toBe(false)
    await Page.preload()
    expect(Page.settled()).toBe(true)
    render(
      <Suspense fallback={<p>Loading…</p>}>
        <Page />
      </Suspense>,
    )
    // Synchronously: React.lazy would show "Loading…" here (it suspends once even when loaded).
    expect(screen.getByRole('heading', { name: 'Hello' })).toBeInTheDocument()
    expect(screen.queryByText('Loading…')).toBeNull()
  })

  it('not loaded yet, suspends and then renders; one download however often asked', async () => {
    let downloads = 0
    const Page = lazyPage(async () => (downloads++, module), (m) => m.Hello)
    render(
      <Suspense fallback={<p>Loading…</p>}>
        <Page />
      </Suspense>,
    )
    expect(screen.getByText('Loading…')).toBeInTheDocument()
    expect(await screen.findByRole('heading', { name: 'Hello' })).toBeInTheDocument()
    await Page.preload()
    expect(downloads).toBe(1)
  })

  it('a chunk that fails to load throws its error to the error boundary', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const Page = lazyPage(async (): Promise<typeof module> => Promise.reject(new Error('chunk failed')), (m) => m.Hello)
    await Page.preload().catch(() => {})
    expect(Page.settled()).toBe(true)
    render(
      <ErrorBoundary resetKey="x" fallback={(error) => <p>Failed: {(error as Error).message}</p>}>
        <Page />
      </ErrorBoundary>,
    )
    expect(screen.getByText('Failed: chunk failed')).toBeInTheDocument()
  })
})
