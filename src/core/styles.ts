import type { FormDefinition, StyleOverrideValue, StylePresetName } from './form-schema';

export type Border = 'box' | 'none' | 'bottom';

/** Everything a host needs to format one cell (or one merged area). */
export interface ResolvedStyle {
  font: string;
  size: number;
  bold: boolean;
  h: 'left' | 'center' | 'right';
  v: 'top' | 'middle' | 'bottom';
  wrap: boolean;
  vertical: boolean;
  border: Border;
  numFmt: string;
  locked: boolean;
}

type PresetStyle = Omit<ResolvedStyle, 'font' | 'size' | 'numFmt' | 'locked'> & { sizeDelta: number };

const PRESETS: Record<StylePresetName, PresetStyle> = {
  title: { sizeDelta: 5, bold: true, h: 'center', v: 'middle', wrap: true, vertical: false, border: 'none' },
  heading: { sizeDelta: 1, bold: false, h: 'left', v: 'middle', wrap: false, vertical: false, border: 'none' },
  label: { sizeDelta: 0, bold: false, h: 'center', v: 'middle', wrap: true, vertical: false, border: 'box' },
  input: { sizeDelta: 0, bold: false, h: 'left', v: 'middle', wrap: true, vertical: false, border: 'box' },
  note: { sizeDelta: -1, bold: false, h: 'left', v: 'top', wrap: true, vertical: false, border: 'none' },
  plain: { sizeDelta: 0, bold: false, h: 'left', v: 'middle', wrap: false, vertical: false, border: 'none' },
};

export const GENERAL_FORMAT = 'General';
export const TEXT_FORMAT = '@';

export function resolveStyle(
  form: FormDefinition,
  preset: StylePresetName,
  override: StyleOverrideValue | undefined,
  numFmt: string,
  locked: boolean,
): ResolvedStyle {
  const { sizeDelta, ...base } = PRESETS[preset];
  return {
    font: form.font.name,
    size: form.font.size + sizeDelta,
    ...base,
    ...override,
    numFmt,
    locked,
  };
}
