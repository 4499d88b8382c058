/**
 * Sends one request through an emulator's `handle` without a socket (as fastify's `inject` does): the replay test runs
 * 1,375 requests in process this way, in a fraction of the time HTTP on localhost takes. It exercises everything the
 * router does after the socket (body reading, auth, routing, serialization).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'
import type { Emulator } from './server.ts'

export interface Injected {
  status: number
  headers: Record<string, string>
  text: string
}

export const inject = (emulator: Emulator, request: { method: string; url: string; headers?: Record<string, string>; body?: string }): Promise<Injected> =>
  new Promise((resolve) => {
    // A readable body: it flows once the router listens, whenever that is (after any latency it adds).
    const chunks = request.body === undefined || request.body === '' ? [] : [Buffer.from(request.body)]
    const req = Object.assign(Readable.from(chunks), {
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    })
    let status = 200
    let headers: Record<string, string> = {}
    const res = {
      headersSent: false,
      writeHead(code: number, h: Record<string, string | number> = {}) {
        status = code
        headers = Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), String(v)]))
        this.headersSent = true
        return this
      },
      end(chunk?: string) {
        resolve({ status, headers, text: chunk ?? '' })
        return this
      },
    }
    emulator.handle(req as unknown as IncomingMessage, res as unknown as ServerResponse)
  })
