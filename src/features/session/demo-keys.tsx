import { Button } from '@/components/ui/button'
import type { Credentials } from '@/lib/scaleway/client'

/**
 * The emulator's public, fake demo keys. Only compiled in when the console runs
 * against the emulator (`npm run demo` sets VITE_SCW_DEMO=true).
 */
const DEMO_KEYS: ReadonlyArray<Credentials & { label: string }> = [
  { label: 'Admin', accessKey: 'SCWDEMOADMIN00000001', secretKey: '11111111-1111-4111-8111-111111111111' },
  { label: 'Read-only', accessKey: 'SCWDEMOREADONLY00001', secretKey: '22222222-2222-4222-8222-222222222222' },
  { label: 'Expired', accessKey: 'SCWDEMOEXPIRED000001', secretKey: '33333333-3333-4333-8333-333333333333' },
  { label: 'Application', accessKey: 'SCWDEMOAPP0000000001', secretKey: '44444444-4444-4444-8444-444444444444' },
]

export function DemoKeys({ onPick }: { onPick: (credentials: Credentials) => void }) {
  if (import.meta.env.VITE_SCW_DEMO !== 'true') return null
  return (
    <fieldset className="rounded-lg border border-brand-200 bg-brand-50 p-3">
      <legend className="px-1 text-xs font-semibold text-brand-800">Demo mode: fill in an emulator key</legend>
      <div className="flex flex-wrap gap-2">
        {DEMO_KEYS.map(({ label, ...credentials }) => (
          <Button key={credentials.accessKey} variant="secondary" size="sm" onClick={() => onPick(credentials)}>
            {label}
          </Button>
        ))}
      </div>
    </fieldset>
  )
}
