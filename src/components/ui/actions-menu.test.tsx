import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { ActionsTrigger, type MenuAction, useActionsMenu } from './actions-menu'

interface Item {
  id: string
  name: string
  locked: boolean
}

function Table({ items, onSelect }: { items: Item[]; onSelect: (item: Item, command: string) => void }) {
  const menu = useActionsMenu((id): MenuAction[] | null => {
    const item = items.find((each) => each.id === id)
    if (!item) return null
    return [
      { label: 'Start', disabledReason: item.locked ? 'Locked.' : undefined, onSelect: () => onSelect(item, 'start') },
      { label: 'Delete', danger: true, onSelect: () => onSelect(item, 'delete') },
    ]
  })
  return (
    <>
      {items.map((item) => (
        <ActionsTrigger key={item.id} label={`Actions for ${item.name}`} onOpen={(trigger) => menu.open({ id: item.id, label: `Actions for ${item.name}`, trigger })} />
      ))}
      {menu.menu}
      <output aria-label="open id">{menu.openId ?? ''}</output>
    </>
  )
}

const A: Item = { id: 'a', name: 'alpha', locked: false }
const B: Item = { id: 'b', name: 'beta', locked: false }
// jsdom hides every [popover] (it knows no :popover-open): the open menu counts as hidden here.
const menuNamed = (name: string) => screen.queryByRole('list', { name, hidden: true })

describe('useActionsMenu', () => {
  it('opens one menu at the pressed trigger, marks the trigger expanded, and closes on a second press', async () => {
    render(<Table items={[A, B]} onSelect={vi.fn()} />)
    const trigger = screen.getByRole('button', { name: 'Actions for alpha' })
    expect(trigger).toHaveAttribute('aria-expanded', 'false')
    await userEvent.click(trigger)
    expect(menuNamed('Actions for alpha')).toBeInTheDocument()
    expect(trigger).toHaveAttribute('aria-expanded', 'true')
    expect(trigger).toHaveAttribute('aria-controls', menuNamed('Actions for alpha')!.parentElement!.id)
    expect(screen.getByRole('status', { name: 'open id' })).toHaveTextContent('a')
    await userEvent.click(trigger)
    expect(menuNamed('Actions for alpha')).toBeNull()
    expect(trigger).toHaveAttribute('aria-expanded', 'false')
  })

  it('moves to another row’s trigger: one menu, for that row', async () => {
    render(<Table items={[A, B]} onSelect={vi.fn()} />)
    await userEvent.click(screen.getByRole('button', { name: 'Actions for alpha' }))
    await userEvent.click(screen.getByRole('button', { name: 'Actions for beta' }))
    expect(menuNamed('Actions for alpha')).toBeNull()
    expect(menuNamed('Actions for beta')).toBeInTheDocument()
    expect(screen.getAllByRole('list', { hidden: true })).toHaveLength(1)
    expect(screen.getByRole('button', { name: 'Actions for alpha' })).toHaveAttribute('aria-expanded', 'false')
  })

  it('its items follow the row as it is now, and it closes when the row leaves', async () => {
    const view = render(<Table items={[A, B]} onSelect={vi.fn()} />)
    await userEvent.click(screen.getByRole('button', { name: 'Actions for alpha' }))
    expect(screen.getByRole('button', { name: 'Start', hidden: true })).not.toHaveAttribute('aria-disabled')
    view.rerender(<Table items={[{ ...A, locked: true }, B]} onSelect={vi.fn()} />)
    expect(screen.getByRole('button', { name: 'Start', hidden: true })).toHaveAttribute('aria-disabled', 'true')
    expect(screen.getByRole('button', { name: 'Start', hidden: true })).toHaveAccessibleDescription('Locked.')
    view.rerender(<Table items={[B]} onSelect={vi.fn()} />)
    expect(menuNamed('Actions for alpha')).toBeNull()
    expect(screen.getByRole('status', { name: 'open id' })).toHaveTextContent('')
  })

  it('choosing an item closes the menu, hands over the row, and gives focus back to its trigger', async () => {
    const onSelect = vi.fn()
    render(<Table items={[A, B]} onSelect={onSelect} />)
    const trigger = screen.getByRole('button', { name: 'Actions for beta' })
    await userEvent.click(trigger)
    await userEvent.click(screen.getByRole('button', { name: 'Delete', hidden: true }))
    expect(onSelect).toHaveBeenCalledWith(B, 'delete')
    expect(menuNamed('Actions for beta')).toBeNull()
    expect(trigger).toHaveFocus()
  })

  it('a switched-off item says why and does nothing', async () => {
    const onSelect = vi.fn()
    render(<Table items={[{ ...A, locked: true }]} onSelect={onSelect} />)
    await userEvent.click(screen.getByRole('button', { name: 'Actions for alpha' }))
    await userEvent.click(screen.getByRole('button', { name: 'Start', hidden: true }))
    expect(onSelect).not.toHaveBeenCalled()
    expect(menuNamed('Actions for alpha')).toBeInTheDocument()
  })
})
