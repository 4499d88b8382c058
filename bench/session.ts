/**
 * Signing in as a person would (the form, the admin demo key), and the baseline every time is divided by.
 * The session lives in the tab's sessionStorage: a `page.goto` in the same page reloads the app signed in.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test'
import { DEMO_KEYS } from '../emulator/seed.ts'
import { installProbes, waitForMark } from './probes.ts'
import { median } from './stats.ts'

const admin = DEMO_KEYS.find((key) => key.label === 'admin')
if (!admin) throw new Error('the emulator seed has no "admin" demo key')
export const ADMIN = admin

/**
 * Fills the sign-in form on the current page and presses "Sign in" (`beforePress` runs just before); resolves once
 * the app has left /sign-in.
 */
export async function submitSignIn(page: Page, beforePress?: () => Promise<unknown>): Promise<void> {
  const button = page.getByRole('button', { name: 'Sign in', exact: true })
  await button.waitFor({ timeout: 30_000 })
  await page.getByLabel('Access key', { exact: true }).fill(ADMIN.accessKey)
  await page.getByLabel('Secret key', { exact: true }).fill(ADMIN.secretKey)
  await beforePress?.()
  await button.click()
  await page.waitForURL((url) => url.pathname !== '/sign-in', { timeout: 30_000 })
}

/** A fresh context (empty HTTP cache) with the probes installed, and one page in it. */
export async function freshPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  // The nginx leg serves a self-signed certificate for localhost.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ignoreHTTPSErrors: true })
  await installProbes(context)
  return { context, page: await context.newPage() }
}

/** A fresh context whose page is signed in, resting on /get-started. */
export async function signedInPage(browser: Browser, appUrl: string): Promise<{ context: BrowserContext; page: Page }> {
  const fresh = await freshPage(browser)
  await fresh.page.goto(`${appUrl}/sign-in`)
  await submitSignIn(fresh.page)
  await fresh.page.goto(`${appUrl}/get-started`)
  await waitForMark(fresh.page, 'settled')
  return fresh
}

/**
 * This run's baseline: the median of three navigations of the page to a static file from the same server (ms, wall
 * clock). Every time is also reported divided by it, so a busy moment on the shared machine shows as such.
 */
export async function baseline(page: Page, appUrl: string): Promise<number> {
  const samples: number[] = []
  for (let i = 0; i < 3; i++) {
    const start = performance.now()
    await page.goto(`${appUrl}/favicon.svg?baseline=${i}`)
    samples.push(performance.now() - start)
  }
  return median(samples)
}
