/**
 * Relevance of the built-in prompt set (content/prompt-sets/default.json).
 *
 * 1. The published tuning samples: every must group satisfied, nothing shown on negative cases, little noise
 *    overall. Read from ../shared/samples/relevance-samples.json when it is beside the repo (and then the
 *    in-repo copy tests/relevance/published-samples.json must equal it), from the in-repo copy otherwise.
 * 2. Our own fictional snippets, phrased differently from the samples: the expected section is among
 *    the (at most 3) prompts shown, or nothing is shown for office text.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compile, matchText } from '../../core/matcher/index.ts';
import type { PromptSet } from '../../core/schema/prompt-set.ts';
import { sectionMap } from '../relevance/score.ts';

const repo = path.resolve(__dirname, '../..');
const sharedSamplesPath = path.resolve(__dirname, '../../../shared/samples/relevance-samples.json');
const repoSamplesPath = path.join(repo, 'tests/relevance/published-samples.json');
const defaultSet = JSON.parse(readFileSync(path.join(repo, 'content/prompt-sets/default.json'), 'utf8')) as PromptSet;
const index = compile([defaultSet]);

const sectionOf = sectionMap();

function shown(text: string) {
  const prompts = matchText(index, text, {}, { maxPrompts: 3 });
  return { prompts, sections: prompts.map((p) => sectionOf.get(p.id) ?? `unknown:${p.id}`) };
}

interface SampleCase {
  id: string;
  text: string;
  must: string[][];
  may: string[];
}

const sharedPresent = existsSync(sharedSamplesPath);
const samplesPath = sharedPresent ? sharedSamplesPath : repoSamplesPath;
const samplesFrom = sharedPresent ? '../shared/samples/relevance-samples.json' : 'tests/relevance/published-samples.json';

describe(`built-in prompt set: published relevance samples (from ${samplesFrom})`, () => {
  const cases: SampleCase[] = (JSON.parse(readFileSync(samplesPath, 'utf8')) as { cases: SampleCase[] }).cases;

  it(sharedPresent ? 'the in-repo copy tests/relevance/published-samples.json equals ../shared/samples/relevance-samples.json' : 'the in-repo copy has cases (../shared/samples is not beside the repo)', () => {
    expect(cases.length).toBeGreaterThan(10);
    if (sharedPresent) expect(JSON.parse(readFileSync(repoSamplesPath, 'utf8'))).toEqual(JSON.parse(readFileSync(sharedSamplesPath, 'utf8')));
  });

  it('satisfies every must group', () => {
    const failures: string[] = [];
    for (const c of cases) {
      const { sections } = shown(c.text);
      for (const group of c.must) if (!group.some((s) => sections.includes(s))) failures.push(`${c.id}: none of [${group.join(', ')}] in [${sections.join(', ')}]`);
    }
    expect(failures).toEqual([]);
  });

  it('shows nothing on negative cases', () => {
    const noisy = cases
      .filter((c) => c.must.length === 0 && c.may.length === 0)
      .map((c) => ({ id: c.id, shown: shown(c.text).prompts.map((p) => p.id) }))
      .filter((c) => c.shown.length > 0);
    expect(noisy).toEqual([]);
  });

  it('keeps noise (shown sections outside must and may) to at most 3 across the set', () => {
    let noise = 0;
    const detail: string[] = [];
    for (const c of cases) {
      const allowed = new Set([...c.must.flat(), ...c.may]);
      const extra = [...new Set(shown(c.text).sections)].filter((s) => !allowed.has(s));
      noise += extra.length;
      if (extra.length) detail.push(`${c.id}: ${extra.join(', ')}`);
    }
    expect(noise, detail.join('; ')).toBeLessThanOrEqual(3);
  });
});

describe('built-in prompt set: our own snippets', () => {
  // [snippet, expected section (or null: nothing at all should show)]
  const table: [string, string | null][] = [
    ['mum says the bruise came from rough play with his brother', 'daily-life'],
    ['she later withdrew her allegation', 'disclosure'],
    ['was not brought to the dentist again', 'daily-life'],
    ['case transferred to Leeds by email', 'info'],
    ['Mr X is a registered sex offender and has moved in', 'info'],
    ['Tom (15) is very streetwise and keeps turning up miles from home with cash he cannot explain', 'older'],
    ['the team has three vacancies', 'system'],
    ['SW not able to see Kacey on her own, dad stayed in the room', 'daily-life'],
    ['nan is too scared of mum to tell us what goes on', 'daily-life'],
    ['School say his violence is just part of his autism', 'behaviour'],
    ['Poppy (5) keeps trying to kiss and touch other children in the toilets, sexualised behaviour', 'disclosure'],
    ['no clear disclosure so police will not investigate', 'disclosure'],
    ['Video interview with the child is planned for next Tuesday', 'abe'],
    ['Dylan (15) has been reported missing twice this week and is linked to county lines', 'older'],
    ['Dad was hostile and refused to let me into the flat', 'engaging'],
    ['Police escort requested for the next home visit', 'engaging'],
    ['Probation shared that the new partner has convictions for offences against children', 'info'],
    // a decision on its own is not a disagreement: the escalation cards need someone to disagree
    ['Referral from the GP was rejected as below threshold', null],
    ['Referral from the GP was rejected as below threshold and the GP disagrees', 'escalation'],
    ['The nursery disagree with the decision to close and want to escalate', 'escalation'],
    ['Caseloads are unmanageable and we rely on agency staff', 'system'],
    // poverty on its own is not neglect: silent unless care is also poor (see principles.test.ts)
    ['Rent arrears of £2,000 and the family use the food bank weekly', null],
    ['Rent arrears and the food bank, and the baby is still in dirty nappies when we visit', 'neglect'],
    ['Health visitor says the diagnosis from the paediatrician has not been explained to school', 'info'],
    ['Discussed in supervision and agreed to challenge dad about his account', null],
    // a family's language or culture alone never fires the cultural-competence card
    ['Interpreter needed as mum speaks very little English', null],
    ['Parents disguised compliance: they agree to everything but nothing changes', 'engaging'],
    ['Training on Friday', null],
    ['Team lunch booked', null],
    ['updated the spreadsheet', null],
    ['Please remember to submit your timesheet before the payroll deadline', null],
    ['Webinar on neglect and working with fathers next Tuesday', null],
    // held-out regression cases (written before tuning; phrased the way busy workers record)
    ["Parents won't let the SW see the childrens bedrooms, there is always a reason.", 'engaging'],
    ['HV has not been able to access the home for 3 months.', 'engaging'],
    ["Mum told the HV her partner had moved out but his van was outside and there were men's boots in the hall.", 'engaging'],
    ['Dad continues to deny any drinking despite the positive hair strand test.', 'engaging'],
    ['Recieved info that the partner has a history of DV towards his previous partner, not yet shared with school or HV.', 'info'],
    ['School have excluded him for the 3rd time and say they did it so social care would finally do something.', 'escalation'],
    ["Paed recommended a CP medical but the TM decided it wasn't needed.", 'escalation'],
    ['Chloe (17) took an overdose last night, discharged from A&E this morning, CAMHS to follow up.', 'older'],
    ['Aaliyah (16) has been involved in fights at school and a serious assault in the park.', 'older'],
    ["Nursery staff report Ava (4) tried to put her hand down another child's trousers and has been using sexual words.", 'disclosure'],
    ['Carers found Ruby (6) and her brother in bed together acting out sexual things.', 'disclosure'],
    ['Harry said he gets scared at home when dad shouts, then asked me not to tell mum what he said.', 'daily-life'],
    ["LAC review: Mia is settled in placement but says she misses her brother. She said she wasn't asked about the move to the new school.", 'daily-life'],
    ["Baby's weight has dropped from the 50th to the 9th centile, HV concerned re feeding.", 'neglect'],
    ['Family feel the CP process is punitive, they say they only asked for help with housing.', 'system'],
    ['Neglect toolkit training moved to Thursday afternoon.', null],
    ['CSE awareness week: please share on socials.', null],
    ['Lunch and learn: escalation policy refresh, bring your own lunch.', null],
    ["Signed up for the Sarah's Law briefing on Monday.", null],
  ];

  it.each(table)('%s → %s', (text, expected) => {
    const { prompts, sections } = shown(text);
    if (expected === null) expect(prompts.map((p) => p.id)).toEqual([]);
    else expect(sections).toContain(expected);
  });

  it('the second reading holds back a prompt whose section the note does not read like, and that has a cost', () => {
    // three concerns in one visit: the phrases raise neglect, but the note as a whole reads as "not seen
    // alone" and hostility, and neglect (raised by one trigger) is held back: a known miss of the reading
    const busy =
      'Unannounced HV. Kitchen had no food apart from a bottle of ketchup. Older child (6) not at school. I asked to see him alone but mum said he was too shy. Partner present and hostile, told me to get out of his house.';
    const unread = matchText(index, busy, {}, { reading: () => null }).map((p) => sectionOf.get(p.id));
    expect(unread).toContain('neglect');
    expect(shown(busy).sections).not.toContain('neglect');
    expect(shown(busy).sections).toEqual(expect.arrayContaining(['daily-life', 'engaging']));
    // an everyday "neglected" in a note about football: the phrase raises neglect, the reading holds it back
    const everyday =
      "YP said he felt totally neglected by his mates cos they all went to the match without him - laughed it off, says he's getting them back at 5-a-side on Sunday and his mum is taking them all for pizza after. Nothing else to note from the visit today.";
    expect(matchText(index, everyday, {}, { reading: () => null }).map((p) => sectionOf.get(p.id))).toContain('neglect');
    expect(shown(everyday).prompts).toEqual([]);
  });

  it('a concern considered and ruled out shows nothing (the set’s default for negation is "ignore")', () => {
    expect(shown('Concerns regarding neglect: the home is filthy again').sections).toContain('neglect');
    expect(shown('No concerns regarding neglect').prompts).toEqual([]);
  });

  it('keeps the stronger of two readings of the same words, and a second concern written in words of its own', () => {
    // "marked change since Easter" reads as a change in behaviour; read again as a shifting account, it is noise
    const change =
      "Nursery report Noah (4) has started wetting again, hides under the table at pick-up and screams when a male staff member helps with toileting. At home M says he's 'just being clingy'. He's not said anything to anyone but this is a marked change since Easter.";
    expect(shown(change).sections).toEqual(['behaviour']);
    expect(matchText(index, change, {}, { minShare: 0, reading: () => null }).map((p) => sectionOf.get(p.id))).toContain('engaging'); // it could appear
    // two concerns in one sentence, each in words of its own: both stay
    expect(shown('Home visit. Mum said there is no food in the house and the children were not seen alone.').sections).toEqual(
      expect.arrayContaining(['daily-life', 'neglect']),
    );
    expect(shown('Concerns about neglect. She made a disclosure to her teacher.').sections).toEqual(expect.arrayContaining(['neglect', 'daily-life']));
  });

  it('never shows more than three prompts', () => {
    const busy =
      'Neglect and poor home conditions; child not seen alone; sexualised behaviour at school; no disclosure; ABE planned; missing overnight; dad hostile; new partner is a schedule 1 offender; threshold not met; caseloads high.';
    expect(shown(busy).prompts.length).toBeLessThanOrEqual(3);
  });

  it('only leads to known learning points and wider messages', () => {
    const unknown = defaultSet.triggers.flatMap((t) => t.leadsTo).filter((id) => !sectionOf.has(id));
    expect(unknown).toEqual([]);
  });
});
