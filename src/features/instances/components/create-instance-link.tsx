import { Link } from 'react-router'
import { buttonVariants } from '@/components/ui/button'
import { ALL_ZONES } from '@/lib/scaleway/use-zone'

/** "Create instance", opening the form on the zone in view. */
export function CreateInstanceLink({ zone }: { zone: string }) {
  const search = zone && zone !== ALL_ZONES ? `?${new URLSearchParams({ zone })}` : ''
  return (
    <Link to={`/instances/new${search}`} className={buttonVariants({ variant: 'primary' })}>
      Create instance
    </Link>
  )
}
