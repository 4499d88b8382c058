import { useEffect, useRef } from 'react'
import { matchPath, NavLink, Outlet, useLocation, useNavigate } from 'react-router'
import { Button } from '@/components/ui/button'
import { useSession } from '@/features/session'
import { DEFAULT_ZONE } from '@/lib/scaleway/localities'
import { ALL_ZONES, useCurrentZone } from '@/lib/scaleway/use-zone'
import { cn } from '@/lib/utils'
import { ConsoleFrame } from './console-frame'
import { ZoneSwitcher } from './zone-switcher'

/** The menu. `allZones`: that page (its exact path) can show every zone at once, `?zone=all`. */
const NAV = [
  { to: '/', label: 'Inventory', end: true },
  { to: '/instances', label: 'Instances', zoned: true, allZones: true },
  { to: '/ips', label: 'Flexible IPs', zoned: true, allZones: true },
  { to: '/api-key', label: 'API key' },
  { to: '/get-started', label: 'Get started' },
] as const

export function AppShell() {
  const { accessKey, signOut } = useSession()
  const navigate = useNavigate()
  // Zoned links keep the zone in view.
  const zone = useCurrentZone()

  // After client-side navigation, move focus to the new page (as a full page load
  // would), so keyboard and screen-reader users start at its content, not the old link.
  const { pathname } = useLocation()
  const mainRef = useRef<HTMLElement>(null)
  const shownPath = useRef(pathname)
  useEffect(() => {
    if (shownPath.current === pathname) return
    shownPath.current = pathname
    mainRef.current?.focus()
  }, [pathname])

  const allowAllZones = NAV.some((item) => 'allZones' in item && matchPath(item.to, pathname))

  function handleSignOut() {
    signOut()
    navigate('/sign-in', { replace: true })
  }

  return (
    <ConsoleFrame
      mainRef={mainRef}
      nav={
        NAV.map((item) => (
          <NavLink
            key={item.to}
            to={'zoned' in item ? `${item.to}?${new URLSearchParams({ zone: zone === ALL_ZONES && !item.allZones ? DEFAULT_ZONE : zone })}` : item.to}
            end={'end' in item}
            className={({ isActive }) =>
              cn(
                'rounded-md px-3 py-1.5 text-sm text-slate-300 hover:bg-slate-800 hover:text-white',
                isActive && 'bg-slate-800 text-white',
              )
            }
          >
            {item.label}
          </NavLink>
        ))
      }
      end={
        <div className="ml-auto flex min-w-0 flex-wrap items-center gap-x-4 gap-y-2">
          <ZoneSwitcher allowAll={allowAllZones} />
          <span className="max-w-full truncate font-mono text-xs text-slate-300" title="Signed-in access key">
            <span className="sr-only">Signed in with access key </span>
            {accessKey}
          </span>
          <Button variant="secondary" size="sm" onClick={handleSignOut}>
            Sign out
          </Button>
        </div>
      }
    >
      <Outlet />
    </ConsoleFrame>
  )
}
