import { type ComponentProps, useState } from 'react'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'

type SecretKeyFieldProps = Pick<ComponentProps<typeof Field>, 'ref' | 'description' | 'error' | 'onChange' | 'onBlur'> & { id: string }

/**
 * The secret key's field, wherever a key is typed (sign-in, Get started): masked until "Show secret key", ignored by
 * password managers, never spell-checked. Uncontrolled: a controlled input would mirror the secret into React state
 * and the DOM's value attribute; read it through `ref`.
 */
export function SecretKeyField({ id, ...props }: SecretKeyFieldProps) {
  const [reveal, setReveal] = useState(false)
  return (
    <div className="space-y-1.5">
      <Field
        {...props}
        id={id}
        label="Secret key"
        name="secretKey"
        type={reveal ? 'text' : 'password'}
        autoComplete="off"
        data-1p-ignore
        data-lpignore="true"
        spellCheck={false}
        placeholder="xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"
      />
      <Button variant="ghost" size="sm" aria-controls={id} aria-pressed={reveal} onClick={() => setReveal((v) => !v)}>
        {reveal ? 'Hide secret key' : 'Show secret key'}
      </Button>
    </div>
  )
}
