import { describe, expect, it } from 'vitest'
import { validateReverse } from './reverse-dns'

describe('validateReverse', () => {
  it.each(['web.demo.example', '51-158-64-2.example.com.', 'a-b.c.io', 'web.xn--p1ai'])('accepts %s', (name) => {
    expect(validateReverse(name)).toBeUndefined()
  })

  it.each([
    ['web', 'is not a fully qualified domain name'],
    ['web..example.com', 'empty labels'],
    ['-web.example.com', 'cannot start or end with a dash'],
    ['we_b.example.com', 'may only hold letters, digits and dashes'],
    ['web.example.123', 'is not a top-level domain'],
  ])('refuses %s', (name, message) => {
    expect(validateReverse(name)).toContain(message)
  })

  it('treats an empty name as "back to the default"', () => {
    expect(validateReverse('  ')).toBeUndefined()
  })
})
