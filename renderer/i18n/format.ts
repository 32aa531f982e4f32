import { i18n } from './i18n';

/**
 * Every date, time, number and duration the clerk sees, formatted by `Intl` in the chosen language.
 * Counter times are this computer's local time. CRM.COM sends its dates as a wall-clock time without a
 * zone ("2024-01-11T09:01:00", the CRM server's local time), so they are shown as given, never shifted,
 * and labelled as CRM time.
 */
const locale = (): string => i18n.language;

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(locale()).format(value);
}

/** A moment on this computer's clock (epoch ms), e.g. "11/01/2024, 09:01" or "11/1/2024, 09:01". */
export function formatTime(ms: number): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'short', timeStyle: 'short' }).format(ms);
}

/** A moment, or the "never" text when there is none. */
export function formatTimeOr(ms: number | null, none: string): string {
  return ms === null ? none : formatTime(ms);
}

const CRM_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/;

/** The CRM's zone-less local date-time, as written, in the chosen language's order; anything else as it came. */
export function formatCrmDate(date: string): string {
  const match = CRM_DATE.exec(date);
  if (!match) return date;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  // Read and written in UTC so the wall-clock figures pass through unchanged.
  const wallClock = Date.UTC(year, month - 1, day, hour, minute);
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'short', timeStyle: 'short', timeZone: 'UTC' }).format(wallClock);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A duration as a counter reads it, in whole units: "under 1 min", "5 min", "3 hr", "2 days". */
export function formatAge(ms: number): string {
  if (ms < MINUTE) return i18n.t('shell.time.underAMinute');
  const unit = ms < HOUR ? (['minute', MINUTE] as const) : ms < DAY ? (['hour', HOUR] as const) : (['day', DAY] as const);
  return new Intl.NumberFormat(locale(), { style: 'unit', unit: unit[0], unitDisplay: 'short' }).format(Math.floor(ms / unit[1]));
}
