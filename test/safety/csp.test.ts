/**
 * The pages' Content-Security-Policy, as written in the sources: the task pane
 * runs scripts only from itself and the Office.js CDN, the preview only from
 * itself, and neither allows eval. (test/functions/bundle.test.ts checks the
 * built dist/taskpane.html and the bundles themselves.)
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import path from 'path';

const ROOT = path.resolve(__dirname, '../..');

/** The directives of a page's <meta http-equiv="Content-Security-Policy">, by name. */
function csp(file: string): Map<string, string[]> {
  const html = readFileSync(path.join(ROOT, file), 'utf8');
  const content = /<meta\s+http-equiv=["']Content-Security-Policy["']\s+content="([^"]+)"/i.exec(
    html,
  )?.[1];
  if (!content) throw new Error(`${file} has no Content-Security-Policy`);
  return new Map(
    content
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name, values] as const;
      }),
  );
}

/** The sources scripts may come from: script-src, else default-src (CSP Level 3 fallback). */
const scriptSources = (d: Map<string, string[]>) =>
  d.get('script-src') ?? d.get('default-src') ?? [];

describe('src/taskpane/taskpane.html', () => {
  const d = csp('src/taskpane/taskpane.html');

  it("allows scripts only from 'self' and https://appsforoffice.microsoft.com", () => {
    expect(scriptSources(d)).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
  });

  it('has no other way in for scripts: no eval, no inline script, no script-src-elem/attr override, no plugins', () => {
    expect([...d.values()].flat()).not.toContain("'unsafe-eval'");
    expect(scriptSources(d)).not.toContain("'unsafe-inline'");
    expect(d.has('script-src-elem') || d.has('script-src-attr')).toBe(false);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
  });

  it('loads its one external script from the Office.js CDN over https', () => {
    const html = readFileSync(path.join(ROOT, 'src/taskpane/taskpane.html'), 'utf8');
    const external = [...html.matchAll(/<script[^>]*\bsrc=["']([^"']+)/g)]
      .map((m) => m[1])
      .filter((s) => /^[a-z]+:/i.test(s) || s.startsWith('//'));
    expect(external).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
  });
});

describe('src/preview/preview.html', () => {
  const d = csp('src/preview/preview.html');

  it("allows scripts only from 'self'", () => {
    expect(scriptSources(d)).toEqual(["'self'"]);
    expect(d.has('script-src-elem') || d.has('script-src-attr')).toBe(false);
  });

  it('allows no eval and no inline script', () => {
    expect([...d.values()].flat()).not.toContain("'unsafe-eval'");
    expect(scriptSources(d)).not.toContain("'unsafe-inline'");
  });
});

/**
 * bundle.test.ts already refuses eval( in every dist/*.js and "new Function" in
 * functions.js and commands.js; taskpane.js is left out there because webpack's
 * runtime has one `new Function("return this")()`, its fallback for globalThis.
 * This checks there is no other.
 */
describe('dist/taskpane.js (when built)', () => {
  const file = path.join(ROOT, 'dist', 'taskpane.js');
  const built = existsSync(file);

  (built ? it : it.skip)('has no "new Function" but webpack\'s globalThis fallback', () => {
    const js = readFileSync(file, 'utf8').replace(/new Function\((["'])return this\1\)\(\)/g, '');
    expect(js).not.toMatch(/new\s+Function\s*\(/);
    expect(js).not.toMatch(/\bFunction\s*\(\s*["'`]/);
  });

  (built ? it : it.skip)(
    'is the only bundle bundle.test.ts does not check for "new Function"',
    () => {
      const bundles = readdirSync(path.join(ROOT, 'dist')).filter((n) => n.endsWith('.js'));
      expect(
        bundles.filter((n) => !['functions.js', 'commands.js', 'taskpane.js'].includes(n)),
      ).toEqual([]);
    },
  );
});
