/**
 * The editor's model of a prompt set: what the form fields hold (phrases one per line, numbers as
 * typed), converted to and from a PromptSet. Pure. For any valid set without empty optional
 * lists, setFromDraft(draftFromSet(set)) equals the set (lines are trimmed; blank lines dropped).
 */
import { PROMPT_SET_FORMAT, PROMPT_SET_VERSION, type NegationPolicy, type PromptSet, type Trigger } from '../schema/prompt-set.ts';
import { checkSet } from './io.ts';

export interface TriggerDraft {
  id: string;
  /** One entry per select; '' while not chosen. */
  leadsTo: string[];
  any: string;
  /** Each entry is one textarea: the note must also mention one of these lines. */
  all: string[];
  not: string;
  /** '' = default (same sentence). 'sentence' only appears for files that spell it out. */
  window: '' | 'sentence' | 'note' | 'words';
  windowWords: string;
  negated: '' | NegationPolicy;
  fields: string;
  pages: string;
  urls: string;
  effect: '' | 'boost' | 'require';
  weight: string;
  note: string;
  /** Fields the editor does not show (ConText attributes), kept as they were so that editing loses nothing. */
  kept?: Partial<Pick<Trigger, 'experiencer' | 'historical' | 'hypothetical'>>;
}

export interface LinkDraft {
  title: string;
  url: string;
}

export interface PromptDraft {
  id: string;
  title: string;
  text: string;
  question: string;
  links: LinkDraft[];
}

export interface SetDraft {
  id: string;
  name: string;
  description: string;
  triggers: TriggerDraft[];
  prompts: PromptDraft[];
  /** Set-wide fields the editor does not show (concepts, exclusions, sensitive prompts, defaults), kept as they were. */
  kept?: Partial<Pick<PromptSet, 'concepts' | 'exclude' | 'excludeNote' | 'sensitive' | 'defaults' | 'reading'>>;
}

export function lines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

const joinLines = (list: readonly string[] | undefined) => (list ?? []).join('\n');

export function draftFromTrigger(t: Trigger): TriggerDraft {
  const w = t.window;
  return {
    id: t.id,
    leadsTo: [...t.leadsTo],
    any: joinLines(t.any),
    all: (t.all ?? []).map((g) => joinLines(g)),
    not: joinLines(t.not),
    window: w === undefined ? '' : typeof w === 'string' ? w : 'words',
    windowWords: typeof w === 'object' ? String(w.words) : '',
    negated: t.negated ?? '',
    fields: joinLines(t.context?.fields),
    pages: joinLines(t.context?.pages),
    urls: joinLines(t.context?.urls),
    effect: t.context?.effect ?? '',
    weight: t.weight === undefined ? '' : String(t.weight),
    note: t.note ?? '',
    ...keep(t, ['experiencer', 'historical', 'hypothetical', 'ruledOutBy']),
  };
}

function keep<T extends object, K extends keyof T>(o: T, keys: readonly K[]): { kept?: Partial<Pick<T, K>> } {
  const kept: Partial<Pick<T, K>> = {};
  for (const k of keys) if (o[k] !== undefined) kept[k] = o[k];
  return Object.keys(kept).length ? { kept } : {};
}

export function draftFromSet(set: PromptSet): SetDraft {
  return {
    id: set.id,
    name: set.name,
    description: set.description ?? '',
    triggers: set.triggers.map(draftFromTrigger),
    prompts: (set.prompts ?? []).map((p) => ({
      id: p.id,
      title: p.title,
      text: p.text,
      question: p.question ?? '',
      links: (p.links ?? []).map((l) => ({ title: l.title, url: l.url })),
    })),
    ...keep(set, ['concepts', 'exclude', 'excludeNote', 'sensitive', 'defaults', 'reading']),
  };
}

/** A number as typed: '' stays missing, anything else becomes a number (NaN is reported by the schema). */
function num(s: string): number {
  return s.trim() === '' ? Number.NaN : Number(s.trim());
}

