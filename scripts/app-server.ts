import { existsSync, statSync } from 'node:fs'
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http'
import { join, normalize, resolve, sep } from 'node:path'
import type { Connect, Plugin } from 'vite'
import { isScalewayApiPath } from './api-proxy.ts'

type Headers = OutgoingHttpHeaders | undefined

/** Raw request targets under /api (`/api`, `/api/…`, `/api?…`): the proxy's, never the app's. */
const API_TARGET_RE = /^\/api(?:[/?]|$)/

const pathOf = (url: string): string => url.replace(/[?#].*$/, '')

/**
 * The decoded path, or undefined when its percent-encoding is broken. It returns the value on
 * purpose: the config bundler drops a `decodeURIComponent` call whose result is unused.
 */
const decoded = (path: string): string | undefined => {
  try {
    return decodeURIComponent(path)
  } catch {
    return undefined
  }
}

const notFound = (res: ServerResponse, headers: Headers, message: string): void => {
  for (const [name, value] of Object.entries(headers ?? {})) if (value !== undefined) res.setHeader(name, value)
  res.statusCode = 404
  res.setHeader('Content-Type', 'text/plain; charset=utf-8')
  res.setHeader('Cache-Control', 'no-cache')
  res.end(`${message}\n`)
}

/** Whether `path` (decoded) names a file inside `dir`. */
const fileIn = (dir: string, path: string): boolean => {
  const file = normalize(join(dir, path))
  return file.startsWith(dir + sep) && existsSync(file) && statSync(file).isFile()
}

/**
 * What the app server answers before Vite's own middlewares, the same way as the nginx recipe
 * (deploy/nginx/scaleway-console.conf.template):
 * - /api targets that are not Scaleway API paths (`isScalewayApiPath`): 404, never proxied;
 * - an app path Vite cannot decode (`/instances/fr-par-1/%E0%A4%A`, which Vite answers with an
 *   empty 404): index.html with the usual headers, so the app shows its not-found page;
 * - preview only: a missing /assets/ file is 404, not index.html (no HTML served as a script,
 *   no source map that was not built).
 */
export function appRoutes(options: { headers: Headers; outDir?: string }): Connect.NextHandleFunction {
  const outDir = options.outDir && resolve(options.outDir)
  return (req, res, next) => {
    const url = req.url ?? '/'
    if (API_TARGET_RE.test(url)) {
      if (isScalewayApiPath(url)) return next()
      return notFound(res, options.headers, 'Not a Scaleway API path: refused by the console’s /api proxy.')
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return next()
    const raw = pathOf(url)
    const path = decoded(raw)
    if (path === undefined) {
      if (raw.startsWith('/assets/')) return notFound(res, options.headers, 'Not found.')
      req.url = '/index.html'
      return next()
    }
    if (outDir && raw.startsWith('/assets/') && !fileIn(outDir, path)) {
      return notFound(res, options.headers, 'Not found.')
    }
    next()
  }
}

/** Installs `appRoutes` in `vite` (dev) and `vite preview`, ahead of the proxy and the SPA fallback. */
export function appServer(): Plugin {
  return {
    name: 'scaleway-console:app-server',
    configureServer(server) {
      server.middlewares.use(appRoutes({ headers: server.config.server.headers }))
    },
    configurePreviewServer(server) {
      const { config } = server
      server.middlewares.use(
        appRoutes({ headers: config.preview.headers, outDir: resolve(config.root, config.build.outDir) }),
      )
    },
  }
}
