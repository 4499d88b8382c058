import { Link } from 'react-router'

/** "← Instances in fr-par-1", back to the zone's list. */
export function BackToList({ zone }: { zone: string }) {
  return (
    <div className="mb-2">
      <Link to={`/instances?${new URLSearchParams({ zone })}`} className="text-sm text-brand-700 hover:underline">
        ← Instances in {zone}
      </Link>
    </div>
  )
}
