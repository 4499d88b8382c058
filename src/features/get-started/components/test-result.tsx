import { Link } from 'react-router'
import { statusGuideAnchor, statusGuideRow } from '@/lib/scaleway/status-guide'
import { cn } from '@/lib/utils'
import type { TestOutcome } from '../api/test-key'
import type { Verdict } from '../api/verdict'
import { KeyFields } from './key-fields'

const TONE: Record<Verdict['tone'], string> = {
  success: 'border-emerald-200 bg-emerald-50 text-emerald-950',
  warning: 'border-amber-200 bg-amber-50 text-amber-950',
  danger: 'border-red-200 bg-red-50 text-red-950',
}

/** The answer: status and time, what it means, the fields explained, and the body as Scaleway sent it. */
export function TestResult({ outcome, verdict }: { outcome: TestOutcome; verdict: Verdict }) {
  const { exchange } = outcome.result
  const row = statusGuideRow(exchange.status ?? undefined)
  return (
    <div className="space-y-3">
      <div role="status" className={cn('rounded-lg border p-4', TONE[verdict.tone])}>
        <p className="font-mono text-xs">
          {exchange.status === null ? 'No answer' : `HTTP ${exchange.status}`} · {exchange.ms} ms
        </p>
        <p className="mt-1 font-semibold">{verdict.title}</p>
        <p className="mt-1">{verdict.text}</p>
        {row && (
          <Link to={{ hash: statusGuideAnchor(row.code) }} className="mt-2 inline-block font-medium underline underline-offset-2">
            {row.code === 'network' ? 'What “no answer” means' : `What HTTP ${row.code} means`}
          </Link>
        )}
      </div>
      {outcome.result.ok && <KeyFields outcome={outcome} apiKey={outcome.result.value} />}
      {exchange.body !== null && (
        <details open className="rounded-lg border border-slate-200">
          <summary className="cursor-pointer px-3 py-2 font-medium text-slate-900">Response body</summary>
          <pre tabIndex={0} className="focus-visible:outline-2 focus-visible:outline-brand-500 max-h-80 overflow-auto border-t border-slate-200 bg-slate-50 p-3 font-mono text-xs text-slate-800">
            {typeof exchange.body === 'string' ? exchange.body : JSON.stringify(exchange.body, null, 2)}
          </pre>
        </details>
      )}
    </div>
  )
}
