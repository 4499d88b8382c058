/**
 * `npm run demo`: the local Scaleway API emulator and the console's Vite dev server in
 * one process, wired together. Nothing leaves the machine.
 *
 *   EMULATOR_PORT (4010)  where the emulator listens (127.0.0.1)
 *   PORT (5173)           where the console listens (localhost)
 *   EMULATOR_SEED_SERVERS, EMULATOR_TRANSITION_MS, EMULATOR_LATENCY_MS  passed to the emulator
 */
import { createEmulator } from '../emulator/server.ts'
import { DEMO_KEYS } from '../emulator/seed.ts'

const emulatorPort = Number(process.env.EMULATOR_PORT ?? 4010)
const emulatorHost = process.env.EMULATOR_HOST ?? '127.0.0.1'
const appPort = Number(process.env.PORT ?? 5173)

const optionalNumber = (name: string): number | undefined => {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return undefined
  const value = Number(raw)
  if (!Number.isFinite(value) || value < 0) fail(`${name} must be a non-negative number, got "${raw}"`)
  return value
}

function fail(message: string): never {
  console.error(`\n  demo: ${message}\n`)
  process.exit(1)
}

const isAddressInUse = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE'

const emulator = createEmulator({
  seedServers: optionalNumber('EMULATOR_SEED_SERVERS'),
  transitionMs: optionalNumber('EMULATOR_TRANSITION_MS'),
  latencyMs: optionalNumber('EMULATOR_LATENCY_MS'),
})

let emulatorUrl: string
try {
  emulatorUrl = await emulator.listen(emulatorPort, emulatorHost)
} catch (error) {
  if (isAddressInUse(error)) {
    fail(
      `port ${emulatorPort} is already in use, so the emulator cannot start.\n` +
        `  Stop whatever listens there (another \`npm run demo\` or \`npm run emulator\`?) or pick another port:\n` +
        `  EMULATOR_PORT=4011 npm run demo`,
    )
  }
  throw error
}

// vite.config.ts reads SCW_API_URL when the config is loaded, i.e. inside createServer().
process.env.SCW_API_URL = emulatorUrl
process.env.PORT = String(appPort)
// Shows the one-click demo-key buttons on the sign-in page (see src/features/session/demo-keys.tsx).
process.env.VITE_SCW_DEMO ??= 'true'
const { createServer } = await import('vite')

const vite = await createServer({ configFile: new URL('../vite.config.ts', import.meta.url).pathname })
try {
  await vite.listen()
} catch (error) {
  await emulator.close()
  const inUse = isAddressInUse(error) || /already in use/i.test(String((error as Error | undefined)?.message))
  if (inUse) fail(`port ${appPort} is already in use, so the console cannot start. Try: PORT=5174 npm run demo`)
  throw error
}

const consoleUrl = vite.resolvedUrls?.local[0] ?? `http://localhost:${appPort}/`
const width = Math.max(...DEMO_KEYS.map((key) => key.label.length))
console.log(`
  Scaleway Console (demo)   ${consoleUrl}
  API emulator              ${emulatorUrl}   (knobs under /__emulator/*)

  Demo keys (public, fake; they only work against this emulator):
${DEMO_KEYS.map((key) => `    ${key.label.padEnd(width)}  ${key.accessKey}  ${key.secretKey}  ${key.description}`).join('\n')}

  Press Ctrl+C to stop.
`)

let closing = false
async function shutdown(signal: NodeJS.Signals) {
  if (closing) return
  closing = true
  console.log(`\n  demo: ${signal} received, stopping…`)
  const force = setTimeout(() => process.exit(1), 5_000)
  force.unref()
  await Promise.allSettled([vite.close(), emulator.close()])
  process.exit(0)
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
