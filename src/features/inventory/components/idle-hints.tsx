import { memo } from 'react'
import { Link } from 'react-router'
import type { InventoryLinks } from '../inventory-links'
import { STUCK_AFTER_MS, type IdleHints as Hints } from '../inventory-model'

interface Hint {
  key: string
  title: string
  detail: string
  links: { label: string; to: string }[]
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

function hintsOf(hints: Hints, links: InventoryLinks): Hint[] {
  const list: Hint[] = []
  if (hints.detachedIps.length) {
    list.push({
      key: 'ips',
      title: `${plural(hints.detachedIps.length, 'flexible IP', 'flexible IPs')} attached to nothing`,
      detail: 'A reserved flexible IP is billed while unused. Attach it to a server or release it.',
      links: [{ label: 'Show detached IPs', to: links.ips({ attached: false }) }],
    })
  }
  if (hints.stoppedWithVolumes.length) {
    list.push({
      key: 'stopped',
      title: `${plural(hints.stoppedWithVolumes.length, 'stopped server still holds', 'stopped servers still hold')} ${plural(hints.stoppedVolumes, 'volume', 'volumes')}`,
      detail: 'A powered-off server costs nothing for compute, but its volumes are kept and billed. Delete what you no longer need.',
      links: [{ label: 'Show stopped servers', to: links.servers({ state: 'stopped' }) }],
    })
  }
  if (hints.stoppedInPlace.length) {
    list.push({
      key: 'in-place',
      title: `${plural(hints.stoppedInPlace.length, 'server is', 'servers are')} stopped in place`,
      detail: 'Stopped in place keeps the server on its hypervisor: it is billed as if it were running. Power it off to stop paying for compute.',
      links: [{ label: 'Show servers stopped in place', to: links.servers({ state: 'stopped in place' }) }],
    })
  }
  if (hints.stuck.length) {
    const states = [...new Set(hints.stuck.map((s) => s.state))]
    list.push({
      key: 'stuck',
      title: `${plural(hints.stuck.length, 'server has', 'servers have')} been ${states.join(' or ')} for more than ${STUCK_AFTER_MS / 60_000} minutes`,
      detail: 'A start or stop normally takes a minute or two. Open the server to see its state detail, or contact support.',
      links: states.map((state) => ({ label: `Show ${state} servers`, to: links.servers({ state }) })),
    })
  }
  return list
}

/** What the key is probably paying for without using: each hint links to the list that shows it. */
export const IdleHints = memo(function IdleHints({ hints, links, partial }: { hints: Hints; links: InventoryLinks; partial: boolean }) {
  const list = hintsOf(hints, links)
  return (
    <section aria-labelledby="idle-heading" className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="idle-heading" className="text-lg font-semibold text-slate-900">
        Idle-cost hints
      </h2>
      {list.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">
          {partial ? 'Nothing idle so far; some zones are still answering.' : 'Nothing idle: no detached IP, no stopped server holding volumes, nothing stuck.'}
        </p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100">
          {list.map((hint) => (
            <li key={hint.key} className="py-2 text-sm">
              <p className="font-medium text-amber-900">{hint.title}</p>
              <p className="text-slate-600">{hint.detail}</p>
              <p className="mt-1 flex flex-wrap gap-3">
                {hint.links.map((link) => (
                  <Link key={link.to} to={link.to} className="font-medium text-brand-700 hover:underline">
                    {link.label}
                  </Link>
                ))}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
})
