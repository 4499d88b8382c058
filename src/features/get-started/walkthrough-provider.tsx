import { useMutation } from '@tanstack/react-query'
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react'
import { normalizeCredentials, validateCredentials } from '@/features/session'
import { DEFAULT_ZONE } from '@/lib/scaleway/zones'
import { testApiKey, type TestOutcome } from './api/test-key'
import { WalkthroughContext, type Walkthrough } from './walkthrough'

export function WalkthroughProvider({ children }: { children: ReactNode }) {
  const [accessKey, setAccessKeyValue] = useState('')
  const [secret, setSecretValue] = useState('')
  const [touched, setTouched] = useState({ accessKey: false, secretKey: false })
  const [zone, setZone] = useState(DEFAULT_ZONE)
  const [outcome, setOutcome] = useState<TestOutcome | null>(null)
  // Each edit starts a new generation: a test answering after the key changed is dropped.
  const generation = useRef(0)

  const credentials = useMemo(() => normalizeCredentials({ accessKey, secretKey: secret }), [accessKey, secret])
  const errors = useMemo(() => validateCredentials({ accessKey, secretKey: secret }), [accessKey, secret])
  const valid = !errors.accessKey && !errors.secretKey

  // No variables: the secret never sits in the mutation cache. It is read from the render that asked for the test.
  const pending = useRef(credentials)
  const { mutate, isPending } = useMutation({
    mutationFn: () => {
      const asked = generation.current
      return testApiKey(pending.current).then((result) => ({ asked, result }))
    },
    onSuccess: ({ asked, result }) => {
      if (asked === generation.current) setOutcome(result)
    },
    retry: false,
    gcTime: 0,
  })

  const edit = useCallback((apply: () => void) => {
    generation.current++
    setOutcome(null)
    apply()
  }, [])

  const value = useMemo<Walkthrough>(
    () => ({
      accessKey,
      setAccessKey: (next) => edit(() => setAccessKeyValue(next)),
      secret,
      setSecret: (next) => edit(() => setSecretValue(next)),
      errors,
      touched,
      touch: (field) => setTouched((current) => (current[field] ? current : { ...current, [field]: true })),
      valid,
      credentials,
      test: () => {
        setTouched({ accessKey: true, secretKey: true })
        if (!valid) return
        pending.current = credentials
        mutate()
      },
      testing: isPending,
      outcome,
      zone,
      setZone,
    }),
    [accessKey, secret, errors, touched, valid, credentials, mutate, isPending, outcome, zone, edit],
  )
  return <WalkthroughContext value={value}>{children}</WalkthroughContext>
}
