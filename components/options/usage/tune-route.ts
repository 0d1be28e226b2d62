/**
 * The options page's addresses for tuning one trigger, so that a noisy trigger in the team report can
 * link straight to it: `#edit/<set id>/<trigger id>` opens the set editor on that trigger, and
 * `#bench/<set id>/<trigger id>` fills the test bench with that trigger's phrases. Ids only.
 */
export interface TuneRoute {
  to: 'edit' | 'bench';
  set: string;
  trigger: string;
}

export const tuneHash = (to: TuneRoute['to'], set: string, trigger: string): string => `#${to}/${encodeURIComponent(set)}/${encodeURIComponent(trigger)}`;

/** The route a hash names, or null (a hash that is not one of ours, or not decodable). */
export function tuneRouteOf(hash: string): TuneRoute | null {
  const m = /^#(edit|bench)\/([^/]+)\/([^/]+)$/.exec(hash);
  if (!m) return null;
  try {
    return { to: m[1] as TuneRoute['to'], set: decodeURIComponent(m[2]!), trigger: decodeURIComponent(m[3]!) };
  } catch {
    return null;
  }
}
