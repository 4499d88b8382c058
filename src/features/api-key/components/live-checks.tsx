import type { Client } from '@scaleway/sdk-client'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Button } from '@/components/ui/button'
import { useZoneFanOut, type FanOut } from '@/lib/scaleway/fan-out'
import { checkFromQuery, checkFromZone, checkQueries, type CheckResult } from '../api/check-queries'
import { CheckCell } from './check-cell'

interface ZoneTotal {
  zone: string
  total: number
}
const totalRow = (total: number, zone: string): ZoneTotal[] => [{ zone, total }]

function zoneChecks(fanOut: FanOut<ZoneTotal>): Map<string, CheckResult> {
  return new Map(fanOut.zones.map((z) => [
    z.zone,
    checkFromZone(z.status, z.isFetching, fanOut.rows.find((r) => r.zone === z.zone)?.total, z.error, z.refetch),
  ]))
}

const th = 'px-3 py-2 text-left font-medium'
const td = 'px-3 py-2 text-left align-top'

/** Each call the console makes, made with this key: allowed, denied (Scaleway's 403 message) or failed. */
export function LiveChecks({ client, accessKey }: { client: Client; accessKey: string }) {
  const queryClient = useQueryClient()
  const readKey = checkFromQuery(useQuery(checkQueries.readKey(client, accessKey)))
  const projects = checkFromQuery(useQuery(checkQueries.listProjects(client, accessKey)))
  const servers = useZoneFanOut({ query: (zone) => checkQueries.listServers(client, accessKey, zone), rows: totalRow })
  const ips = useZoneFanOut({ query: (zone) => checkQueries.listIps(client, accessKey, zone), rows: totalRow })
  const serverChecks = zoneChecks(servers)
  const ipChecks = zoneChecks(ips)
  const all = [readKey, projects, ...serverChecks.values(), ...ipChecks.values()]
  const count = (state: CheckResult['state']) => all.filter((c) => c.state === state).length
  const running = count('checking') > 0

  return (
    <section aria-labelledby="live-check" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="live-check" className="font-semibold text-slate-900">Live check: the console’s own calls</h3>
        <Button variant="secondary" size="sm" disabled={running} onClick={() => void queryClient.refetchQueries({ queryKey: checkQueries.all(accessKey) })}>
          Run the checks again
        </Button>
      </div>
      <p aria-live="polite" className="text-sm text-slate-600">
        {running
          ? `Checking ${count('checking')} of ${all.length} calls…`
          : `${count('allowed')} of ${all.length} calls allowed, ${count('denied')} denied, ${count('failed')} failed. Each asks for one item only.`}
      </p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">Account and IAM calls</caption>
          <thead className="bg-slate-50 text-slate-700">
            <tr><th scope="col" className={th}>Call</th><th scope="col" className={th}>Result</th></tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            <tr>
              <th scope="row" className={`${td} font-normal`}>Read this key <span className="font-mono text-xs text-slate-500">IAM GET /api-keys/{accessKey}</span></th>
              <td className={td}><CheckCell result={readKey} name="read this key" /></td>
            </tr>
            <tr>
              <th scope="row" className={`${td} font-normal`}>List projects <span className="font-mono text-xs text-slate-500">Account GET /projects</span></th>
              <td className={td}><CheckCell result={projects} noun={['project', 'projects']} name="list projects" /></td>
            </tr>
          </tbody>
        </table>
      </div>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">Instance calls in each zone</caption>
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              <th scope="col" className={th}>Zone</th>
              <th scope="col" className={th}>List servers</th>
              <th scope="col" className={th}>List flexible IPs</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {servers.zones.map(({ zone }) => (
              <tr key={zone}>
                <th scope="row" className={`${td} font-mono font-normal`}>{zone}</th>
                <td className={td}><CheckCell result={serverChecks.get(zone)!} noun={['server', 'servers']} name={`list servers in ${zone}`} /></td>
                <td className={td}><CheckCell result={ipChecks.get(zone)!} noun={['flexible IP', 'flexible IPs']} name={`list flexible IPs in ${zone}`} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
