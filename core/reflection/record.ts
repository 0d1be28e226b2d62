/**
 * A reflection: what a worker wrote after meeting a learning point, in the fields CPD evidence asks
 * for. Pure (zod/mini). A discussion records the peer's ROLE and the date only: there is no field for
 * a name, and strict objects refuse one.
 *
 * Versioned twice over: the stored list is a WXT storage item with a version (platform/storage-items.ts),
 * and the export file carries `format` and `version` (core/reflection/io.ts).
 */
import * as z from 'zod/mini';
import { isIsoDate } from './cpd-year.ts';

export const REFLECTION_LIMITS = {
  /** Characters in each written field. */
  fieldChars: 6000,
  activityChars: 600,
  /** Reflections kept (and in one import file). */
  reflections: 2000,
} as const;

/** Who a reflection was discussed with: a role, never a person. */
export const DISCUSSION_ROLES = ['supervisor', 'peer', 'team-manager', 'practice-educator', 'other-professional'] as const;
export type DiscussionRole = (typeof DISCUSSION_ROLES)[number];
export const ROLE_LABEL: Readonly<Record<DiscussionRole, string>> = {
  supervisor: 'Supervisor (in supervision)',
  peer: 'A social work peer',
  'team-manager': 'Team manager',
  'practice-educator': 'Practice educator',
  'other-professional': 'Another professional',
};

const isoDate = z.string().check(z.refine(isIsoDate, 'must be a date written YYYY-MM-DD, like "2026-03-04"'));
const field = (max: number) => z.string().check(z.maxLength(max, `must be at most ${max} characters`));

export const DiscussionSchema = z.strictObject({
  role: z.enum(DISCUSSION_ROLES),
  date: isoDate,
});

export const ReflectionSchema = z.strictObject({
  /** Made on this machine ("r-…"); stable across edits, export and import. */
  id: z.string().check(z.regex(/^r-[a-z0-9-]{4,60}$/, 'must be a reflection id like "r-lk3x9a-7f2c"')),
  /** The learning point (or wider message) reflected on. */
  learningPointId: z.string().check(z.regex(/^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/, 'must be a learning point id')),
  /** The date of the activity: the day the learning point was met. */
  date: isoDate,
  activity: field(REFLECTION_LIMITS.activityChars),
  learned: field(REFLECTION_LIMITS.fieldChars),
  applies: field(REFLECTION_LIMITS.fieldChars),
  differently: field(REFLECTION_LIMITS.fieldChars),
  discussion: z.optional(DiscussionSchema),
  /** ms since 1970: first saved, last saved. */
  created: z.number().check(z.int(), z.nonnegative()),
  updated: z.number().check(z.int(), z.nonnegative()),
});
export type Reflection = z.infer<typeof ReflectionSchema>;
export type Discussion = z.infer<typeof DiscussionSchema>;

export const ReflectionListSchema = z.array(ReflectionSchema).check(z.maxLength(REFLECTION_LIMITS.reflections, `must have at most ${REFLECTION_LIMITS.reflections} reflections`));

/** A new id, from the time and a random part (`rand` is injectable for tests). */
export function newReflectionId(now: number, rand: () => number = Math.random): string {
  const r = Math.floor(rand() * 36 ** 6).toString(36).padStart(6, '0');
  return `r-${now.toString(36)}-${r}`;
}

/** Is there anything written? (A reflection with every field blank is not worth saving.) */
export function hasWriting(r: Pick<Reflection, 'learned' | 'applies' | 'differently'>): boolean {
  return [r.learned, r.applies, r.differently].some((s) => s.trim() !== '');
}

/** Insert or replace by id; newest date first, then newest saved first. Never mutates `list`. */
export function upsertReflection(list: readonly Reflection[], r: Reflection): Reflection[] {
  return sortReflections([...list.filter((x) => x.id !== r.id), r]);
}

export function sortReflections(list: readonly Reflection[]): Reflection[] {
  return [...list].sort((a, b) => (a.date === b.date ? b.created - a.created : a.date < b.date ? 1 : -1));
}

/** What the log's filters can narrow by. Dates inclusive; empty means no limit. */
export interface ReflectionFilter {
  from?: string;
  to?: string;
  sectionId?: string;
  learningPointId?: string;
  text?: string;
}

export function filterReflections(list: readonly Reflection[], f: ReflectionFilter, sectionOf: (lpId: string) => string | undefined): Reflection[] {
  const q = f.text?.trim().toLowerCase() ?? '';
  return list.filter(
    (r) =>
      (!f.from || r.date >= f.from) &&
      (!f.to || r.date <= f.to) &&
      (!f.sectionId || sectionOf(r.learningPointId) === f.sectionId) &&
      (!f.learningPointId || r.learningPointId === f.learningPointId) &&
      (!q || [r.activity, r.learned, r.applies, r.differently].some((s) => s.toLowerCase().includes(q))),
  );
}
