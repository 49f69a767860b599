/**
 * A `datetime-local` field has no time zone: staff mean the organisation's wall clock
 * (JOBS_TIMEZONE, the one the job schedules use), not the server's and not UTC.
 */
const localPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The wall time `value` in `timeZone` as an instant, or undefined when it is no valid time. */
export function parseScheduleTime(value: string, timeZone: string): Date | undefined {
  const match = localPattern.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second = 0] = match
    .slice(1)
    .map((part) => Number(part ?? 0));
  const wall = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0, second);
  const check = new Date(wall);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== (month ?? 1) - 1 ||
    check.getUTCDate() !== day ||
    check.getUTCHours() !== hour ||
    check.getUTCMinutes() !== minute
  ) {
    return undefined;
  }
  // Twice: the offset at the first guess can differ from the offset at the answer (DST change).
  const first = wall - offsetMs(new Date(wall), timeZone);
  return new Date(wall - offsetMs(new Date(first), timeZone));
}

/** The instant as the field's value, in `timeZone`. */
export function scheduleTimeValue(at: Date, timeZone: string): string {
  const local = new Date(at.getTime() + offsetMs(at, timeZone));
  return local.toISOString().slice(0, 16);
}

function offsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((candidate) => candidate.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    part("year"),
    part("month") - 1,
    part("day"),
    part("hour"),
    part("minute"),
    part("second"),
  );
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}
