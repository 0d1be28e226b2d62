/** Plain-words validation messages for managers (installed once, used by every schema). */
import * as z from 'zod/mini';

const TYPE_WORDS: Record<string, string> = { string: 'text', number: 'a number', boolean: 'true or false', array: 'a list', object: 'an object' };

z.config({
  customError: (iss) => {
    if (iss.code === 'invalid_type') {
      if (iss.input === undefined) return 'is required';
      return `must be ${TYPE_WORDS[iss.expected as string] ?? iss.expected}`;
    }
    if (iss.code === 'invalid_value') {
      const vals = (iss as unknown as { values: unknown[] }).values;
      return `must be ${vals.map((v) => JSON.stringify(v)).join(' or ')}`;
    }
    if (iss.code === 'unrecognized_keys') return `has unknown field${iss.keys.length > 1 ? 's' : ''} ${iss.keys.map((k) => `"${k}"`).join(', ')}`;
    if (iss.code === 'invalid_union') return 'is not in a recognised form';
    return undefined;
  },
});
