/**
 * The published JSON Schema for prompt sets (schema/prompt-set.schema.json), generated from the
 * zod schema so the two cannot drift. `npx tsx scripts/gen-json-schema.ts` writes the file; a unit
 * test fails when the committed copy is stale. Pure.
 *
 * The schema is for authors (editor completion and typo checks): it refuses unknown names, while
 * the importer quietly drops them. Checks JSON Schema cannot express (https-only links, no blank
 * text, phrase word counts, ids a trigger leads to) are made by the importer with plain-words errors.
 */
import * as z from 'zod/mini';
import { PromptSetSchema, PROMPT_SET_FORMAT, PROMPT_SET_VERSION, LIMITS } from '../schema/prompt-set.ts';

type Json = { [k: string]: unknown };

/** Descriptions, keyed by property path (`triggers.*.any` = each trigger's `any`). */
const DESCRIPTIONS: Record<string, string> = {
  '': `A Practice Prompts prompt set (format "${PROMPT_SET_FORMAT}", version ${PROMPT_SET_VERSION}). Phrases are plain words, never regular expressions. At most ${LIMITS.fileBytes / 1_000_000} MB per file.`,
  $schema: 'Optional: the address of this schema, for editors. Ignored on import.',
  id: 'Lowercase letters, digits and dashes, e.g. "local-escalation". Importing a set with the same id replaces it.',
  name: 'Shown to users in the options page.',
  description: 'What the set is for. Shown in the options page.',
  prompts: "The set's own prompts. Triggers may lead to these or to the library's learning points.",
  'prompts.*.id': 'Must not be the id of a built-in learning point.',
  'prompts.*.title': 'Short headline.',
  'prompts.*.text': 'The prompt itself, as plain text (never HTML).',
  'prompts.*.question': 'An optional reflective question.',
  'prompts.*.links.*.url': 'https:// addresses only.',
  triggers: 'When to offer which prompt.',
  'triggers.*.leadsTo': "Learning point ids from the library, or ids of this set's prompts.",
  'triggers.*.any': 'The trigger fires when any of these phrases appears in the note. Plain words; "quoted" words match exactly.',
  'triggers.*.all': 'For each list, one of its phrases must also appear within the window.',
  'triggers.*.window': 'Where the "all" phrases must be: "sentence" (default), "note", or {"words": N}.',
  'triggers.*.not': 'The trigger does not fire when one of these appears in the same window.',
  'triggers.*.ruledOutBy': 'The concern is ruled out when one of these appears anywhere in the note, in any sentence ("coeliac disease" for weight loss). Keep them specific: they silence this trigger in the whole note.',
  'triggers.*.negated': 'What a negated match ("no concerns about neglect") does: show, soften, ignore, or only (fires only when negated).',
  'triggers.*.experiencer': '"child": ignore a phrase whose subject is an adult named just before it ("mum disclosed she is pregnant"); for the trigger\'s `any`, also an adult further back in the same clause ("dad arrested for carrying a knife"). Default "any".',
  'triggers.*.historical': '"ignore": a phrase about the past ("years ago", "in her own childhood") does not count. Default "show".',
  'triggers.*.hypothetical': '"ignore": a phrase under "if", "whether", "unless" or "wondered" does not count. Default "show".',
  version: '2 (current) or 1. Version 1 sets are read as they always were.',
  concepts: 'Named lists of phrases (concept groups). Any phrase list may use one as "@name".',
  exclude: 'Set-wide exclusions: a sentence with one of these phrases (office and administrative text) fires none of this set\'s triggers.',
  excludeNote: 'Note-wide exclusions: a note with one of these phrases anywhere (a closure summary with every goal met) shows none of this set\'s prompts. Keep them specific: one phrase silences the whole note.',
  sensitive: 'Prompt ids that need two independent signals: a trigger leading to one must have an "all" list that shares no phrase with its "any" list.',
  defaults: 'Defaults for triggers that do not say: negated, experiencer, historical, hypothetical.',
  'triggers.*.context': 'Phrases looked for in the field label and page headings, and parts of the page address.',
  'triggers.*.context.effect': 'boost: a match ranks the prompt higher; require: the trigger only fires when one matches.',
  'triggers.*.weight': 'Relative importance, 0.1 to 5 (default 1).',
  'triggers.*.note': 'Why this trigger exists, for managers. Never shown as a verdict.',
};

function annotate(node: Json, path: string): void {
  const d = DESCRIPTIONS[path];
  if (d && typeof node === 'object') node.description = d;
  const props = node.properties as Record<string, Json> | undefined;
  if (props) for (const [k, v] of Object.entries(props)) annotate(v, path ? `${path}.${k}` : k);
  const items = node.items as Json | undefined;
  if (items && typeof items === 'object' && !Array.isArray(items)) annotate(items, path ? `${path}.*` : '*');
  // `all` is a list of lists: describe the outer list only.
}

export function promptSetJsonSchema(): Json {
  const schema = z.toJSONSchema(PromptSetSchema, { target: 'draft-2020-12' }) as Json;
  const props = schema.properties as Record<string, Json>;
  const ordered: Json = {
    $schema: schema.$schema,
    title: 'Practice Prompts prompt set',
    ...schema,
    properties: { $schema: { type: 'string' }, ...props },
  };
  annotate(ordered, '');
  // https-only links (the importer also refuses user names, passwords and malformed addresses).
  const link = ((props.prompts!.items as Json).properties as Record<string, Json>).links!;
  const url = ((link.items as Json).properties as Record<string, Json>).url!;
  url.pattern = '^[Hh][Tt][Tt][Pp][Ss]://\\S';
  return ordered;
}

export function promptSetJsonSchemaText(): string {
  return JSON.stringify(promptSetJsonSchema(), null, 2) + '\n';
}
