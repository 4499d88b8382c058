import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { Button } from '@/components/ui/button'
import { ErrorPanel } from '@/components/ui/error-panel'
import { Field } from '@/components/ui/field'
import { createScalewayClient, type Credentials } from '@/lib/scaleway/client'
import { normalizeCredentials, validateCredentials, type CredentialErrors } from './credentials'
import { DemoKeys } from './demo-keys'
import { sessionQueries, verifyApiKey } from './session-queries'
import { useSession } from './session-provider'

interface SignInFormProps {
  onSignedIn: () => void
}

export function SignInForm({ onSignedIn }: SignInFormProps) {
  const queryClient = useQueryClient()
  const { signIn } = useSession()
  const [values, setValues] = useState<Credentials>({ accessKey: '', secretKey: '' })
  const [fieldErrors, setFieldErrors] = useState<CredentialErrors>({})
  const [revealSecret, setRevealSecret] = useState(false)

  const verify = useMutation({
    mutationFn: (credentials: Credentials) =>
      verifyApiKey(createScalewayClient(credentials), credentials.accessKey),
    onSuccess: (verification, credentials) => {
      signIn(credentials)
      queryClient.setQueryData(sessionQueries.currentKeyKey(credentials.accessKey), verification)
      onSignedIn()
    },
  })

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const errors = validateCredentials(values)
    setFieldErrors(errors)
    if (errors.accessKey || errors.secretKey) return
    verify.mutate(normalizeCredentials(values))
  }

  function update(name: keyof Credentials, value: string) {
    setValues((current) => ({ ...current, [name]: value }))
    if (fieldErrors[name]) setFieldErrors((current) => ({ ...current, [name]: undefined }))
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="space-y-5" aria-describedby="sign-in-help">
      <Field
        label="Access key"
        name="accessKey"
        autoComplete="username"
        spellCheck={false}
        autoCapitalize="characters"
        placeholder="SCWXXXXXXXXXXXXXXXXX"
        value={values.accessKey}
        error={fieldErrors.accessKey}
        onChange={(e) => update('accessKey', e.target.value)}
      />
      <div className="space-y-1.5">
        <Field
          label="Secret key"
          name="secretKey"
          type={revealSecret ? 'text' : 'password'}
          autoComplete="off"
          spellCheck={false}
          placeholder="xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"
          description="Kept in this browser tab only (sessionStorage), sent only as the X-Auth-Token header."
          value={values.secretKey}
          error={fieldErrors.secretKey}
          onChange={(e) => update('secretKey', e.target.value)}
        />
        <Button
          variant="ghost"
          size="sm"
          aria-pressed={revealSecret}
          onClick={() => setRevealSecret((v) => !v)}
        >
          {revealSecret ? 'Hide secret key' : 'Show secret key'}
        </Button>
      </div>
      {verify.isError && <ErrorPanel error={verify.error} />}
      <Button type="submit" className="w-full" disabled={verify.isPending}>
        {verify.isPending ? 'Checking the key…' : 'Sign in'}
      </Button>
      <DemoKeys onPick={(credentials) => {
        setFieldErrors({})
        setValues(credentials)
      }} />
    </form>
  )
}
