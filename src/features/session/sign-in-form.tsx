import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useRef, useState, type FormEvent } from 'react'
import { Button } from '@/components/ui/button'
import { ErrorPanel } from '@/components/ui/error-panel'
import { Field } from '@/components/ui/field'
import { retryDelay, shouldRetry } from '@/lib/query-client'
import { createScalewayClient, type Credentials } from '@/lib/scaleway/client'
import { normalizeCredentials, validateCredentials, type CredentialErrors } from './credentials'
import { DemoKeys } from './demo-keys'
import { SecretKeyField } from './secret-key-field'
import { sessionQueries, verifyApiKey } from './session-queries'
import { useSession } from './session-provider'

interface SignInFormProps {
  onSignedIn: () => void
}

const SECRET_INPUT_ID = 'sign-in-secret-key'

/**
 * The secret field is uncontrolled: a controlled input would have React mirror the
 * secret into the DOM's `value` attribute, where selectors and DOM dumps can read it.
 */
export function SignInForm({ onSignedIn }: SignInFormProps) {
  const queryClient = useQueryClient()
  const { signIn } = useSession()
  const [accessKey, setAccessKey] = useState('')
  const secretRef = useRef<HTMLInputElement>(null)
  const [fieldErrors, setFieldErrors] = useState<CredentialErrors>({})

  // The key being checked lives in this ref for the length of the call, never in the
  // mutation's variables: React Query keeps those in its cache while the error is shown.
  const checking = useRef<Credentials | null>(null)
  const verify = useMutation({
    mutationFn: () => {
      const credentials = checking.current
      if (!credentials) throw new Error('No key to check')
      return verifyApiKey(createScalewayClient(credentials), credentials.accessKey)
    },
    // An idempotent GET: retried like a query (network, 5xx, 429), and never paused while the
    // API is unreachable (api-health.ts): the person waiting on "Sign in" gets an answer.
    retry: shouldRetry,
    retryDelay,
    networkMode: 'always',
    gcTime: 0,
    onSuccess: (verification) => {
      const credentials = checking.current
      if (!credentials) return
      signIn(credentials)
      queryClient.setQueryData(sessionQueries.currentKeyKey(credentials.accessKey), verification)
      onSignedIn()
    },
    onSettled: () => {
      checking.current = null
    },
  })

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const values = { accessKey, secretKey: secretRef.current?.value ?? '' }
    const errors = validateCredentials(values)
    setFieldErrors(errors)
    if (errors.accessKey || errors.secretKey) {
      const firstInvalid = errors.accessKey ? 'accessKey' : 'secretKey'
      const input = event.currentTarget.elements.namedItem(firstInvalid)
      if (input instanceof HTMLInputElement) input.focus()
      return
    }
    checking.current = normalizeCredentials(values)
    verify.mutate()
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="space-y-5" aria-describedby="sign-in-help">
      <Field
        label="Access key"
        name="accessKey"
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="characters"
        placeholder="SCWXXXXXXXXXXXXXXXXX"
        value={accessKey}
        error={fieldErrors.accessKey}
        onChange={(e) => {
          setAccessKey(e.target.value)
          if (fieldErrors.accessKey) setFieldErrors((current) => ({ ...current, accessKey: undefined }))
        }}
      />
      <SecretKeyField
        ref={secretRef}
        id={SECRET_INPUT_ID}
        description="Kept in this browser tab only (sessionStorage), sent only as the X-Auth-Token header."
        error={fieldErrors.secretKey}
        onChange={() => {
          if (fieldErrors.secretKey) setFieldErrors((current) => ({ ...current, secretKey: undefined }))
        }}
      />
      {verify.isError && <ErrorPanel error={verify.error} />}
      <Button type="submit" className="w-full" disabled={verify.isPending}>
        {verify.isPending ? 'Checking the key…' : 'Sign in'}
      </Button>
      <DemoKeys
        onPick={(credentials) => {
          setFieldErrors({})
          setAccessKey(credentials.accessKey)
          if (secretRef.current) secretRef.current.value = credentials.secretKey
        }}
      />
    </form>
  )
}
