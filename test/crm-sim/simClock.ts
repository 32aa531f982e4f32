/** CRM.COM dates: local date-time without a zone, "2014-12-01T14:49:01". */

const pad = (value: number): string => String(value).padStart(2, '0');

export function formatCrmDate(date: Date): string {
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `${day}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/**
 * The stamp for a change made now. The format has whole seconds only, so a second change within
 * the same second moves one second past the previous stamp: `updated_date` differs on every change.
 */
export function nextCrmDate(previous: string | null, now: Date = new Date()): string {
  const stamp = formatCrmDate(now);
  if (previous === null || stamp > previous) return stamp;
  return formatCrmDate(new Date(new Date(previous).getTime() + 1000));
}
