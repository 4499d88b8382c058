import { clsx, type ClassValue } from 'clsx'
import { createTailwindMerge } from 'tailwind-merge'
import { classGroupsConfig } from './utils-class-groups'

/** tailwind-merge, configured with the class groups the app writes (the same results as `twMerge`, a third of the bytes). */
const merge = createTailwindMerge(() => classGroupsConfig)

/** Joins class names; a later class wins over an earlier one of the same group (`cn('h-8 px-3', 'h-7')` → `px-3 h-7`). */
export function cn(...inputs: ClassValue[]): string {
  return merge(clsx(inputs))
}
