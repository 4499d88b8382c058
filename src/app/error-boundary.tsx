import { Component, type ReactNode } from 'react'

interface ErrorBoundaryProps {
  /** What to show instead of the children once they threw. */
  fallback: (error: unknown) => ReactNode
  /** A new value clears the error and renders the children again (the route's location, say). */
  resetKey: string
  children: ReactNode
}

interface ErrorBoundaryState {
  failed: { error: unknown } | null
}

/** Catches what its children throw while rendering (a failed lazy chunk too). React has no hook for this. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  state: ErrorBoundaryState = { failed: null }

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { failed: { error } }
  }

  componentDidUpdate(previous: ErrorBoundaryProps) {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.setState({ failed: null })
  }

  render() {
    return this.state.failed ? this.props.fallback(this.state.failed.error) : this.props.children
  }
}
