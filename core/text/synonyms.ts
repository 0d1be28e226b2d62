/**
 * Acronyms and equivalent phrasings used in English children's social care records.
 * When a trigger phrase contains one member of a group, every other member is matched too.
 * Words here are as a practitioner writes them; they are folded like any phrase.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['s47', 's 47', 'section 47'],
  ['s17', 's 17', 'section 17'],
  ['abe', 'achieving best evidence'],
  ['cse', 'child sexual exploitation'],
  ['cce', 'child criminal exploitation'],
  ['csa', 'child sexual abuse'],
  ['mash', 'multi agency safeguarding hub'],
  ['nfa', 'no further action'],
  ['cp plan', 'child protection plan', 'cpp'],
  ['cp conference', 'child protection conference'],
  ['icpc', 'initial child protection conference'],
  ['rcpc', 'review child protection conference'],
  ['lado', 'local authority designated officer'],
  ['sudi', 'sudden unexpected death in infancy'],
  ['lcspr', 'local child safeguarding practice review'],
  ['scr', 'serious case review'],
  ['yos', 'yot', 'youth offending service', 'youth offending team', 'youth justice service', 'yjs'],
  ['camhs', 'child and adolescent mental health service'],
  ['dv', 'domestic violence', 'domestic abuse'],
  ['tac', 'team around the child'],
  ['taf', 'team around the family'],
  ['fgc', 'family group conference'],
  ['asd', 'autism', 'autistic spectrum disorder', 'autism spectrum disorder'],
  ['adhd', 'attention deficit hyperactivity disorder'],
  ['ehcp', 'education health and care plan'],
  ['sgo', 'special guardianship order'],
  ['cla', 'lac', 'looked after child', 'child looked after'],
  ['fii', 'fabricated or induced illness'],
  ['wnb', 'was not brought', 'were not brought'],
  ['dna', 'did not attend'],
  ['gp', 'general practitioner'],
  ['hv', 'health visitor'],
  ['sw', 'social worker'],
  ['ssw', 'senior social worker'],
  ['iro', 'independent reviewing officer'],
  ['sarah law', 'child sex offender disclosure scheme'],
  ['clare law', 'domestic violence disclosure scheme'],
  ['marac', 'multi agency risk assessment conference'],
  ['mappa', 'multi agency public protection arrangements'],
  ['cin', 'child in need'],
  ['plo', 'public law outline'],
];

/** Words that never count, and are skipped, between a phrase's words. */
export const FILLER_WORDS: readonly string[] = [
  'a', 'an', 'the', 'his', 'her', 'hers', 'their', 'its', 'my', 'our', 'your', 'this', 'that', 'these', 'those', 'him', 'them',
];

/** Words that negate what follows them within a few words of the same sentence. */
export const NEGATION_CUES: readonly string[] = [
  'no', 'not', 'never', 'nil', 'none', 'without', 'nor', 'neither', 'denied', 'denies', 'deny', 'denying',
  'dont', 'didnt', 'doesnt', 'wasnt', 'werent', 'isnt', 'arent', 'hasnt', 'havent', 'hadnt', 'cannot', 'cant', 'couldnt',
  'wouldnt', 'wont', 'unable', 'nothing',
];
/** How many words before a phrase a negation cue reaches. */
export const NEGATION_REACH = 4;
