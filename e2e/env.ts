import { existsSync } from 'node:fs'

/**
 * Ports and URLs of the e2e stack. They differ from `npm run demo` (4010/5173) so the
 * suite can run while a demo is open.
 */
export const EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 4110)
export const APP_PORT = Number(process.env.E2E_APP_PORT ?? 5273)
export const EMULATOR_URL = `http://127.0.0.1:${EMULATOR_PORT}`
export const APP_URL = `http://localhost:${APP_PORT}`

/**
 * The Chromium to drive: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else
 * Playwright's own download (undefined). Never `npx playwright install` on CI boxes
 * without internet.
 */
export function chromiumExecutable(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
