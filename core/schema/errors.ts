/**
 * Plain-words validation messages for managers, installed once for every schema (zod/mini ships no
 * locale: without this, structural problems read "Invalid input"). The wording itself lives in
 * ./error-wording.ts, beside the schemas, so core/schema depends on nothing else in core.
 */
import * as z from 'zod/mini';
import { plainError } from './error-wording.ts';

z.config({ customError: plainError });
