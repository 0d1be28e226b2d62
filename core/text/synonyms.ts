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

/**
 * Hypothetical cues (ConText): a phrase within HYPOTHETICAL_REACH words after one of these is a
 * possibility, not an event ("if she tells school", "whether he would hit her", "in case mum refuses").
 */
export const HYPOTHETICAL_CUES: readonly string[] = ['if', 'whether', 'unless', 'hypothetically', 'suppose', 'supposing', 'wondered', 'wondering'];
export const HYPOTHETICAL_REACH = 6;

/**
 * Historical cues (ConText): a phrase within HISTORICAL_REACH words of one of these (either side)
 * is about the past ("years ago", "in her own childhood", "grew up in care", "historic").
 */
export const HISTORICAL_CUES: readonly string[] = [
  'childhood', 'ago', 'historic', 'historical', 'historically', 'formerly', 'grew', 'upbringing', 'decades',
];
export const HISTORICAL_REACH = 6;

/**
 * Experiencer cues (ConText): an adult named within ADULT_REACH words before a phrase is its
 * subject ("mum disclosed she is pregnant", "dad was hit by his own father").
 */
export const ADULT_CUES: readonly string[] = [
  'mum', 'mam', 'mom', 'mother', 'dad', 'father', 'stepdad', 'stepfather', 'stepmum', 'stepmother', 'parent', 'parents',
  'grandmother', 'grandma', 'gran', 'nan', 'nana', 'nanny', 'grandfather', 'grandad', 'granddad', 'grandparent', 'grandparents',
  'aunt', 'auntie', 'aunty', 'uncle', 'partner', 'boyfriend', 'girlfriend', 'husband', 'wife', 'carer', 'carers', 'mrs', 'mr', 'ms',
];
export const ADULT_REACH = 2;
/**
 * Further back, up to ADULT_CLAUSE_REACH words, an adult is still the subject when nothing stands
 * between it and the phrase that could start a new subject: no punctuation inside the sentence
 * (, ; : brackets, dashes) and none of SUBJECT_BREAK_CUES (a reporting verb, whose object clause has
 * its own subject: "mum says Ellie's hitting"; a pronoun; a word for a child). So "Ms Hale has been more
 * withdrawn" and "dad arrested for carrying a knife" are about the adult; "Mum says Ellie is more
 * withdrawn" and "seen with grandad in the front room, not seen alone" are not.
 */
export const ADULT_CLAUSE_REACH = 6;
export const SUBJECT_BREAK_CUES: readonly string[] = [
  'said', 'says', 'say', 'saying', 'told', 'tells', 'tell', 'reported', 'reports', 'report', 'explained', 'explains',
  'stated', 'states', 'described', 'describes', 'thinks', 'think', 'thought', 'feels', 'feel', 'felt', 'believes',
  'believe', 'believed', 'informed', 'confirmed', 'agreed', 'asked', 'noticed', 'noted', 'saw', 'seen', 'heard', 'worried',
  'concerned', 'and', 'or', 'because', 'when', 'while', 'whilst', 'after', 'before', 'until', 'since', 'so', 'but', 'although', 'though',
  'he', 'she', 'they', 'i', 'we', 'you', 'who', 'which',
  'child', 'children', 'kids', 'son', 'daughter', 'baby', 'boy', 'girl', 'sibling', 'siblings', 'brother', 'sister', 'yp', 'toddler', 'infant',
];
