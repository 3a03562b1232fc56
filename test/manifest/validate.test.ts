/**
 * The offline manifest validator: manifest.xml passes, and deliberately
 * broken copies fail with the problem that breaks them.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import {
  pngSize,
  validateFunctionsMetadata,
  validateManifest,
  type ManifestOptions,
  type Problem,
} from '../../src/manifest/validate';
import { drawIcon, ICON_SIZES } from '../../scripts/make-icons';

const ROOT = join(__dirname, '..', '..');
const MANIFEST = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const readFile = (rel: string) =>
  existsSync(join(ROOT, rel)) ? readFileSync(join(ROOT, rel)) : null;
const OPTIONS: ManifestOptions = { baseUrl: 'https://localhost:3000', readFile, namespace: 'SKM' };

/** manifest.xml with one piece of text replaced (which must be there). */
function broken(find: string, replace: string): string {
  expect(MANIFEST).toContain(find);
  return MANIFEST.split(find).join(replace);
}

const codes = (problems: Problem[]) => [...new Set(problems.map((p) => p.code))];

describe('manifest.xml', () => {
  it('passes: resids, shared runtime, HTTPS URLs under the base, icons, namespace', () => {
    expect(validateManifest(MANIFEST, OPTIONS)).toEqual([]);
  });

  it('takes its base URL from the default source location when none is given', () => {
    expect(validateManifest(MANIFEST, { readFile, namespace: 'SKM' })).toEqual([]);
  });

  it('has the ribbon group SKM with Validasi Rekap (validasiRekap) and Panel SKM', () => {
    expect(MANIFEST).toMatch(/<OfficeTab id="TabHome">/);
    expect(MANIFEST).toMatch(/<bt:String id="Group.Label" DefaultValue="SKM"\/>/);
    expect(MANIFEST).toMatch(/<bt:String id="Validate.Label" DefaultValue="Validasi Rekap"\/>/);
    expect(MANIFEST).toMatch(/<bt:String id="Taskpane.Label" DefaultValue="Panel SKM"\/>/);
    expect(MANIFEST).toMatch(
      /<Action xsi:type="ExecuteFunction">\s*<FunctionName>validasiRekap<\/FunctionName>/,
    );
    expect(MANIFEST).toMatch(/<Action xsi:type="ShowTaskpane">/);
  });
});

describe('a broken manifest', () => {
  it('is not well-formed XML', () => {
    const problems = validateManifest(MANIFEST.replace('</OfficeApp>', ''), OPTIONS);
    expect(codes(problems)).toEqual(['xml-malformed']);
  });

  it('refers to a resid no resource defines', () => {
    const xml = broken('<bt:String id="Validate.Label" DefaultValue="Validasi Rekap"/>', '');
    expect(validateManifest(xml, OPTIONS)).toEqual([
      {
        code: 'resid-missing',
        message: 'Label refers to resid "Validate.Label", which no bt:ShortStrings defines.',
      },
      {
        code: 'resid-missing',
        message: 'Title refers to resid "Validate.Label", which no bt:ShortStrings defines.',
      },
    ]);
  });

  it('refers to a resource of the wrong kind', () => {
    const xml = broken('<Label resid="Taskpane.Label"/>', '<Label resid="Taskpane.Tooltip"/>');
    expect(codes(validateManifest(xml, OPTIONS))).toEqual(['resid-wrong-kind']);
  });

  it('has a resid longer than 32 characters', () => {
    const xml = broken('"Functions.Metadata.Url"', '"Functions.Metadata.Url.For.Excel.Web"');
    expect(codes(validateManifest(xml, OPTIONS))).toEqual(['resid-too-long']);
  });

  it('has a URL over http', () => {
    const xml = broken(
      'https://localhost:3000/functions.json',
      'http://localhost:3000/functions.json',
    );
    expect(validateManifest(xml, OPTIONS)).toEqual([
      {
        code: 'url-not-https',
        message:
          'bt:Urls "Functions.Metadata.Url": http://localhost:3000/functions.json must use https.',
      },
    ]);
  });

  it('has a URL outside the base URL', () => {
    const xml = broken(
      'https://localhost:3000/functions.js"',
      'https://cdn.example.com/functions.js"',
    );
    expect(codes(validateManifest(xml, OPTIONS))).toEqual(['url-outside-base']);
  });

  it('is checked against the production base URL it should carry', () => {
    const problems = validateManifest(MANIFEST, {
      ...OPTIONS,
      baseUrl: 'https://skm.example.go.id/addin',
    });
    expect(codes(problems)).toEqual(['url-outside-base']);
    // Every URL of the manifest, the SupportUrl included.
    expect(problems).toHaveLength(10);
  });

  it('gives the FunctionFile another resid than the shared runtime', () => {
    const xml = broken(
      '<FunctionFile resid="Taskpane.Url"/>',
      '<FunctionFile resid="Commands.Url"/>',
    ).replace(
      '</bt:Urls>',
      '<bt:Url id="Commands.Url" DefaultValue="https://localhost:3000/commands.html"/></bt:Urls>',
    );
    expect(validateManifest(xml, OPTIONS)).toEqual([
      {
        code: 'shared-runtime',
        message:
          'FunctionFile uses resid "Commands.Url"; the shared runtime needs "Taskpane.Url" (the Runtime\'s).',
      },
    ]);
  });

  it("gives the custom functions' Page another resid than the shared runtime", () => {
    const xml = broken(
      '<Page>\n              <SourceLocation resid="Taskpane.Url"/>',
      '<Page>\n              <SourceLocation resid="Functions.Page.Url"/>',
    ).replace(
      '</bt:Urls>',
      '<bt:Url id="Functions.Page.Url" DefaultValue="https://localhost:3000/functions.html"/></bt:Urls>',
    );
    expect(codes(validateManifest(xml, OPTIONS))).toEqual(['shared-runtime']);
  });

  it('has a short-lived runtime or none', () => {
    expect(codes(validateManifest(broken('lifetime="long"', 'lifetime="short"'), OPTIONS))).toEqual(
      ['shared-runtime'],
    );
    const none = broken('<Runtime resid="Taskpane.Url" lifetime="long"/>', '');
    expect(validateManifest(none, OPTIONS)).toContainEqual({
      code: 'shared-runtime',
      message: 'There must be exactly one Runtime; found 0.',
    });
  });

  it('lacks the 80 px ribbon icon', () => {
    const xml = broken('<bt:Image size="80" resid="Icon.80x80"/>', '');
    expect(codes(validateManifest(xml, OPTIONS))).toEqual(['icon-size']);
  });

  it('points to an icon file that does not exist or has the wrong size', () => {
    const missing = (rel: string) => (rel === 'assets/icon-80.png' ? null : readFile(rel));
    expect(validateManifest(MANIFEST, { ...OPTIONS, readFile: missing })).toEqual([
      { code: 'icon-file', message: 'bt:Image "Icon.80x80": assets/icon-80.png does not exist.' },
    ]);
    const wrong = (rel: string) =>
      readFile(rel === 'assets/icon-64.png' ? 'assets/icon-80.png' : rel);
    expect(validateManifest(MANIFEST, { ...OPTIONS, readFile: wrong })).toEqual([
      {
        code: 'icon-file',
        message: 'HighResolutionIconUrl: assets/icon-64.png is 80x80; it must be 64x64.',
      },
    ]);
  });

  it('has a namespace that is not alphanumeric, or not SKM', () => {
    const xml = broken(
      'id="Functions.Namespace" DefaultValue="SKM"',
      'id="Functions.Namespace" DefaultValue="SKM-REKAP"',
    );
    expect(validateManifest(xml, OPTIONS).map((p) => p.code)).toEqual(['namespace', 'namespace']);
    const other = broken(
      'id="Functions.Namespace" DefaultValue="SKM"',
      'id="Functions.Namespace" DefaultValue="CONTOSO"',
    );
    expect(validateManifest(other, OPTIONS)).toEqual([
      { code: 'namespace', message: 'Namespace is "CONTOSO"; expected "SKM".' },
    ]);
  });

  it('asks for less than ReadWriteDocument', () => {
    const xml = broken(
      '<Permissions>ReadWriteDocument</Permissions>',
      '<Permissions>ReadDocument</Permissions>',
    );
    expect(codes(validateManifest(xml, OPTIONS))).toEqual(['structure']);
  });
});

