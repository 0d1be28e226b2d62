/** What a prompt shows: a slim card per learning point or wider message (see build/prompt-cards-plugin.ts). */
export interface PromptCard {
  id: string;
  /** Briefing section title, exactly as the briefing writes it. */
  section: string;
  sectionId: string;
  page: number;
  title: string;
  summary: string;
  question: string;
  /** Local prompts: https links to local procedures. */
  links?: { title: string; url: string }[];
  /** Set when the card comes from a local prompt set. */
  setName?: string;
}
