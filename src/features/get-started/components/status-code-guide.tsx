import { useEffect } from 'react'
import { useLocation } from 'react-router'
import { STATUS_GUIDE, statusGuideAnchor } from '@/lib/scaleway/status-guide'
import { cn } from '@/lib/utils'

/** A link to `#status-403` (from any error panel) scrolls to its row and moves focus there, once the page is drawn. */
function useFocusHash(hash: string) {
  useEffect(() => {
    if (!hash.startsWith('#status-')) return
    const frame = requestAnimationFrame(() => {
      const row = document.getElementById(decodeURIComponent(hash.slice(1)))
      row?.scrollIntoView({ block: 'center' })
      row?.focus({ preventScroll: true })
    })
    return () => cancelAnimationFrame(frame)
  }, [hash])
}

/** What each answer of the Scaleway API means and what to do: every error panel links to its row. */
export function StatusCodeGuide() {
  const { hash } = useLocation()
  useFocusHash(hash)
  return (
    <section aria-labelledby="status-guide" className="mt-10">
      <h2 id="status-guide" className="text-lg font-semibold text-slate-900">
        Status codes: what each answer means
      </h2>
      <p className="mt-1 text-sm text-slate-600">Errors come as JSON with a type and a message; the type says more than the code.</p>
      <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">Status</th>
              <th scope="col" className="px-3 py-2 font-medium">What it means</th>
              <th scope="col" className="px-3 py-2 font-medium">What to do</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {STATUS_GUIDE.map((row) => {
              const id = statusGuideAnchor(row.code)
              return (
                <tr key={row.code} id={id} tabIndex={-1} className={cn('scroll-mt-24 align-top focus:outline-2 focus:outline-brand-500', hash === `#${id}` && 'bg-amber-50')}>
                  <th scope="row" className="px-3 py-2 font-medium whitespace-nowrap text-slate-900">
                    <span className="font-mono">{row.code === 'network' ? '—' : row.code}</span> {row.title}
                  </th>
                  <td className="px-3 py-2 text-slate-700">
                    {row.meaning}
                    {row.types.length > 0 && (
                      <span className="mt-1 block font-mono text-xs text-slate-500">{row.types.join(', ')}</span>
                    )}
                  </td>
                  <td className="px-3 py-2 text-slate-700">{row.next}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </section>
  )
}
