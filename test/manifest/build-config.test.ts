/**
 * webpack.config.js: the manifest copied to dist/ carries the production base
 * URL given at build time, and no build uses an eval-based devtool.
 */
import { readFileSync } from 'fs';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require(join(ROOT, 'webpack.config.js')) as (
  env: Record<string, unknown>,
  argv: Record<string, unknown>,
) => Promise<{ devtool: string | false; plugins: object[]; entry: Record<string, string> }>;

interface CopyPattern {
  from: string;
  transform?: (content: Buffer) => string;
}

/** The manifest as the build would copy it to dist/. */
async function builtManifest(env: Record<string, unknown>, mode: string): Promise<string> {
  const config = await makeConfig(env, { mode });
  const copy = config.plugins.find((p): p is { patterns: CopyPattern[] } => 'patterns' in p);
  const pattern = copy!.patterns.find((p) => p.from === 'manifest.xml')!;
  return pattern.transform!(readFileSync(join(ROOT, 'manifest.xml')));
}

describe('webpack.config.js', () => {
  const saved = process.env.ADDIN_BASE_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.ADDIN_BASE_URL;
    else process.env.ADDIN_BASE_URL = saved;
  });

  it('puts the production base URL from --env baseUrl in every manifest URL', async () => {
    delete process.env.ADDIN_BASE_URL;
    const xml = await builtManifest(
      { baseUrl: 'https://skm.banjarkab.go.id/addin/' },
      'production',
    );
    expect(xml).not.toContain('https://localhost:3000');
    expect(xml).toContain(
      '<SourceLocation DefaultValue="https://skm.banjarkab.go.id/addin/taskpane.html"/>',
    );
    expect(xml).toContain('DefaultValue="https://skm.banjarkab.go.id/addin/functions.json"');
  });

  it('takes the production base URL from ADDIN_BASE_URL', async () => {
    process.env.ADDIN_BASE_URL = 'https://addin.example.go.id';
    const xml = await builtManifest({}, 'production');
    expect(xml).toContain('DefaultValue="https://addin.example.go.id/assets/icon-32.png"');
  });

  it('keeps https://localhost:3000 in development', async () => {
    process.env.ADDIN_BASE_URL = 'https://addin.example.go.id';
    const xml = await builtManifest({}, 'development');
    expect(xml).toBe(readFileSync(join(ROOT, 'manifest.xml'), 'utf8'));
  });

  it('refuses a production base URL that is not https', async () => {
    delete process.env.ADDIN_BASE_URL;
    await expect(
      makeConfig({ baseUrl: 'http://skm.example.go.id' }, { mode: 'production' }),
    ).rejects.toThrow(/must use https/);
  });

  it('never uses an eval-based devtool', async () => {
    for (const mode of ['production', 'development']) {
      const { devtool } = await makeConfig({}, { mode });
      expect(String(devtool)).not.toMatch(/eval/);
    }
  });

  it('has the three entry points of the add-in', async () => {
    const { entry } = await makeConfig({}, { mode: 'production' });
    expect(entry).toEqual({
      functions: './src/functions/functions.ts',
      commands: './src/commands/commands.ts',
      taskpane: './src/taskpane/index.tsx',
    });
  });
});
