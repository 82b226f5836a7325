// How a status is shown: a symbol and words as well as a colour, so it never depends on colour alone.
import { tokens } from '@fluentui/react-components';
import type { KpiStatus } from '../../../contracts/kpi';

export const STATUS_SYMBOL: Readonly<Record<KpiStatus, string>> = { green: '✓', amber: '!', red: '✕', noData: '–', noTarget: '·' };

export const STATUS_COLOUR: Readonly<Record<KpiStatus, string>> = {
  green: tokens.colorPaletteGreenForeground1,
  amber: tokens.colorPaletteDarkOrangeForeground1,
  red: tokens.colorPaletteRedForeground1,
  noData: tokens.colorNeutralForeground3,
  noTarget: tokens.colorNeutralForeground3,
};

export const STATUS_BORDER: Readonly<Record<KpiStatus, string>> = {
  green: tokens.colorPaletteGreenBorder2,
  amber: tokens.colorPaletteDarkOrangeBorder2,
  red: tokens.colorPaletteRedBorder2,
  noData: tokens.colorNeutralStroke1,
  noTarget: tokens.colorNeutralStroke1,
};
