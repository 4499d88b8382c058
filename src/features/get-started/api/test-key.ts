import { Iamv1alpha1 } from '@scaleway/sdk-iam'
import { createScalewayClient, type Credentials } from '@/lib/scaleway/client'
import { withExchange, type ExchangeResult } from '@/lib/scaleway/exchange'
import { accessKeyParam } from '@/lib/scaleway/path-params'
import type { Client } from '@scaleway/sdk-client'

/** One run of "Test it": which key, what came back, and the client to go on with (it holds the secret, in memory). */
export interface TestOutcome {
  accessKey: string
  result: ExchangeResult<Iamv1alpha1.APIKey>
  client: Client
}

/**
 * The walkthrough's test: IAM `GET /iam/v1alpha1/api-keys/{access_key}` with the pasted key, the call that replaced
 * the retired `account.scaleway.com/tokens/{access_key}`. Never throws: a refusal is an answer worth showing.
 */
export async function testApiKey(credentials: Credentials): Promise<TestOutcome> {
  const client = createScalewayClient(credentials)
  const result = await withExchange(client, (c) =>
    new Iamv1alpha1.API(c).getAPIKey({ accessKey: accessKeyParam(credentials.accessKey) }),
  )
  return { accessKey: credentials.accessKey, result, client }
}
