import { createAdvancedClient, type Client } from '@scaleway/sdk-client'

/** What went over the wire for one SDK call: the HTTP status (null when nothing answered), the time, the raw body. */
export interface Exchange {
  /** `GET /iam/v1alpha1/api-keys/SCW…?…`: method, path and query as sent (without the API's base URL). */
  request: string
  status: number | null
  /** Milliseconds from the request to the parsed answer. */
  ms: number
  /** The answer as the API sent it: parsed JSON, text, or null when empty or absent. */
  body: unknown
}

export type ExchangeResult<T> = { ok: true; value: T; exchange: Exchange } | { ok: false; error: unknown; exchange: Exchange }

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text()
  if (text === '') return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

/**
 * Runs one SDK call on a copy of `client` that also records the raw exchange (a response interceptor reads a clone
 * of the answer), so a page can show "HTTP 200 in 84 ms" and the JSON as Scaleway sent it, while the SDK still does
 * the typing and the error parsing. The copy keeps the client's transport (no redirects, NetworkError) and its
 * credentials; nothing is logged. `call` must make exactly one request.
 */
export async function withExchange<T>(client: Client, call: (client: Client) => Promise<T>): Promise<ExchangeResult<T>> {
  let request = ''
  let status: number | null = null
  let body: Promise<unknown> = Promise.resolve(null)
  const base = client.settings.apiURL ?? ''
  const observed = createAdvancedClient(() => ({
    ...client.settings,
    interceptors: [
      ...client.settings.interceptors,
      {
        request: ({ request: sent }) => {
          request = `${sent.method} ${sent.url.startsWith(base) ? sent.url.slice(base.length) : sent.url}`
          return sent
        },
        response: ({ response }) => {
          status = response.status
          body = readBody(response.clone())
          return response
        },
      },
    ],
  }))
  const started = performance.now()
  try {
    const value = await call(observed)
    return { ok: true, value, exchange: { request, status, ms: Math.round(performance.now() - started), body: await body } }
  } catch (error) {
    return { ok: false, error, exchange: { request, status, ms: Math.round(performance.now() - started), body: await body.catch(() => null) } }
  }
}

/** An answer with the request it answered and the JSON it came in. */
export interface WithRaw<T> {
  value: T
  request: string
  raw: unknown
}

/** For query functions: the value, its request and raw JSON, or the SDK's error thrown as usual. */
export async function fetchWithRaw<T>(client: Client, call: (client: Client) => Promise<T>): Promise<WithRaw<T>> {
  const result = await withExchange(client, call)
  if (!result.ok) throw result.error
  return { value: result.value, request: result.exchange.request, raw: result.exchange.body }
}
