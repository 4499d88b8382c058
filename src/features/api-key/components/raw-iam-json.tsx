import { notifyManager, useQueryClient, type Query } from '@tanstack/react-query'
import { useCallback, useRef, useSyncExternalStore } from 'react'
import { apiKeyQueries, type Answered, type RawAnswer } from '../api/api-key-queries'

const ORDER = ['key', 'user', 'application', 'groups', 'policies', 'rules', 'permission-sets']

function isAnswered(data: unknown): data is Answered<unknown> {
  return typeof data === 'object' && data !== null && Array.isArray((data as Answered<unknown>).answers)
}

/** Every IAM answer the page holds, in a stable order (the live check's answers are not IAM's story). */
function collect(queries: Query[]): RawAnswer[] {
  return queries
    .filter((q) => ORDER.includes(String(q.queryKey[1])) && isAnswered(q.state.data))
    .sort((a, b) => ORDER.indexOf(String(a.queryKey[1])) - ORDER.indexOf(String(b.queryKey[1])))
    .flatMap((q) => (q.state.data as Answered<unknown>).answers)
}

/** The IAM answers in the cache, kept current as queries land (a new list only when one of them changed). */
function useRawAnswers(): RawAnswer[] {
  const cache = useQueryClient().getQueryCache()
  const last = useRef<{ signature: string; answers: RawAnswer[] }>({ signature: '', answers: [] })
  // As useIsFetching does: the cache notifies while components render; batchCalls defers the update past it.
  const subscribe = useCallback((onChange: () => void) => cache.subscribe(notifyManager.batchCalls(onChange)), [cache])
  const snapshot = useCallback(() => {
    const queries = cache.findAll({ queryKey: apiKeyQueries.all() })
    const signature = queries.map((q) => `${q.queryHash}@${q.state.dataUpdatedAt}`).join('|')
    if (signature !== last.current.signature) last.current = { signature, answers: collect(queries) }
    return last.current.answers
  }, [cache])
  return useSyncExternalStore(subscribe, snapshot, snapshot)
}

/** The raw IAM JSON, collapsible: each request and the body Scaleway answered it with. */
export function RawIamJson() {
  const answers = useRawAnswers()
  return (
    <details className="mt-8 rounded-lg border border-slate-200 bg-white">
      <summary className="cursor-pointer px-4 py-3 font-semibold text-slate-900">Raw IAM JSON ({answers.length} answers)</summary>
      <div className="space-y-4 border-t border-slate-200 p-4">
        {answers.length === 0 && <p className="text-sm text-slate-600">No IAM answer yet: IAM denied every read, or they are still loading.</p>}
        {answers.map(({ request, raw }) => (
          <figure key={request}>
            <figcaption className="font-mono text-xs text-slate-600">{request}</figcaption>
            <pre tabIndex={0} className="focus-visible:outline-2 focus-visible:outline-brand-500 mt-1 max-h-96 overflow-auto rounded-md bg-slate-50 p-3 font-mono text-xs text-slate-800">{JSON.stringify(raw, null, 2)}</pre>
          </figure>
        ))}
      </div>
    </details>
  )
}
