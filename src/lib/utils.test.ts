import { twMerge } from 'tailwind-merge'
import { describe, expect, it } from 'vitest'
import { cn } from './utils'

// Every source file, as Tailwind scans them for classes (tests included: they pass classes too), but the
// configuration's own lists of group values.
const sources = import.meta.glob<string>(['/src/**/*.{ts,tsx}', '!/src/lib/utils-class-groups.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
})

/** Every whitespace-separated word of every string literal in src/: a superset of the classes the app can render. */
function wordsInStrings(): string[] {
  const words = new Set<string>()
  for (const text of Object.values(sources)) {
    for (const [, , body] of text.matchAll(/(['"`])((?:(?!\1)[^\\\n]|\\.)*)\1/g)) {
      for (const word of body!.split(/\s+/)) if (word) words.add(word)
    }
  }
  return [...words]
}

describe('cn', () => {
  it('merges like twMerge with its full configuration, for every pair of classes written in src/', () => {
    // A class either merge recognises is deduplicated; anything else passes through both untouched.
    const classes = wordsInStrings().filter((word) => twMerge(`${word} ${word}`) === word || cn(word, word) === word)
    expect(classes.length).toBeGreaterThan(250)
    const differences: string[] = []
    for (const a of classes) {
      for (const b of classes) {
        // A class written twice is the same class: twMerge drops the copy, a group left out of the configuration keeps it.
        if (a === b) continue
        const expected = twMerge(a, b)
        const actual = cn(a, b)
        if (actual !== expected) differences.push(`cn('${a}', '${b}') = '${actual}', twMerge: '${expected}'`)
      }
    }
    expect(differences.slice(0, 20)).toEqual([])
  })

  it('lets a later class win over an earlier one of the same group, keeping the rest', () => {
    expect(cn('h-8 px-3 text-sm text-slate-700 hover:bg-slate-100', 'h-7 text-xs text-white hover:bg-slate-700')).toBe(
      'px-3 h-7 text-xs text-white hover:bg-slate-700',
    )
    const hidden = false as boolean
    expect(cn('border border-slate-300 font-mono', hidden && 'hidden', 'border-red-500 font-sans')).toBe('border border-red-500 font-sans')
    expect(cn('p-4', 'px-2 py-1')).toBe('p-4 px-2 py-1')
    expect(cn('px-2', 'p-4')).toBe('p-4')
  })
})
