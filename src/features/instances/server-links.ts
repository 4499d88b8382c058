/** Where a server lives, in the console and out of it. */

/** The console's own path to a server; both parts may come from an answer, so both are encoded. */
export const serverPath = (zone: string, id: string) => `/instances/${encodeURIComponent(zone)}/${encodeURIComponent(id)}`

/** The server in Scaleway's own console. Give it the route's checked zone and id. */
export const scalewayConsoleUrl = (zone: string, id: string) =>
  `https://console.scaleway.com/instance/servers/${encodeURIComponent(zone)}/${encodeURIComponent(id)}/overview`

/**
 * The GET of a server as a shell command. Give it the route's zone and id (already
 * checked: a known zone, a UUID), never the answer's; the URL is single-quoted so
 * nothing in it runs when pasted, and the secret stays a variable.
 */
export function curlFor(zone: string, id: string): string {
  return `curl -sS -H 'X-Auth-Token: '"$SCW_SECRET_KEY" 'https://api.scaleway.com/instance/v1/zones/${zone}/servers/${id}'`
}