function triggerFromDraft(d: TriggerDraft): Record<string, unknown> {
  const t: Record<string, unknown> = { id: d.id.trim(), leadsTo: d.leadsTo.map((x) => x.trim()), any: lines(d.any) };
  if (d.all.length > 0) t.all = d.all.map(lines);
  if (d.window === 'words') t.window = { words: num(d.windowWords) };
  else if (d.window !== '') t.window = d.window;
  const not = lines(d.not);
  if (not.length > 0) t.not = not;
  if (d.negated !== '') t.negated = d.negated;
  const context: Record<string, unknown> = {};
  const fields = lines(d.fields);
  const pages = lines(d.pages);
  const urls = lines(d.urls);
  if (fields.length > 0) context.fields = fields;
  if (pages.length > 0) context.pages = pages;
  if (urls.length > 0) context.urls = urls;
  if (d.effect !== '') context.effect = d.effect;
  if (Object.keys(context).length > 0) t.context = context;
  if (d.weight.trim() !== '') t.weight = num(d.weight);
  if (d.note !== '') t.note = d.note;
  Object.assign(t, d.kept);
  return t;
}

/** The candidate set the draft describes (not yet validated: see checkDraft). */
export function setFromDraft(d: SetDraft): Record<string, unknown> {
  const set: Record<string, unknown> = {
    format: PROMPT_SET_FORMAT,
    version: PROMPT_SET_VERSION,
    id: d.id.trim(),
    name: d.name,
  };
  if (d.description !== '') set.description = d.description;
  if (d.prompts.length > 0) {
    set.prompts = d.prompts.map((p) => {
      const out: Record<string, unknown> = { id: p.id.trim(), title: p.title, text: p.text };
      if (p.question !== '') out.question = p.question;
      if (p.links.length > 0) out.links = p.links.map((l) => ({ title: l.title, url: l.url.trim() }));
      return out;
    });
  }
  Object.assign(set, d.kept);
  set.triggers = d.triggers.map(triggerFromDraft);
  return set;
}

/** Validate a draft as you type: every problem with its path, or the set ready to save. */
export function checkDraft(d: SetDraft, knownIds: ReadonlySet<string>, takenSetIds: ReadonlySet<string>) {
  return checkSet(setFromDraft(d), knownIds, takenSetIds);
}

function freeId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let i = 1; ; i++) {
    const id = `${base}-${i}`;
    if (!used.has(id)) return id;
  }
}

export function newTriggerDraft(taken: Iterable<string>): TriggerDraft {
  return {
    id: freeId('trigger', taken),
    leadsTo: [''],
    any: '',
    all: [],
    not: '',
    window: '',
    windowWords: '10',
    negated: '',
    fields: '',
    pages: '',
    urls: '',
    effect: '',
    weight: '',
    note: '',
  };
}

export function newPromptDraft(taken: Iterable<string>): PromptDraft {
  return { id: freeId('local-prompt', taken), title: '', text: '', question: '', links: [] };
}

export function newSetDraft(takenSetIds: Iterable<string>): SetDraft {
  return { id: freeId('local-set', takenSetIds), name: '', description: '', triggers: [newTriggerDraft([])], prompts: [] };
}

// ---------------------------------------------------------------------------------------------
// Problems for one field of the form.

/** Split `path: message`. */
export function splitProblem(line: string): { path: string; message: string } {
  const i = line.indexOf(': ');
  return i < 0 ? { path: '', message: line } : { path: line.slice(0, i), message: line.slice(i + 2) };
}

/**
 * Problems whose path is `key` or lies under it, as plain sentences: `noun N: message` for list
 * items (N counted from 1), the message alone for the field itself.
 */
export function fieldProblems(problems: readonly string[], key: string, noun = 'item'): string[] {
  const out: string[] = [];
  for (const line of problems) {
    const { path, message } = splitProblem(line);
    if (path === key) out.push(message);
    else if (path.startsWith(key + '[')) {
      const m = /^\[(\d+)\]/.exec(path.slice(key.length));
      out.push(m ? `${noun} ${Number(m[1]) + 1}: ${message}` : message);
    } else if (path.startsWith(key + '.')) out.push(`${path.slice(key.length + 1)}: ${message}`);
  }
  return out;
}
