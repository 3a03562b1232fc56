/**
 * The add-in without Excel: serves the preview page (simulated Excel host,
 * sheet view, real task pane) for one workbook on 127.0.0.1, with Node's http
 * module only.
 *
 *   npm run preview -- --workbook samples/rekap-skm-banjar-2025.xlsx --port 3100 [--rebuild]
 *
 * GET /               the page (dist/preview, built with webpack.preview.js when stale)
 * GET /workbook.json  the workbook model; PUT replaces it (the page sends it after changes)
 * GET /workbook.xlsx  the current model saved as .xlsx
 */
import { promises as fs, statSync, existsSync, readdirSync } from 'fs';
import http from 'http';
import path from 'path';
import type { AddressInfo } from 'net';
import webpack from 'webpack';
import { loadXlsxFile, saveXlsxBuffer } from '../src/sim/load-xlsx';
import type { WorkbookModel } from '../src/sim/model';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'dist', 'preview');
const MAX_BODY = 200 * 1024 * 1024;

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** True when dist/preview is missing or older than anything in src/ or the webpack config. */
export function previewIsStale(): boolean {
  const bundle = path.join(OUT, 'preview.js');
  if (!existsSync(bundle) || !existsSync(path.join(OUT, 'index.html'))) return true;
  const built = statSync(bundle).mtimeMs;
  const sources = Math.max(
    newestMtime(path.join(ROOT, 'src')),
    statSync(path.join(ROOT, 'webpack.preview.js')).mtimeMs,
  );
  return sources > built;
}

export async function buildPreview(force = false): Promise<void> {
  if (!force && !previewIsStale()) return;
  // webpack.preview.js is a CommonJS config file, loaded as webpack itself would.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(path.join(ROOT, 'webpack.preview.js')) as webpack.Configuration;
  await new Promise<void>((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (!stats || stats.hasErrors())
        return reject(
          new Error(
            `webpack.preview.js failed:\n${stats?.toString({ all: false, errors: true, errorDetails: true }) ?? ''}`,
          ),
        );
      resolve();
    });
  });
}

export interface PreviewServer {
  url: string;
  port: number;
  /** The model as last loaded or sent by the page. */
  model(): WorkbookModel;
  close(): Promise<void>;
}

export interface PreviewOptions {
  workbook: string;
  port?: number;
  host?: string;
  build?: boolean;
  rebuild?: boolean;
}

function send(
  res: http.ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(body);
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startPreviewServer(options: PreviewOptions): Promise<PreviewServer> {
  if (options.build !== false) await buildPreview(options.rebuild);
  let model = await loadXlsxFile(path.resolve(options.workbook));
  const baseName = path.basename(options.workbook, path.extname(options.workbook));

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const route = url.pathname;
      if (route === '/workbook.json' && req.method === 'GET')
        return send(res, 200, JSON.stringify(model), TYPES['.json']);
      if (route === '/workbook.json' && req.method === 'PUT') {
        const next = JSON.parse(await readBody(req)) as WorkbookModel;
        if (!Array.isArray(next.sheets))
          return send(res, 400, 'not a workbook model', 'text/plain; charset=utf-8');
        model = next;
        return send(res, 204, '', 'text/plain; charset=utf-8');
      }
      if (route === '/workbook.xlsx' && req.method === 'GET') {
        const buf = await saveXlsxBuffer(model);
        return send(
          res,
          200,
          buf,
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          {
            'Content-Disposition': `attachment; filename="${baseName}-pratinjau.xlsx"`,
          },
        );
      }
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return send(res, 405, 'method not allowed', 'text/plain; charset=utf-8');
      const rel = route === '/' ? 'index.html' : decodeURIComponent(route).replace(/^\/+/, '');
      const file = path.resolve(OUT, rel);
      if (!file.startsWith(OUT + path.sep))
        return send(res, 404, 'not found', 'text/plain; charset=utf-8');
      try {
        const data = await fs.readFile(file);
        return send(res, 200, data, TYPES[path.extname(file)] ?? 'application/octet-stream');
      } catch {
        return send(res, 404, 'not found', 'text/plain; charset=utf-8');
      }
    })().catch((e: unknown) => send(res, 500, String(e), 'text/plain; charset=utf-8'));
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3100, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/`,
    port,
    model: () => model,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parseArgs(argv: string[]): PreviewOptions {
  const opts: PreviewOptions = {
    workbook: path.join(ROOT, 'samples', 'rekap-skm-banjar-2025.xlsx'),
    port: 3100,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--workbook') opts.workbook = argv[++i];
    else if (a === '--port') opts.port = Number(argv[++i]);
    else if (a === '--host') opts.host = argv[++i];
    else if (a === '--rebuild') opts.rebuild = true;
    else if (a === '--help' || a === '-h') {
      console.log('npm run preview -- --workbook FILE.xlsx [--port 3100] [--rebuild]');
      process.exit(0);
    } else throw new Error(`Unknown argument: ${a}`);
  }
  return opts;
}

if (require.main === module) {
  startPreviewServer(parseArgs(process.argv.slice(2)))
    .then((s) => {
      console.log(`SKM Rekap preview: ${s.url}  (Ctrl+C to stop)`);
      const stop = () => void s.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    })
    .catch((e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
