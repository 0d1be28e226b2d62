/** The identifying-details check: a table of true positives and of false positives it must not raise. */
import { describe, expect, it } from 'vitest';
import { describeFindings, findIdentifying, nhsChecksumValid, phraseWords, type IdentifyingKind } from '../../../../core/reflection/identifying.ts';
import { catalogue } from '../../../../content/library/catalogue.ts';
import { sections } from '../../../../content/library/index.ts';

const knownWords = phraseWords([...catalogue.map((e) => e.item.title), ...sections.map((s) => s.title)]);
const kinds = (text: string): [IdentifyingKind, string][] => findIdentifying(text, { knownWords }).map((f) => [f.kind, text.slice(f.start, f.end)]);

describe('identifying details: true positives', () => {
  it.each<[string, [IdentifyingKind, string][]]>([
    ['I visited Jade Okafor at home.', [['name', 'Jade Okafor']]],
    ['Spoke with Mary Anne Smith-Jones yesterday.', [['name', 'Mary Anne Smith-Jones']]],
    ['Liam O’Brien was quiet.', [['name', 'Liam O’Brien']]],
    ['Mrs Okafor said she was tired.', [['name', 'Mrs Okafor']]],
    ['Asked Sean McDonald first.', [['name', 'Sean McDonald']]],
    ['Dr. Patel saw him.', [['name', 'Dr. Patel']]],
    ['DOB 12/03/2015, seen at school.', [['date-of-birth', 'DOB 12/03/2015']]],
    ['date of birth: 4 March 2016', [['date-of-birth', 'date of birth: 4 March 2016']]],
    ['She was born on 2017-01-09.', [['date-of-birth', 'born on 2017-01-09']]],
    ['NHS no 943 476 5919 on the letter', [['nhs-number', '943 476 5919']]],
    ['number 9434765919 noted', [['nhs-number', '9434765919']]],
    ['They live near M1 1AE now.', [['postcode', 'M1 1AE']]],
    ['postcode sw1a 1aa', [['postcode', 'sw1a 1aa']]],
    ['Call 07700 900123 after school.', [['phone', '07700 900123']]],
    ['Tel: +44 7700 900123', [['phone', '+44 7700 900123']]],
    ['Landline 0121-496-0000.', [['phone', '0121-496-0000']]],
    ['See case 123456 for the plan.', [['reference', '123456']]],
    ['Ref: CS-2023-0456', [['reference', 'CS-2023-0456']]],
    ['Mosaic ID 7788123', [['reference', '7788123']]],
    ['File AB123456 was closed.', [['reference', 'AB123456']]],
  ])('%s', (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });
});

describe('identifying details: false positives it must not raise', () => {
  it.each<string>([
    // sentence starts, roles and services
    'The Child Protection conference met on Monday 3 March.',
    'Today I reflected with my Team Manager.',
    'Social Worker and Health Visitor visited together.',
    'Working Together guidance was discussed in Supervision.',
    'I met Mum and Dad at the Family Centre.',
    // learning-point and section titles, capitalised as headings
    'Reading Understanding The Child’s Daily Life made me think.',
    'Professional Disagreement And Escalation Of Concerns applies here.',
    'Achieving Best Evidence interviews need planning.',
    'Information Sharing And Effective Communication was the point.',
    // places, days, months
    'The family moved from Greater Manchester to West Yorkshire.',
    'Northern Ireland and Great Britain differ.',
    'On Tuesday June 4 we talked it through.',
    'Last December Christmas was hard for them.',
    // numbers that are not identifying
    'I have written 1234567890 words.',
    'Section 47 enquiries began within 24 hours, on 12/03/2025.',
    'It took 4 months and 3 visits; 16 and over.',
    'The CPD year ends 30 November 2026.',
    'A1 priority, step 2 of 3.',
    'Page 34 of the briefing (2024).',
  ])('%s', (text) => {
    expect(kinds(text)).toEqual([]);
  });
});

describe('NHS number check digit (modulus 11)', () => {
  it.each([
    ['9434765919', true],
    ['9434765918', false],
    ['4010232137', true],
    ['401023213', false],
    ['0000000000', true],
    ['1000000002', false],
  ])('%s → %s', (digits, ok) => {
    expect(nhsChecksumValid(digits)).toBe(ok);
  });
});

describe('describeFindings', () => {
  it('names each kind once, and says saving is still allowed', () => {
    const text = 'Jade Okafor, 07700 900123, Ben Smith';
    expect(describeFindings(findIdentifying(text))).toBe(
      'This may identify someone: it looks like it contains a person’s full name and a phone number. You can still save; consider rewording.',
    );
    expect(describeFindings([])).toBe('');
  });
});
