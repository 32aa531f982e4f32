import { t } from './i18n';
import type { OperatorShift, ShiftCounts } from './storage/shiftSummary';

/** The summary's columns, in order, as the screen, the printout and the CSV name them. */
export const SHIFT_COUNTS: ReadonlyArray<keyof ShiftCounts> = ['issued', 'handedOut', 'switched', 'edited', 'stillPending', 'needingAttention'];

export const countLabel = (field: keyof ShiftCounts): string => t(`shift.counts.${field}`);

export const counterTotal = (): string => t('shift.counterTotal');

/** Rows written before operators signed in name nobody. */
export const operatorName = (entry: OperatorShift): string => entry.operator ?? t('shift.noOperator');
