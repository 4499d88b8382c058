export { WalkthroughProvider } from './walkthrough-provider'
