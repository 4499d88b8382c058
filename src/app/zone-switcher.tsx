import { useId } from 'react'
import { useLocation, useNavigate, useParams } from 'react-router'
import { ZONES, zoneLabel } from '@/lib/scaleway/localities'
import { useCurrentZone } from '@/lib/scaleway/use-zone'

/**
 * Scopes the zoned pages. The zone lives in the URL (`?zone=`); on an instance's
 * own page the zone is in the path, so switching goes back to that zone's list.
 */
export function ZoneSwitcher() {
  const id = useId()
  const navigate = useNavigate()
  const location = useLocation()
  const params = useParams()
  const zone = useCurrentZone()

  function change(next: string) {
    if (params.zone) {
      navigate(`/instances?zone=${next}`)
      return
    }
    const search = new URLSearchParams(location.search)
    search.set('zone', next)
    search.delete('page')
    navigate({ pathname: location.pathname, search: `?${search}` })
  }

  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm text-slate-300">
        Zone
      </label>
      <select
        id={id}
        value={zone}
        onChange={(e) => change(e.target.value)}
        className="h-8 rounded-md border border-slate-600 bg-slate-800 px-2 text-sm text-white focus:outline-2 focus:outline-brand-400"
      >
        {ZONES.map((z) => (
          <option key={z} value={z}>
            {z} · {zoneLabel(z)}
          </option>
        ))}
      </select>
    </div>
  )
}
