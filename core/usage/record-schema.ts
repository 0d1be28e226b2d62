/** The schema of the record patterns a manager configures (core/usage/record.ts uses them). */
import * as z from 'zod/mini';
import { originOf, type RecordPattern } from './record.ts';

const NameSchema = z.string().check(z.minLength(1), z.maxLength(60), z.regex(/^[A-Za-z0-9_.-]+$/, 'must be letters, digits, dots, dashes or underscores'));

export const RecordPatternSchema = z.object({
  /** The site these patterns are for (an origin such as https://lcs.example.gov.uk); absent: every site. */
  origin: z.optional(
    z.string().check(
      z.maxLength(200),
      z.refine((s) => originOf(s) === s, 'must be an origin like https://lcs.example.gov.uk'),
    ),
  ),
  /** Path segments (any case) whose next segment is the record id. */
  segments: z.optional(z.array(NameSchema).check(z.maxLength(50))),
  /** Query parameters (any case) whose value is the record id. */
  params: z.optional(z.array(NameSchema).check(z.maxLength(50))),
});
/** Typed as the interface in record.ts, so the two cannot drift apart. */
export const RecordPatternsSchema: z.ZodMiniType<RecordPattern[]> = z.array(RecordPatternSchema).check(z.maxLength(200));
