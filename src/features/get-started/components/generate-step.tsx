import { useWalkthrough } from '../walkthrough'
import { Step } from './step'

/** Scaleway's console page where keys are generated. */
export const SCALEWAY_API_KEYS_URL = 'https://console.scaleway.com/iam/api-keys'

const TERMS: [string, string][] = [
  ['Bearer', 'Yourself: the key acts with your own permissions (your policies and your groups’). Or an IAM application: a non-human principal with its own policies, best for CI and scripts.'],
  ['Expiration', 'Never, or a date. After it, every call with the key answers 401 “expired”. Give keys used by scripts an expiry.'],
  ['Default project', 'Where resources go when a request names no project (SCW_DEFAULT_PROJECT_ID). It is not a limit: the policies decide what the key may reach.'],
]

export function GenerateStep() {
  const { accessKey, secret } = useWalkthrough()
  return (
    <Step number={1} title="Generate a key" status={accessKey || secret ? 'done' : 'waiting'}>
      <p>
        An API key has two halves: an <strong>access key</strong> (SCW followed by 17 letters or digits: an identifier,
        fine to share) and a <strong>secret key</strong> (a UUID). The secret is as good as a password: whoever holds it
        acts as the key’s bearer, everywhere the bearer’s policies allow.
      </p>
      <p>
        Open{' '}
        <a href={SCALEWAY_API_KEYS_URL} target="_blank" rel="noreferrer" className="font-medium text-brand-700 underline underline-offset-2">
          IAM › API keys in the Scaleway console
        </a>{' '}
        and choose “Generate API key”. It asks for:
      </p>
      <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[10rem_1fr]">
        {TERMS.map(([term, text]) => (
          <div key={term} className="contents">
            <dt className="font-medium text-slate-900">{term}</dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
      <p className="rounded-md bg-amber-50 px-3 py-2 text-amber-900">
        The secret key is shown <strong>once</strong>, right after you generate the key. Copy it then; if it is lost,
        generate a new key and delete the old one.
      </p>
    </Step>
  )
}
