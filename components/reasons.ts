/** The optional one-click reasons offered with "Not relevant" (in the page and the side panel): codes go out, never text. */
import type { NotRelevantReason } from '../core/usage/counts.ts';

export const NOT_RELEVANT_REASONS: readonly { code: NotRelevantReason; label: string }[] = Object.freeze([
  { code: 'notThisChild', label: 'Not about this child' },
  { code: 'alreadyConsidered', label: 'Already considered' },
  { code: 'wrongLearningPoint', label: 'Wrong learning point' },
  { code: 'tooOften', label: 'Too often' },
]);

/** The choice that gives no reason. */
export const NO_REASON_LABEL = 'No reason, just hide it';
