import { act, fireEvent, screen, within } from '@testing-library/react';

/** 新表格… clicked in the pane: its panel. */
export async function openNewForm(): Promise<HTMLElement> {
  await act(async () => {
    fireEvent.click(await screen.findByRole('button', { name: '新表格…' }));
  });
  return (await screen.findByRole('region', { name: '新表格' })) as HTMLElement;
}

/** 从所选区域创建 clicked in the panel: the review card of the form it made, found by its heading. */
export async function createFromSelection(panel: HTMLElement, title: RegExp): Promise<HTMLElement> {
  await act(async () => {
    fireEvent.click(within(panel).getByRole('button', { name: '从所选区域创建' }));
  });
  return (await within(panel).findByRole('heading', { level: 3, name: title })).closest('[role="group"]') as HTMLElement;
}

/** The field names a review card shows, in order. */
export const reviewedLabels = (review: HTMLElement): string[] =>
  within(review)
    .getAllByRole('textbox', { name: '栏目名称' })
    .map((i) => (i as HTMLInputElement).value);
