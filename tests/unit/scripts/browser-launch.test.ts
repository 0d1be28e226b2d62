import { describe, expect, it } from 'vitest';
import { chromiumArgs, hostResolverRules, OFF_NETWORK_ARGS } from '../../../scripts/browser-launch.mjs';

const rules = (args: string[]) => {
  const r = args.filter((a) => a.startsWith('--host-resolver-rules='));
  expect(r).toHaveLength(1);
  return r[0]!.slice('--host-resolver-rules='.length).split(', ');
};

describe('chromiumArgs', () => {
  it('refuses every name but localhost and 127.0.0.1 by default', () => {
    expect(rules(chromiumArgs())).toEqual(['MAP * ~NOTFOUND', 'EXCLUDE localhost', 'EXCLUDE 127.0.0.1']);
  });

  it('puts custom hosts before the catch-all, keeping the loopback exclusions', () => {
    const r = rules(chromiumArgs({ hosts: { 'lcs.council.test': '127.0.0.1', 'mosaic.example.test': 'localhost' } }));
    expect(r).toEqual(['MAP lcs.council.test 127.0.0.1', 'MAP mosaic.example.test localhost', 'MAP * ~NOTFOUND', 'EXCLUDE localhost', 'EXCLUDE 127.0.0.1']);
    expect(hostResolverRules({ 'lcs.council.test': '127.0.0.1' })).toBe('MAP lcs.council.test 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1');
  });

  it('rejects a host map that would break the rule list', () => {
    expect(() => hostResolverRules({ 'a.test, MAP *': '127.0.0.1' })).toThrow(/not a host name/);
    expect(() => chromiumArgs({ extraArgs: ['--host-resolver-rules=MAP * 127.0.0.1'] })).toThrow(/hosts/);
  });

  it('has no extension flags when no extension is given (policy tests launch without them)', () => {
    const args = chromiumArgs();
    expect(args.filter((a) => /extension/.test(a))).toEqual([]);
  });

  it('loads exactly the given extension and nothing else', () => {
    const args = chromiumArgs({ extensionDir: '/x/.output/chrome-mv3' });
    expect(args).toContain('--disable-extensions-except=/x/.output/chrome-mv3');
    expect(args).toContain('--load-extension=/x/.output/chrome-mv3');
  });

  it('always carries the off-network flags; extra flags come after ours and features are merged', () => {
    const args = chromiumArgs({ extraArgs: ['--log-net-log=/tmp/n.json', '--disable-features=Foo,Translate'] });
    for (const a of OFF_NETWORK_ARGS) expect(args).toContain(a);
    expect(args.at(-1)).toBe('--log-net-log=/tmp/n.json');
    const features = args.filter((a) => a.startsWith('--disable-features='));
    expect(features).toHaveLength(1);
    expect(features[0]!.split('=')[1]!.split(',')).toEqual(['Translate', 'OptimizationHints', 'MediaRouter', 'DialMediaRouteProvider', 'Foo']);
  });

  it('sandbox and GPU flags can be left out (the demo with a display, not as root)', () => {
    expect(chromiumArgs()).toEqual(expect.arrayContaining(['--no-sandbox', '--disable-gpu']));
    const args = chromiumArgs({ noSandbox: false, disableGpu: false });
    expect(args).not.toContain('--no-sandbox');
    expect(args).not.toContain('--disable-gpu');
  });
});