describe('functions.json', () => {
  const json = (functions: unknown[]) => JSON.stringify({ functions });

  it('passes with uppercase ids and names', () => {
    expect(
      validateFunctionsMetadata(
        json([
          { id: 'IKM', name: 'IKM' },
          { id: 'SKM.V2_X', name: 'V2_X' },
        ]),
      ),
    ).toEqual([]);
  });

  it('fails on a lowercase or invalid id, a duplicate id, no functions, or no JSON', () => {
    expect(codes(validateFunctionsMetadata(json([{ id: 'ikm', name: 'IKM' }])))).toEqual([
      'function-id',
    ]);
    expect(codes(validateFunctionsMetadata(json([{ id: 'IKM-2', name: 'IKM' }])))).toEqual([
      'function-id',
    ]);
    expect(
      validateFunctionsMetadata(
        json([
          { id: 'IKM', name: 'IKM' },
          { id: 'IKM', name: 'IKM2' },
        ]),
      ),
    ).toEqual([{ code: 'function-id', message: 'Function id "IKM" is declared twice.' }]);
    expect(codes(validateFunctionsMetadata(json([])))).toEqual(['functions-json']);
    expect(codes(validateFunctionsMetadata('{'))).toEqual(['functions-json']);
  });
});

describe('the icons', () => {
  it.each(ICON_SIZES.map((s) => [s]))('assets/icon-%p.png is a PNG of that size', (size) => {
    expect(pngSize(readFileSync(join(ROOT, 'assets', `icon-${size}.png`)))).toEqual({
      width: size,
      height: size,
    });
  });

  it('are drawn by scripts/make-icons.ts at any size', () => {
    expect(pngSize(drawIcon(20))).toEqual({ width: 20, height: 20 });
  });
});

describe('npm run validate (scripts/validate-manifest.ts)', () => {
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const run = (...args: string[]) =>
    spawnSync(tsx, [join(ROOT, 'scripts', 'validate-manifest.ts'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
    });

  it('accepts manifest.xml', () => {
    const r = run(join(ROOT, 'manifest.xml'), '--base-url', 'https://localhost:3000');
    expect(r.stdout).toMatch(/^ok {2}manifest\.xml \(base https:\/\/localhost:3000\)/);
    expect(r.status).toBe(0);
  });

  it('lists the problems of a broken manifest and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'skm-manifest-'));
    const file = join(dir, 'manifest.xml');
    writeFileSync(
      file,
      MANIFEST.replace(
        'https://localhost:3000/taskpane.html"/>\n      </bt:Urls>',
        'http://localhost:3000/taskpane.html"/>\n      </bt:Urls>',
      ),
    );
    const r = run(file, '--base-url', 'https://localhost:3000');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /\[url-not-https\] bt:Urls "Taskpane.Url": http:\/\/localhost:3000\/taskpane.html must use https\./,
    );
  });
});
