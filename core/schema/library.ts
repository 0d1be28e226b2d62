/**
 * The learning library: what the briefing teaches, summarised in our own words and cited.
 * Pure data model (no DOM, no browser APIs). Validated by tests and the CLI; page bundles
 * use the inferred types only.
 */
import * as z from 'zod/mini';

export const SECTION_IDS = [
  'neglect',
  'daily-life',
  'behaviour',
  'disclosure',
  'abe',
  'older',
  'engaging',
  'info',
  'escalation',
  'system',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

const slug = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug'));
const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const page = z.number().check(z.int(), z.gte(1), z.lte(32));

export const SectionSchema = z.object({
  id: z.enum(SECTION_IDS),
  /** Exactly as the briefing's contents list writes it: this is a citation. */
  title: text(120),
  page,
  /** Short introduction in our own words. */
  intro: text(700),
});

export const FigureSchema = z.object({
  /** Our own words, e.g. "SCRs examined in depth with evidence of neglect". */
  label: text(200),
  value: z.number(),
  /** Denominator when the figure is "value of outOf". */
  outOf: z.optional(z.number()),
  /** Percentage as the briefing gives it, when it gives one. */
  percent: z.optional(z.number()),
  page,
});

export const LearningPointSchema = z.object({
  id: slug,
  section: z.enum(SECTION_IDS),
  page,
  /** Short headline in our own words. */
  title: text(90),
  /** One line, our own words. */
  summary: text(200),
  /** Why it matters, drawn from the section's findings and SCR examples, our own words. */
  explanation: text(1200),
  questions: z.array(text(200)).check(z.minLength(1), z.maxLength(3)),
  figures: z.array(FigureSchema),
  /** Reference ids (see references.json). */
  cites: z.array(slug),
  tags: z.array(text(40)).check(z.minLength(1)),
});

export const WiderMessageSchema = z.object({
  id: slug,
  title: text(90),
  summary: text(300),
  questions: z.array(text(200)).check(z.minLength(1), z.maxLength(3)),
  tags: z.array(text(40)),
  page,
});

export const ThemeSchema = z.object({
  id: slug,
  title: text(90),
  summary: text(500),
  tags: z.array(text(40)),
  page,
});

export const ContextPageSchema = z.object({
  id: slug,
  /** Heading exactly as the briefing writes it. */
  title: text(120),
  page,
  paragraphs: z.array(text(900)).check(z.minLength(1)),
});

export const ReferenceSchema = z.object({
  id: slug,
  /** Author list as the briefing prints it. */
  authors: text(400),
  year: z.string().check(z.regex(/^\d{4}[a-z]?$/)),
  title: text(300),
  source: z.optional(text(300)),
  url: z.optional(z.string().check(z.regex(/^https:\/\//))),
  /** Our note on the work (e.g. a newer edition), shown after it. */
  note: z.optional(text(400)),
});

const Cell = z.union([z.number(), z.null()]);
export const KeyTableSchema = z.object({
  id: z.string(),
  /** Table caption exactly as in the briefing, e.g. "Table 1: Categories of death 2014-19 SCRs". */
  caption: text(200),
  page,
  /** Column headings (first is the row label column). */
  columns: z.array(text(200)),
  /** Group sizes (n) per numeric column where the briefing gives them. */
  n: z.optional(z.array(Cell)),
  rows: z.array(
    z.object({
      label: text(200),
      /** Counts per numeric column (null where the briefing shows none, e.g. "-" or "n/a"). */
      values: z.array(Cell),
      /** Percentages per numeric column as printed (null where none). */
      percents: z.optional(z.array(Cell)),
    }),
  ),
  note: z.optional(text(600)),
});

export const KeyDataSchema = z.object({
  page,
  facts: z.array(
    z.object({
      id: slug,
      topic: text(60),
      label: text(300),
      value: z.number(),
      outOf: z.optional(z.number()),
      percent: z.optional(z.number()),
      unit: z.optional(text(40)),
      page,
    }),
  ),
  tables: z.array(KeyTableSchema),
});

export type Section = z.infer<typeof SectionSchema>;
export type LearningPoint = z.infer<typeof LearningPointSchema>;
export type WiderMessage = z.infer<typeof WiderMessageSchema>;
export type Theme = z.infer<typeof ThemeSchema>;
export type ContextPage = z.infer<typeof ContextPageSchema>;
export type Reference = z.infer<typeof ReferenceSchema>;
export type KeyData = z.infer<typeof KeyDataSchema>;
export type KeyTable = z.infer<typeof KeyTableSchema>;
