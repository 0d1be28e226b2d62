/**
 * The Social Work England registration (CPD) year: 1 December to 30 November, named by the calendar
 * year it ends in (the year ending 30 November 2026 is "2026"). Dates are plain `YYYY-MM-DD` strings,
 * so no time zone can move a reflection into the wrong year. Pure.
 */

/** At least this many pieces of CPD each registration year… */
export const CPD_MINIMUM = 2;
/** …of which at least this many discussed with a peer (supervision counts). */
export const CPD_MINIMUM_DISCUSSED = 1;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Is `s` a real calendar date written `YYYY-MM-DD`? */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

export interface CpdYear {
  /** The calendar year the registration year ends in. */
  endYear: number;
  /** First day, `YYYY-12-01` of the year before. */
  start: string;
  /** Last day, `YYYY-11-30`. */
  end: string;
}

export function cpdYear(endYear: number): CpdYear {
  return { endYear, start: `${endYear - 1}-12-01`, end: `${endYear}-11-30` };
}

/** The registration year a date falls in: December belongs to the next year's. */
export function cpdYearOf(date: string): CpdYear {
  if (!isIsoDate(date)) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  const y = Number(date.slice(0, 4));
  return cpdYear(date.slice(5, 7) === '12' ? y + 1 : y);
}

/** Today as `YYYY-MM-DD` in the worker's own time zone. */
export function localIsoDate(now: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "4 March 2026". */
export function longDate(date: string): string {
  if (!isIsoDate(date)) return date;
  return `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

export interface CpdCounts {
  year: CpdYear;
  /** Reflections dated in the year. */
  pieces: number;
  /** Of those, the ones discussed with a peer or in supervision. */
  discussed: number;
}

/** Count the pieces dated in `year`, and those with a discussion. */
export function cpdCounts(items: readonly { date: string; discussion?: unknown }[], year: CpdYear): CpdCounts {
  let pieces = 0;
  let discussed = 0;
  for (const r of items) {
    if (r.date < year.start || r.date > year.end) continue;
    pieces++;
    if (r.discussion) discussed++;
  }
  return { year, pieces, discussed };
}

/** Informative, never nagging: what there is, and what Social Work England asks for. */
export function describeCounts(c: CpdCounts): string {
  const n = (k: number, one: string, many: string): string => `${k} ${k === 1 ? one : many}`;
  return (
    `Registration year ${longDate(c.year.start)} to ${longDate(c.year.end)}: ` +
    `${n(c.pieces, 'reflection', 'reflections')}, ${c.discussed} discussed with a peer or in supervision. ` +
    `Social Work England asks for at least ${CPD_MINIMUM} pieces of CPD a year, at least ${CPD_MINIMUM_DISCUSSED} of them discussed with a peer.`
  );
}
