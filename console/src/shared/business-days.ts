const DAY = 86_400_000;

/**
 * Business days from now to a due time, counting weekdays only. An approximation: the server's
 * calendars also skip federal and provincial holidays, which the console does not know, so the
 * page labels this figure as approximate and shows the exact due time beside it.
 */
export function businessDaysLeft(now: Date, dueAt: Date): number {
  const sign = dueAt >= now ? 1 : -1;
  const [from, to] = sign > 0 ? [now, dueAt] : [dueAt, now];
  let days = 0;
  for (let t = startOfDay(from).getTime() + DAY; t <= to.getTime(); t += DAY) {
    const weekday = new Date(t).getDay();
    if (weekday !== 0 && weekday !== 6) days += 1;
  }
  return sign * days;
}

function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}
