import { PageHeader } from '@/components/ui/page-header'
import { GenerateStep } from './components/generate-step'
import { NextStep } from './components/next-step'
import { PasteStep } from './components/paste-step'
import { StatusCodeGuide } from './components/status-code-guide'
import { TestStep } from './components/test-step'
import { UseStep } from './components/use-step'

/**
 * Scaleway's "generate a key, note the secret, export it, test it with curl" guide, made interactive. Works signed
 * out and signed in; its state lives in the WalkthroughProvider the route puts around the shell.
 */
export function GetStartedPage() {
  return (
    <div className="max-w-5xl">
      <PageHeader
        title="Get started"
        description="From a new Scaleway account to a tested API key: generate it, paste it, test it, use it."
      />
      <ol className="space-y-4">
        <GenerateStep />
        <PasteStep />
        <TestStep />
        <UseStep />
        <NextStep />
      </ol>
      <StatusCodeGuide />
    </div>
  )
}
