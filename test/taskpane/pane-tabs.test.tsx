/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { PaneTabs } from '../../src/taskpane/components/PaneTabs';

type Name = 'insert' | 'check' | 'merge';
const TABS = [
  { value: 'insert', label: '插入表格' },
  { value: 'check', label: '检查' },
  { value: 'merge', label: '合并' },
] as const;

function Tabs({ chosen }: { chosen: Name[] }) {
  const [selected, setSelected] = useState<Name>('insert');
  return (
    <PaneTabs<Name>
      tabs={TABS}
      selected={selected}
      onSelect={(value) => {
        chosen.push(value);
        setSelected(value);
      }}
    />
  );
}

const tab = (name: string) => screen.getByRole('tab', { name });
const selectedNames = () =>
  screen
    .getAllByRole('tab')
    .filter((t) => t.getAttribute('aria-selected') === 'true')
    .map((t) => t.textContent);

// The WAI-ARIA tabs pattern (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/): one tab in the Tab order, the arrow keys
// wrapping, Home and End, a tab chosen as focus reaches it.
describe('the pane’s tabs', () => {
  it('are a tab list with one tab selected and only that one in the Tab order', () => {
    render(<Tabs chosen={[]} />);
    expect(screen.getByRole('tablist')).toBeTruthy();
    expect(selectedNames()).toEqual(['插入表格']);
    expect(screen.getAllByRole('tab').map((t) => t.tabIndex)).toEqual([0, -1, -1]);
  });

  it('moves with the arrow keys, wrapping at both ends, and chooses the tab it reaches', () => {
    const chosen: Name[] = [];
    render(<Tabs chosen={chosen} />);
    fireEvent.keyDown(tab('插入表格'), { key: 'ArrowRight' });
    expect(document.activeElement).toBe(tab('检查'));
    expect(selectedNames()).toEqual(['检查']);
    fireEvent.keyDown(tab('检查'), { key: 'ArrowRight' });
    fireEvent.keyDown(tab('合并'), { key: 'ArrowRight' });
    expect(document.activeElement).toBe(tab('插入表格'));
    fireEvent.keyDown(tab('插入表格'), { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(tab('合并'));
    expect(chosen).toEqual(['check', 'merge', 'insert', 'merge']);
    expect(screen.getAllByRole('tab').map((t) => t.tabIndex)).toEqual([-1, -1, 0]);
  });

  it('goes to the first and last tab with Home and End, is chosen by a click, and leaves other keys alone', () => {
    const chosen: Name[] = [];
    render(<Tabs chosen={chosen} />);
    fireEvent.keyDown(tab('插入表格'), { key: 'End' });
    expect(selectedNames()).toEqual(['合并']);
    fireEvent.keyDown(tab('合并'), { key: 'Home' });
    expect(selectedNames()).toEqual(['插入表格']);
    fireEvent.keyDown(tab('插入表格'), { key: 'a' });
    fireEvent.click(tab('检查'));
    expect(selectedNames()).toEqual(['检查']);
    expect(chosen).toEqual(['merge', 'insert', 'check']);
  });
});
