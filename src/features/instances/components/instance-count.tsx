/** "41 instances": the total as the API counts it (X-Total-Count), announced when it changes. */
export function InstanceCount({ count, partial = false }: { count: number; partial?: boolean }) {
  return (
    <p role="status" className="mb-2 text-sm font-medium text-slate-700">
      {count} {count === 1 ? 'instance' : 'instances'}
      {partial && ' so far'}
    </p>
  )
}
