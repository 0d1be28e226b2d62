export interface Package {
  name: string;
  version: string;
  /** The SPDX expression its package.json declares, or null. */
  licence: string | null;
  /** Its folder, relative to the project root. */
  path: string;
}
export interface Violation {
  package: Package;
  problem: string;
}
export interface LicenceRule {
  allowed?: readonly string[];
  exceptions?: Readonly<Record<string, string>>;
}
export const ALLOWED: readonly string[];
export const EXCEPTIONS: Readonly<Record<string, string>>;
export function licenceOf(pkg: Record<string, unknown>): string | null;
export function isAllowed(expression: string | null, allowed?: readonly string[]): boolean;
export function exceptionFor(p: Package, exceptions?: Readonly<Record<string, string>>): string | undefined;
export function licenceViolations(packages: readonly Package[], rule?: LicenceRule): Violation[];
export function unusedExceptions(packages: readonly Package[], exceptions?: Readonly<Record<string, string>>): string[];
export function productionPackages(root?: string): Package[];
export interface CycloneDx {
  metadata?: { component?: { 'bom-ref'?: string } };
  components?: { 'bom-ref': string; name: string; version?: string; properties?: { name: string; value: string }[] }[];
  dependencies?: { ref: string; dependsOn?: string[] }[];
  [key: string]: unknown;
}
export function productionSbom<T extends CycloneDx>(sbom: T, refs: ReadonlySet<string>): T;
