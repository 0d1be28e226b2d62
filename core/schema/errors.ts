/**
 * Plain-words validation messages for managers, installed once for every schema (zod/mini ships no
 * locale: without this, structural problems read "Invalid input"). The map itself lives in
 * core/prompt-sets/messages.ts.
 */
import * as z from 'zod/mini';
import { plainError } from '../prompt-sets/messages.ts';

z.config({ customError: plainError });
