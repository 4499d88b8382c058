/** Median with min and max of a figure over the runs. */
export interface Stats {
  n: number
  median: number
  min: number
  max: number
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits

export function summarize(samples: number[], digits = 1): Stats | null {
  if (samples.length === 0) return null
  const s = [...samples].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
  return { n: s.length, median: round(median, digits), min: round(s[0]!, digits), max: round(s.at(-1)!, digits) }
}

/** Each run's figure divided by the same run's baseline, then summarized. */
export function ratios(samples: number[], baselines: number[]): Stats | null {
  return summarize(
    samples.map((v, i) => v / Math.max(baselines[i] ?? 1, 0.1)),
    2,
  )
}

/** Each run's time as a multiple of the emulator latency (null at 0 ms, where it has no meaning). */
export function multiples(samples: number[], latencyMs: number): Stats | null {
  return latencyMs > 0 ? summarize(samples.map((v) => v / latencyMs), 2) : null
}

export const median = (samples: number[]): number => summarize(samples)?.median ?? Number.NaN
