import type { ReactNode, Ref } from 'react'

/**
 * The console's frame, signed in (app-shell.tsx) or not (public-shell.tsx): the skip link, the header with the brand,
 * the main menu (`nav`) and what sits at its right end (`end`), then the page in `main`.
 */
export function ConsoleFrame({ nav, end, mainRef, children }: { nav: ReactNode; end: ReactNode; mainRef?: Ref<HTMLElement>; children: ReactNode }) {
  return (
    <div className="flex min-h-full flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:m-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="bg-slate-900 text-white">
        <div className="mx-auto flex max-w-[96rem] flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <span className="flex items-center gap-2 font-semibold">
            <img src="/favicon.svg" alt="" className="size-6" />
            Scaleway Console
          </span>
          <nav aria-label="Main" className="flex flex-wrap gap-1">
            {nav}
          </nav>
          {end}
        </div>
      </header>
      <main ref={mainRef} id="main" tabIndex={-1} className="mx-auto w-full max-w-[96rem] flex-1 px-4 py-8 focus:outline-none">
        {children}
      </main>
    </div>
  )
}
