import { useState } from 'react'
import { Button } from '@/components/ui/button'
import { CodeBlock } from '@/components/ui/code-block'
import { SelectField } from '@/components/ui/field'
import { apiURL } from '@/lib/scaleway/client'
import { maskSecret } from '@/lib/scaleway/secret-mask'
import { regionOf, ZONES, zoneLabel } from '@/lib/scaleway/localities'
import { verdictOf } from '../api/verdict'
import { useWalkthrough } from '../walkthrough'
import { Step } from './step'

/** Against the emulator (demo), commands go through this console's /api proxy; otherwise to Scaleway itself. */
const apiBase = () => (import.meta.env.VITE_SCW_DEMO === 'true' ? apiURL() : 'https://api.scaleway.com')

function exportLines(vars: [string, string][]): string {
  return vars.map(([name, value]) => `export ${name}=${value}`).join('\n')
}

export function UseStep() {
  const { credentials, outcome, zone, setZone } = useWalkthrough()
  const [reveal, setReveal] = useState(false)
  const tested = outcome !== null && verdictOf(outcome.result).authenticated
  const projectId = outcome?.result.ok ? outcome.result.value.defaultProjectId : null
  const api = apiBase()
  const accessKey = credentials.accessKey || 'SCWXXXXXXXXXXXXXXXXX'
  const secret = credentials.secretKey || 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx'
  const vars = (shownSecret: string): [string, string][] => [
    ['SCW_ACCESS_KEY', accessKey],
    ['SCW_SECRET_KEY', shownSecret],
    ...(projectId ? ([['SCW_DEFAULT_PROJECT_ID', projectId]] as [string, string][]) : []),
    ['SCW_DEFAULT_ZONE', zone],
    ['SCW_DEFAULT_REGION', regionOf(zone)],
    ...(import.meta.env.VITE_SCW_DEMO === 'true' ? ([['SCW_API_URL', api]] as [string, string][]) : []),
  ]
  const readKey = `curl -s "${api}/iam/v1alpha1/api-keys/$SCW_ACCESS_KEY" \\\n  -H "X-Auth-Token: $SCW_SECRET_KEY"`
  const listServers = `curl -s "${api}/instance/v1/zones/${zone}/servers?per_page=10" \\\n  -H "X-Auth-Token: $SCW_SECRET_KEY"`
  const legacy = 'curl https://account.scaleway.com/tokens/$SCW_ACCESS_KEY \\\n  -H "X-Auth-Token: $SCW_SECRET_KEY"'

  return (
    <Step number={4} title="Use it" status={tested ? 'done' : 'waiting'}>
      {!tested && <p className="text-slate-500">Test the key first: these lines fill in with it.</p>}
      <p>Export the key for the scw CLI, Terraform, the SDKs and curl (the CLI and the SDKs read these variables):</p>
      <div className="max-w-xs">
        <SelectField label="Default zone" value={zone} onChange={(e) => setZone(e.target.value)}>
          {ZONES.map((z) => (
            <option key={z} value={z}>
              {z} · {zoneLabel(z)}
            </option>
          ))}
        </SelectField>
      </div>
      <CodeBlock label="Environment variables" copyValue={exportLines(vars(secret))}>
        {exportLines(vars(reveal || !credentials.secretKey ? secret : maskSecret(secret)))}
      </CodeBlock>
      <Button variant="ghost" size="sm" aria-pressed={reveal} onClick={() => setReveal((v) => !v)} disabled={!credentials.secretKey}>
        {reveal ? 'Hide secret key' : 'Reveal secret key'}
      </Button>
      <CodeBlock label="Read the key back (IAM)" copyValue={readKey}>{readKey}</CodeBlock>
      <CodeBlock label={`List the Instances of ${zone}`} copyValue={listServers}>{listServers}</CodeBlock>
      <CodeBlock label="The legacy call (retired)" copyValue={legacy}>{legacy}</CodeBlock>
      <p className="text-slate-600">
        <strong>Retired:</strong> account.scaleway.com no longer answers, though older guides still show this call. It
        returned a <span className="font-mono">token</span> with user_id, project_id and organization_id; today IAM gives
        user_id (or application_id) and default_project_id, and the Account API the project’s organization_id.
      </p>
    </Step>
  )
}
