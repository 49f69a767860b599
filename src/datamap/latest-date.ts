/**
 * The last of the dates, or null when one is not known (an open-ended hold, an order not yet
 * completed): the whole set lasts until then, which is no date at all.
 */
export function latestDate(dates: readonly (Date | string | null)[]): Date | null {
  if (dates.some((date) => date === null)) return null;
  return new Date(Math.max(...dates.map((date) => new Date(date as Date | string).getTime())));
}
