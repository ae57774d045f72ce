// Dates as the apps take them. Imports nothing: the task pane's first load uses it, and a module
// with imports would bring them along.

/** The date on the given clock, local time, as YYYY-MM-DD: the assessment date a certification
 *  review takes by default (`kaohe review` without --assessed-on, the pane's 认定日期). */
export function localDate(now: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
