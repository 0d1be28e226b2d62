/**
 * The learning library as typed data. Validated by tests/content (schemas, counts, fidelity, own words);
 * imported as-is by pages. What each id is (section, card, deep link) lives in `catalogue.ts`; the content
 * script imports only the slim cards (`virtual:prompt-cards`, built from the catalogue).
 */
import type { ContextPage, KeyData, LearningPoint, Reference, Section, Theme, WiderMessage } from '../../core/schema/library.ts';
import sectionsJson from './sections.json';
import neglect from './learning-points/neglect.json';
import dailyLife from './learning-points/daily-life.json';
import behaviour from './learning-points/behaviour.json';
import disclosure from './learning-points/disclosure.json';
import abe from './learning-points/abe.json';
import older from './learning-points/older.json';
import engaging from './learning-points/engaging.json';
import info from './learning-points/info.json';
import escalation from './learning-points/escalation.json';
import widerJson from './wider-messages.json';
import themesJson from './enduring-themes.json';
import contextJson from './context.json';
import keyDataJson from './key-data.json';
import referencesJson from './references.json';
import attributionJson from './attribution.json';
import metaJson from './meta.json';

export const sections = sectionsJson as Section[];
export const learningPoints = [
  ...neglect,
  ...dailyLife,
  ...behaviour,
  ...disclosure,
  ...abe,
  ...older,
  ...engaging,
  ...info,
  ...escalation,
] as LearningPoint[];
export const widerMessages = widerJson as WiderMessage[];
export const enduringThemes = themesJson as Theme[];
export const contextPages = contextJson as ContextPage[];
export const keyData = keyDataJson as KeyData;
export const references = referencesJson as Reference[];
export const attribution = attributionJson;
/** This edition of the library content: its date (YYYY-MM-DD), shown with the extension's version. */
export const libraryMeta: { date: string } = { date: metaJson.date };

export const learningPointFiles = { neglect, 'daily-life': dailyLife, behaviour, disclosure, abe, older, engaging, info, escalation };

