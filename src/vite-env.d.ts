/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** "true" when the console runs against the bundled emulator (npm run demo). */
  readonly VITE_SCW_DEMO?: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
