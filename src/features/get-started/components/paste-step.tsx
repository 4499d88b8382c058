import { useEffect, useRef } from 'react'
import { Field } from '@/components/ui/field'
import { DemoKeys, SecretKeyField, useSession } from '@/features/session'
import { useWalkthrough, type StepStatus } from '../walkthrough'
import { Step } from './step'

const SECRET_ID = 'get-started-secret-key'

function pasteStatus(w: ReturnType<typeof useWalkthrough>): StepStatus {
  if (w.valid) return 'done'
  const shown = (w.touched.accessKey && w.errors.accessKey) || (w.touched.secretKey && w.errors.secretKey)
  return shown ? 'failed' : 'waiting'
}

/**
 * The two halves, checked as they are typed with the sign-in rules. The secret field is uncontrolled (a controlled
 * input would mirror the secret into the DOM's value attribute); its value is put back by property after a remount.
 */
export function PasteStep() {
  const w = useWalkthrough()
  const { accessKey: signedInAs } = useSession()
  const secretRef = useRef<HTMLInputElement>(null)
  const restore = useRef(w.secret)
  useEffect(() => {
    if (secretRef.current && restore.current) secretRef.current.value = restore.current
  }, [])

  const okAccess = !w.errors.accessKey ? 'Looks right: SCW and 17 letters or digits.' : undefined
  const okSecret = !w.errors.secretKey ? 'Looks right: a UUID. It stays in this tab’s memory.' : 'Kept in this tab’s memory only; sent only as the X-Auth-Token header.'
  return (
    <Step number={2} title="Paste it" status={pasteStatus(w)}>
      {signedInAs && !w.accessKey && (
        <p>You are signed in with <span className="font-mono">{signedInAs}</span>; paste it again, or any other key, to test it here.</p>
      )}
      {/* A form around the secret field, as browsers expect of a password field; step 3's button sends it. */}
      <form aria-label="The key to test" noValidate className="grid gap-4 md:grid-cols-2" onSubmit={(event) => event.preventDefault()}>
        <Field
          label="Access key"
          name="accessKey"
          autoComplete="off"
          spellCheck={false}
          placeholder="SCWXXXXXXXXXXXXXXXXX"
          value={w.accessKey}
          description={okAccess}
          error={w.touched.accessKey ? w.errors.accessKey : undefined}
          onChange={(e) => w.setAccessKey(e.target.value)}
          onBlur={() => w.accessKey && w.touch('accessKey')}
        />
        <SecretKeyField
          ref={secretRef}
          id={SECRET_ID}
          description={okSecret}
          error={w.touched.secretKey ? w.errors.secretKey : undefined}
          onChange={(e) => w.setSecret(e.target.value)}
          onBlur={() => w.secret && w.touch('secretKey')}
        />
      </form>
      <DemoKeys
        onPick={(credentials) => {
          w.setAccessKey(credentials.accessKey)
          w.setSecret(credentials.secretKey)
          if (secretRef.current) secretRef.current.value = credentials.secretKey
        }}
      />
    </Step>
  )
}
