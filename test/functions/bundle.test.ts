/**
 * The built add-in (dist/), as Office loads it: functions.js in a stand-in
 * custom-functions runtime, commands.js with a stand-in Office, the shared
 * runtime page and the manifest. Builds first when dist/ is missing or older
 * than the sources.
 */
import { execFileSync } from 'child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import vm from 'vm';
import {
  manifestBaseUrl,
  validateFunctionsMetadata,
  validateManifest,
} from '../../src/manifest/validate';
import { createExcelHost } from '../../src/sim/host';
import { smallRecap } from '../taskpane/workbook';

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const OUTPUTS = [
  'functions.js',
  'functions.json',
  'commands.js',
  'taskpane.js',
  'taskpane.html',
  'manifest.xml',
];

function newestMtime(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((f) => newestMtime(join(path, f))));
}

function ensureBuilt(): void {
  const missing = OUTPUTS.some((f) => !existsSync(join(DIST, f)));
  const sources = ['src', 'assets', 'manifest.xml', 'webpack.config.js'].map((p) =>
    newestMtime(join(ROOT, p)),
  );
  if (
    !missing &&
    Math.min(...OUTPUTS.map((f) => statSync(join(DIST, f)).mtimeMs)) >= Math.max(...sources)
  )
    return;
  execFileSync(
    process.execPath,
    [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production'],
    {
      cwd: ROOT,
      stdio: 'pipe',
    },
  );
}

class StandInError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: { name: string; description?: string; optional?: boolean }[];
}

let metadata: FunctionMetadata[];
const associated = new Map<string, (...args: unknown[]) => unknown>();

beforeAll(() => {
  ensureBuilt();
  metadata = (
    JSON.parse(readFileSync(join(DIST, 'functions.json'), 'utf8')) as {
      functions: FunctionMetadata[];
    }
  ).functions;
  const sandbox: Record<string, unknown> = {
    CustomFunctions: {
      associate: (id: string, fn: (...args: unknown[]) => unknown) => associated.set(id, fn),
      Error: StandInError,
      ErrorCode: { invalidValue: '#VALUE!', invalidNumber: '#NUM!' },
    },
    console,
  };
  sandbox.self = sandbox;
  sandbox.window = sandbox;
  vm.runInNewContext(readFileSync(join(DIST, 'functions.js'), 'utf8'), sandbox, {
    filename: 'functions.js',
  });
}, 120_000);

/** Calls a function as Excel does, through the id it was associated with. */
function call(id: string, ...args: unknown[]): unknown {
  const fn = associated.get(id);
  if (!fn) throw new Error(`${id} was not associated`);
  return fn(...args);
}

function errorOf(id: string, ...args: unknown[]): StandInError {
  try {
    call(id, ...args);
  } catch (e) {
    expect(e).toBeInstanceOf(StandInError);
    return e as StandInError;
  }
  throw new Error(`${id} did not throw`);
}

describe('dist/functions.json and dist/functions.js', () => {
  it('declares the eight SKM functions, with Indonesian help for each parameter', () => {
    expect(metadata.map((f) => f.id).sort()).toEqual([
      'IKM',
      'KATEGORI',
      'KONVERSI',
      'NRR',
      'PERIKSA',
      'PROFIL',
      'SAMPEL',
      'TERENDAH',
    ]);
    for (const f of metadata) {
      expect(f.description).toBeTruthy();
      for (const p of f.parameters) expect(p.description).toBeTruthy();
    }
    expect(
      metadata
        .find((f) => f.id === 'KATEGORI')!
        .parameters.map((p) => [p.name, p.optional ?? false]),
    ).toEqual([
      ['ikm', false],
      ['bentuk', true],
    ]);
    expect(validateFunctionsMetadata(readFileSync(join(DIST, 'functions.json'), 'utf8'))).toEqual(
      [],
    );
  });

  it('associates every id of functions.json, and nothing else, with a function of its arity', () => {
    expect([...associated.keys()].sort()).toEqual(metadata.map((f) => f.id).sort());
    for (const f of metadata) expect(associated.get(f.id)!.length).toBe(f.parameters.length);
  });

  it('computes through the associated functions', () => {
    const nrr = [3.27, 3.11, 3.05, 3.5, 3.33, 3.21, 3.4, 3.15, 3.02];
    const conv = nrr.map((v) => v * 25);
    expect(call('IKM', [nrr])).toBeCloseTo((29.04 / 9) * 25, 10);
    expect(call('IKM', [nrr.map(String).map((s) => s.replace('.', ','))])).toBeCloseTo(
      (29.04 / 9) * 25,
      10,
    );
    expect(
      call('NRR', [
        [4, 3, 2, 1, 4, 3, 2, 1, 4],
        [2, 3, 4, null, 4, 3, 2, 1, ''],
      ]),
    ).toEqual([[3, 3, 3, 1, 4, 3, 2, 1, 4]]);
    expect(call('KONVERSI', [[3.4, null]])).toEqual([[85, '']]);
    expect(call('KATEGORI', 88.305, null)).toBe('A (Sangat Baik)');
    expect(call('KATEGORI', 76.6, 'huruf')).toBe('C');
    expect(call('SAMPEL', 1000)).toBe(278);
    expect(call('SAMPEL', 75000)).toBe(382);
    expect(call('TERENDAH', [nrr], null)).toBe('Sarana dan Prasarana');
    expect(call('PERIKSA', [nrr, conv], 80.67, 'B (Baik)')).toBe('OK');
    expect(call('PERIKSA', [nrr, conv], 84.58, null)).toMatch(/^IKM tertulis 84,58/);
  });

  it("throws the runtime's CustomFunctions.Error with a message", () => {
    const blank = errorOf('KATEGORI', null, null);
    expect(blank.code).toBe('#VALUE!');
    expect(blank.message).toBe('ikm kosong.');
    expect(errorOf('KATEGORI', 150, null).code).toBe('#NUM!');
    expect(errorOf('IKM', [[1, 2, 3]]).message).toMatch(/berukuran 1x3/);
  });
});

