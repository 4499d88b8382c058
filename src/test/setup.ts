import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'

afterEach(() => {
  cleanup()
  window.sessionStorage.clear()
})

// jsdom has <dialog> but not its modal methods: enough of them for components to run.
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '')
  }
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return
    this.removeAttribute('open')
    this.dispatchEvent(new Event('close'))
  }
}

// jsdom has no popover API: enough of it for the Actions menus (showPopover, hidePopover, toggle events).
if (typeof HTMLElement !== 'undefined' && !HTMLElement.prototype.showPopover) {
  const toggle = (element: HTMLElement, open: boolean) => {
    if (('popoverOpen' in element.dataset) === open) return
    if (open) element.dataset.popoverOpen = ''
    else delete element.dataset.popoverOpen
    element.dispatchEvent(Object.assign(new Event('toggle'), { newState: open ? 'open' : 'closed', oldState: open ? 'closed' : 'open' }))
  }
  HTMLElement.prototype.showPopover = function showPopover(this: HTMLElement) {
    toggle(this, true)
  }
  HTMLElement.prototype.hidePopover = function hidePopover(this: HTMLElement) {
    toggle(this, false)
  }
}
