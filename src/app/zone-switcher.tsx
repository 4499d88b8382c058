import { useId } from 'react'
import { useLocation, useNavigate, useParams } from 'react-router'
import { ZONES, zoneLabel } from '@/lib/scaleway/localities'
import { ALL_ZONES, useCurrentZone } from '@/lib/scaleway/use-zone'
import { patchSearchParams } from '@/lib/search-params'

interface ZoneSwitcherProps {
  /** The page in view can show every zone at once: offer "All zones". */
  allowAll: boolean
}

/**
 * Scopes the zoned pages. The zone lives in the URL (`?zone=`); on an instance's
 * own page the zone is in the path, so switching goes back to that zone's list.
 */
export function ZoneSwitcher({ allowAll }: ZoneSwitcherProps) {
  const id = useId()
  const navigate = useNavigate()
  const location = useLocation()
  const params = useParams()
  const zone = useCurrentZone()

  function change(next: string) {
    if (params.zone) {
      navigate(`/instances?${new URLSearchParams({ zone: next })}`)
      return
    }
    // Changing the zone is a filter change: it drops `page`.
    navigate({ pathname: location.pathname, search: `?${patchSearchParams(new URLSearchParams(location.search), { zone: next })}` })
  }

  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm text-slate-300">
        Zone
      </label>
      <select
        id={id}
        value={zone === ALL_ZONES && !allowAll ? ZONES[0] : zone}
        onChange={(e) => change(e.target.value)}
        className="h-8 rounded-md border border-slate-600 bg-slate-800 px-2 text-sm text-white focus:outline-2 focus:outline-brand-400"
      >
        {allowAll && <option value={ALL_ZONES}>All zones</option>}
        {ZONES.map((z) => (
          <option key={z} value={z}>
            {z} · {zoneLabel(z)}
          </option>
        ))}
      </select>
    </div>
  )
}
