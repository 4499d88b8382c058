import { useState } from 'react'
import { describeSessionEnd, readSessionEnd } from './session-end'

/** Why the last session ended ("Your API key expired"), and where signing in leads back to. */
export function SessionEndNotice({ destination }: { destination: string }) {
  // Read once: the notice describes how this visit to the sign-in page began.
  const [end] = useState(readSessionEnd)
  const words = end && describeSessionEnd(end)
  if (!words) return null
  return (
    <div role="alert" className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      <p className="font-semibold">{words.title}</p>
      <p className="mt-1">{words.body}</p>
      {destination !== '/' && (
        <p className="mt-1">
          After signing in: <span className="font-mono break-all">{destination}</span>
        </p>
      )}
    </div>
  )
}
