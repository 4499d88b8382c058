/**
 * The built files a page loads, and their size as a compressing host sends them: gzip at zlib's default level, as
 * Vite's build report counts it.
 */
import { existsSync, readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import type { Page } from '@playwright/test'

export interface AssetFile {
  /** Path under dist/, e.g. `/assets/index-Dg6j7nBG.js`. */
  file: string
  kind: 'js' | 'css'
  raw: number
  gzip: number
  /** The module the chunk was built from, when dist/.vite/manifest.json exists. */
  source?: string
}

export interface AssetSet {
  files: AssetFile[]
  jsGzip: number
  cssGzip: number
}

interface ManifestChunk {
  file: string
  name?: string
  src?: string
  css?: string[]
}

export class Dist {
  private readonly sizes = new Map<string, AssetFile>()
  private readonly sources = new Map<string, string>()
  readonly hasManifest: boolean

  constructor(private readonly root: string) {
    const manifestPath = `${root}/dist/.vite/manifest.json`
    this.hasManifest = existsSync(manifestPath)
    if (this.hasManifest) {
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>
      for (const [key, chunk] of Object.entries(manifest)) {
        const source = chunk.src ?? chunk.name ?? key
        this.sources.set(`/${chunk.file}`, source)
        for (const css of chunk.css ?? []) if (!this.sources.has(`/${css}`)) this.sources.set(`/${css}`, `${source} (CSS)`)
      }
    }
  }

  file(path: string): AssetFile {
    const known = this.sizes.get(path)
    if (known) return known
    const content = readFileSync(`${this.root}/dist${path}`)
    const asset: AssetFile = {
      file: path,
      kind: path.endsWith('.css') ? 'css' : 'js',
      raw: content.byteLength,
      gzip: gzipSync(content).byteLength,
      source: this.sources.get(path),
    }
    this.sizes.set(path, asset)
    return asset
  }

  set(paths: Iterable<string>): AssetSet {
    const files = [...new Set(paths)].sort().map((p) => this.file(p))
    const sum = (kind: AssetFile['kind']) => files.filter((f) => f.kind === kind).reduce((total, f) => total + f.gzip, 0)
    return { files, jsGzip: sum('js'), cssGzip: sum('css') }
  }

  /** The scripts, module preloads and style sheets dist/index.html names. */
  indexHtml(): AssetSet {
    const html = readFileSync(`${this.root}/dist/index.html`, 'utf8')
    const paths: string[] = []
    for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
      const url = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1]
      if (!url) continue
      const rel = /\brel="([^"]+)"/.exec(tag)?.[1]
      const isScript = tag.startsWith('<script')
      if (isScript || rel === 'modulepreload' || rel === 'stylesheet') {
        if (/\.(js|css)$/.test(url)) paths.push(new URL(url, 'http://x/').pathname)
      }
    }
    return this.set(paths)
  }
}

/** Built JS and CSS files the page fetches, from now on (cleared by `take`). */
export function trackAssets(page: Page): { take(): string[] } {
  let seen: string[] = []
  page.on('requestfinished', (request) => {
    const path = new URL(request.url()).pathname
    if (/^\/assets\/.+\.(js|css)$/.test(path)) seen.push(path)
  })
  return {
    take: () => {
      const taken = seen
      seen = []
      return taken
    },
  }
}

export const without = (paths: Iterable<string>, ...others: Iterable<string>[]): string[] => {
  const drop = new Set(others.flatMap((o) => [...o]))
  return [...new Set(paths)].filter((p) => !drop.has(p))
}