describe('dist/commands.js', () => {
  /** Runs commands.js as the shared runtime would, with `globals` as its window; returns what it associated. */
  function loadCommands(globals: Record<string, unknown>): Record<string, unknown> {
    const sandbox: Record<string, unknown> = { console, ...globals };
    vm.runInNewContext(readFileSync(join(DIST, 'commands.js'), 'utf8'), sandbox, {
      filename: 'commands.js',
    });
    return sandbox;
  }

  const paneStatus = (sandbox: Record<string, unknown>) =>
    (sandbox.__skmRekapPane as { state: { status: { kind: string; text: { id: string } } | null } })
      .state.status;

  it('associates validasiRekap with a handler that validates and marks the recap, opens the task pane and completes the event', async () => {
    // The simulated Excel host stands in for Excel, Office and OfficeExtension.
    const host = createExcelHost(smallRecap());
    const globals: Record<string, unknown> = {};
    host.install(globals);
    const sandbox = loadCommands(globals);
    expect([...host.office.actions.keys()]).toEqual(['validasiRekap']);
    const completed = jest.fn();
    await host.office.actions.get('validasiRekap')!({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
    expect(host.office.taskpaneShown).toBe(1);
    expect(paneStatus(sandbox)).toEqual({
      kind: 'success',
      text: expect.objectContaining({
        id: 'Validasi selesai: 1 galat, 0 peringatan; 1 sel ditandai.',
      }),
    });
    expect(host.model.sheets[0].cells['7,14']).toMatchObject({ value: 85.1, fill: '#F4B6B6' });
  });

  it('completes the event and reports in the pane when Excel fails', async () => {
    const actions = new Map<string, (event: unknown) => Promise<void>>();
    const sandbox = loadCommands({
      Office: {
        actions: {
          associate: (id: string, fn: (e: unknown) => Promise<void>) => actions.set(id, fn),
        },
        addin: { showAsTaskpane: () => Promise.reject(new Error('no pane')) },
      },
      Excel: {
        run: () =>
          Promise.reject(
            Object.assign(new Error('Koneksi terputus.'), { code: 'GeneralException' }),
          ),
      },
    });
    const completed = jest.fn();
    await actions.get('validasiRekap')!({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
    expect(paneStatus(sandbox)).toEqual({
      kind: 'error',
      text: expect.objectContaining({ id: 'Excel menolak permintaan: Koneksi terputus.' }),
    });
  });
});

describe('dist/taskpane.html, the shared runtime page', () => {
  const html = () => readFileSync(join(DIST, 'taskpane.html'), 'utf8');
  const scripts = () => [...html().matchAll(/<script[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]);

  it('loads the ES5 fallback notice, Office.js, then the functions, the commands and the task pane', () => {
    // fallback.js first: it must run where the bundles cannot parse or Office.js cannot load.
    expect(scripts()).toEqual([
      'assets/fallback.js',
      'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
      'functions.js',
      'commands.js',
      'taskpane.js',
    ]);
  });

  it("has a Content-Security-Policy without 'unsafe-eval', scripts only from itself and the Office.js CDN", () => {
    const csp = /http-equiv=["']?Content-Security-Policy["']?\s+content="([^"]+)"/.exec(
      html(),
    )?.[1];
    expect(csp).toBeDefined();
    const directives = new Map(
      csp!.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    expect(directives.get('object-src')).toEqual(["'none'"]);
  });

  it('ships bundles without eval', () => {
    for (const f of readdirSync(DIST).filter((n) => n.endsWith('.js'))) {
      expect(readFileSync(join(DIST, f), 'utf8')).not.toMatch(/\beval\s*\(/);
    }
    for (const f of ['functions.js', 'commands.js']) {
      expect(readFileSync(join(DIST, f), 'utf8')).not.toMatch(/new Function/);
    }
  });
});

describe('dist/manifest.xml', () => {
  it('passes the offline validation under its base URL, with its icons in dist/assets', () => {
    const xml = readFileSync(join(DIST, 'manifest.xml'), 'utf8');
    const readFile = (rel: string) =>
      existsSync(join(DIST, rel)) ? readFileSync(join(DIST, rel)) : null;
    expect(validateManifest(xml, { readFile, namespace: 'SKM' })).toEqual([]);
    expect(manifestBaseUrl(xml)).toBe(
      (process.env.ADDIN_BASE_URL || 'https://localhost:3000').replace(/\/+$/, ''),
    );
  });
});
