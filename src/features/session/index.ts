export { RequireSession } from './require-session'
export { SessionProvider, useScalewayClient, useSession } from './session-provider'
export { sessionQueries, type KeyVerification } from './session-queries'
export { SignInPage } from './sign-in-page'
