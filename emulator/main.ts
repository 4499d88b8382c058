/** Entry point: `tsx emulator/main.ts`. See server.ts for options and knobs.ts for the /__emulator/ API. */
import { createEmulator } from './server.ts'

const numberFromEnv = (name: string): number | undefined => {
  const raw = process.env[name]
  if (raw === undefined || raw.trim() === '') return undefined
  const value = Number(raw)
  if (!Number.isFinite(value) || value < 0) {
    console.error(`${name} must be a non-negative number (got "${raw}")`)
    process.exit(1)
  }
  return value
}

const port = numberFromEnv('EMULATOR_PORT') ?? 4010
const host = process.env.EMULATOR_HOST?.trim() || '127.0.0.1'

const emulator = createEmulator({
  seedServers: numberFromEnv('EMULATOR_SEED_SERVERS'),
  transitionMs: numberFromEnv('EMULATOR_TRANSITION_MS'),
  latencyMs: numberFromEnv('EMULATOR_LATENCY_MS'),
})

const url = await emulator.listen(port, host)
console.log(`Scaleway API emulator listening on ${url}`)

const shutdown = (): void => {
  emulator.close().then(() => process.exit(0), () => process.exit(1))
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
