/**
 * Renders deploy/nginx/scaleway-console.conf.template into an nginx site (http {} context).
 *
 *   npx tsx scripts/nginx-config.ts --server-name console.example.com --root /srv/scaleway-console/dist \
 *     --cert /etc/letsencrypt/live/console.example.com/fullchain.pem \
 *     --key /etc/letsencrypt/live/console.example.com/privkey.pem \
 *     [--upstream https://api.scaleway.com] [--listen 443 --listen '[::]:443'] \
 *     [--trusted-ca /etc/ssl/certs/ca-certificates.crt] > /etc/nginx/conf.d/scaleway-console.conf
 *
 * `--upstream` defaults to SCW_API_URL, else https://api.scaleway.com, and is checked like the
 * Vite proxy's target (https unless it is this machine). Every value is checked so that nothing
 * can close a directive or open a block in the rendered file.
 */
import { readFileSync } from 'node:fs'
import { isAbsolute } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { resolveApiTarget } from './api-proxy.ts'

export const TEMPLATE_PATH = fileURLToPath(new URL('../deploy/nginx/scaleway-console.conf.template', import.meta.url))
export const DEFAULT_TRUSTED_CA = '/etc/ssl/certs/ca-certificates.crt'

export interface NginxSiteOptions {
  /** Where /api goes (SCW_API_URL): the Scaleway API, or a local emulator. */
  upstream: string
  /** The console's host name(s), space-separated; requests for any other Host are refused. */
  serverName: string
  /** Absolute path of the built dist/. */
  root: string
  /** Addresses to listen on with TLS and HTTP/2 (`443`, `[::]:443`, `127.0.0.1:8443`). */
  listen: readonly string[]
  tlsCertificate: string
  tlsCertificateKey: string
  /** CA bundle the API's certificate must chain to. */
  trustedCa?: string
}

/** A value that cannot end a directive, open a block, start a variable or a comment. */
const SAFE_VALUE = /^[A-Za-z0-9._~:/@[\]+-]+$/

const checked = (name: string, value: string): string => {
  if (!SAFE_VALUE.test(value)) throw new Error(`${name} has characters nginx would interpret: "${value}"`)
  return value
}

const absolutePath = (name: string, value: string): string => {
  if (!isAbsolute(value)) throw new Error(`${name} must be an absolute path, got "${value}"`)
  return checked(name, value)
}

/** The template with every `{{NAME}}` filled in; a line holding `{{LISTEN}}` is repeated per address. */
export function renderNginxSite(options: NginxSiteOptions, template = readFileSync(TEMPLATE_PATH, 'utf8')): string {
  const upstream = new URL(resolveApiTarget(options.upstream))
  const https = upstream.protocol === 'https:'
  const port = upstream.port || (https ? '443' : '80')
  const names = options.serverName.trim().split(/\s+/)
  if (names.length === 0 || names[0] === '') throw new Error('server name is required')
  if (options.listen.length === 0) throw new Error('at least one listen address is required')
  const values: Record<string, string> = {
    SERVER_NAME: names.map((name) => checked('server name', name)).join(' '),
    ROOT: absolutePath('root', options.root.replace(/\/+$/, '')),
    TLS_CERTIFICATE: absolutePath('TLS certificate', options.tlsCertificate),
    TLS_CERTIFICATE_KEY: absolutePath('TLS certificate key', options.tlsCertificateKey),
    TRUSTED_CA_FILE: absolutePath('trusted CA file', options.trustedCa ?? DEFAULT_TRUSTED_CA),
    UPSTREAM_SCHEME: upstream.protocol.slice(0, -1),
    UPSTREAM_SERVER: checked('upstream', `${upstream.hostname}:${port}`),
    UPSTREAM_HOST: checked('upstream', upstream.host),
    UPSTREAM_NAME: checked('upstream', upstream.hostname.replace(/^\[|\]$/g, '')),
    UPSTREAM_BASE_PATH: upstream.pathname === '/' ? '' : checked('upstream path', upstream.pathname),
  }
  const listen = options.listen.map((address) => checked('listen address', address))
  const lines = template.split('\n').flatMap((line) =>
    line.includes('{{LISTEN}}') ? listen.map((address) => line.replaceAll('{{LISTEN}}', address)) : [line],
  )
  const rendered = lines.join('\n').replace(/\{\{([A-Z_]+)\}\}/g, (match, name: string) => values[name] ?? match)
  const left = rendered.match(/\{\{[A-Z_]+\}\}/)
  if (left) throw new Error(`the template uses ${left[0]}, which this renderer does not know`)
  return rendered
}

function main(): void {
  const { values } = parseArgs({
    options: {
      upstream: { type: 'string' },
      'server-name': { type: 'string' },
      root: { type: 'string' },
      listen: { type: 'string', multiple: true },
      cert: { type: 'string' },
      key: { type: 'string' },
      'trusted-ca': { type: 'string' },
    },
    strict: true,
  })
  const required = (name: keyof typeof values): string => {
    const value = values[name]
    if (typeof value !== 'string' || value === '') throw new Error(`--${name} is required (see the README, "Deployment (nginx)")`)
    return value
  }
  process.stdout.write(
    renderNginxSite({
      upstream: values.upstream ?? process.env.SCW_API_URL ?? '',
      serverName: required('server-name'),
      root: required('root'),
      listen: values.listen ?? ['443', '[::]:443'],
      tlsCertificate: required('cert'),
      tlsCertificateKey: required('key'),
      trustedCa: values['trusted-ca'],
    }),
  )
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main()
  } catch (error) {
    console.error(`nginx-config: ${(error as Error).message}`)
    process.exit(1)
  }
}
