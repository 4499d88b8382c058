/** How often something that moves (a server starting, an IP being attached) is read again. */
export const POLL_MS = 2_000
