import { Badge } from '@/components/ui/badge'
import { Skeleton } from '@/components/ui/skeleton'
import { describeError } from '@/lib/scaleway/errors'
import type { KeyFacts } from '../api/use-key-facts'

/** A user (email or username, owner or member) or an IAM application (its name); the id when IAM would not say. */
export function KeyBearer({ facts }: { facts: KeyFacts }) {
  const { bearer, user, application } = facts
  if (!bearer) return <span className="text-slate-500">Unknown (the key’s IAM record could not be read)</span>
  const query = bearer.type === 'user' ? user : application
  if (query.isPending) return <Skeleton className="h-5 w-48" />
  if (query.isError) {
    return (
      <span>
        {bearer.type === 'user' ? 'User' : 'IAM application'} <span className="font-mono">{bearer.id}</span>
        <span className="block text-xs text-amber-800">Could not be read: {describeError(query.error).message}</span>
      </span>
    )
  }
  if (bearer.type === 'user' && user.data) {
    const u = user.data.value
    return (
      <span className="flex flex-wrap items-center gap-2">
        User <strong>{u.email || u.username}</strong>
        <Badge tone={u.type === 'owner' ? 'info' : 'neutral'}>{u.type}</Badge>
        {u.tags.map((tag) => <Badge key={tag}>#{tag}</Badge>)}
        <span className="w-full font-mono text-xs text-slate-500">{u.id}</span>
      </span>
    )
  }
  const app = application.data?.value
  return (
    <span className="flex flex-wrap items-center gap-2">
      IAM application <strong>{app?.name}</strong>
      {app?.tags.map((tag) => <Badge key={tag}>#{tag}</Badge>)}
      <span className="w-full font-mono text-xs text-slate-500">{bearer.id}</span>
    </span>
  )
}
