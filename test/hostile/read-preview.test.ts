/**
 * Issue 15, item 11: the preview server answers its own page only, bounds what one request may
 * cost, and never answers with an exception's text.
 */
import http from 'http';
import path from 'path';
import { startPreviewServer, type PreviewServer } from '../../scripts/preview';
import { ROOT } from '../cli/helpers';

let server: PreviewServer;
beforeAll(async () => {
  server = await startPreviewServer({
    workbook: path.join(ROOT, 'samples/rekap-skm-banjar-2025.xlsx'),
    port: 0,
    build: false,
  });
}, 60_000);
afterAll(() => server.close());

interface Answer {
  status: number;
  body: string;
}

function request(
  method: string,
  pathname: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        method,
        path: pathname,
        headers: { Host: `127.0.0.1:${server.port}`, ...headers },
      },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (data += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

describe('the preview server', () => {
  it('answers its own address, by IP or as localhost', async () => {
    expect((await request('GET', '/workbook.json')).status).toBe(200);
    const local = await request('GET', '/workbook.json', { Host: `localhost:${server.port}` });
    expect(local.status).toBe(200);
    const sameOrigin = await request('GET', '/workbook.json', {
      Origin: `http://127.0.0.1:${server.port}`,
    });
    expect(sameOrigin.status).toBe(200);
  });

  it('refuses another Host (DNS rebinding) or another Origin, for reading and for replacing', async () => {
    const rebinding = await request('GET', '/workbook.json', {
      Host: `attacker.example:${server.port}`,
    });
    expect(rebinding).toEqual({ status: 403, body: 'forbidden: not this server' });
    const otherPort = await request('GET', '/workbook.json', { Host: '127.0.0.1:1' });
    expect(otherPort.status).toBe(403);
    const crossOrigin = await request(
      'PUT',
      '/workbook.json',
      { Origin: 'http://attacker.example', 'Content-Type': 'application/json' },
      JSON.stringify({ sheets: [] }),
    );
    expect(crossOrigin.status).toBe(403);
    expect(server.model().sheets.length).toBeGreaterThan(0);
  });

  it('answers a malformed URI with 400 and a short line, never the exception', async () => {
    const bad = await request('GET', '/%ZZ');
    expect(bad).toEqual({ status: 400, body: 'bad request: malformed URI' });
    expect(bad.body).not.toMatch(/URIError/);
  });

  it('refuses a whole-sheet merge before it is ever saved, and keeps the workbook it had', async () => {
    const before = server.model();
    const model = {
      ...before,
      sheets: [
        { ...before.sheets[0], merges: [{ top: 1, left: 1, bottom: 1048576, right: 16384 }] },
      ],
    };
    const put = await request('PUT', '/workbook.json', {}, JSON.stringify(model));
    expect(put).toEqual({ status: 413, body: 'merged areas too large for the preview' });
    expect(server.model()).toBe(before);
    const xlsx = await request('GET', '/workbook.xlsx');
    expect(xlsx.status).toBe(200);
  }, 60_000);

  it('refuses a body that is not JSON, or not a workbook model', async () => {
    expect((await request('PUT', '/workbook.json', {}, '{')).status).toBe(400);
    expect(await request('PUT', '/workbook.json', {}, '{"sheets": 1}')).toEqual({
      status: 400,
      body: 'not a workbook model',
    });
  });
});
