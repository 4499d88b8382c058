import { useSyncExternalStore } from 'react'
import { Button } from '@/components/ui/button'
import { checkApiNow, getApiHealth, subscribeApiHealth } from '@/lib/scaleway/api-health'

/** One app-wide notice while the Scaleway API does not answer; it goes away by itself when it does. */
export function ApiStatusBanner() {
  const health = useSyncExternalStore(subscribeApiHealth, getApiHealth, () => 'up' as const)
  if (health === 'up') return null
  return (
    // Polite: the page's own error (a failed sign-in, say) is the alert; this says why, once.
    <div role="status" aria-live="polite" className="sticky top-0 z-50 border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-1">
        <p>
          <span className="font-semibold">Scaleway API unreachable.</span> Requests got no answer (network, or the /api proxy
          could not reach Scaleway). The console waits and resumes by itself when the API answers again; what is on screen stays.
        </p>
        <Button variant="secondary" size="sm" onClick={checkApiNow}>
          Check now
        </Button>
      </div>
    </div>
  )
}
