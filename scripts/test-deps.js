#!/usr/bin/env node
/**
 * `npm test`'s pretest step: the browser tests need Chromium and the report tests LibreOffice
 * Writer and poppler (soffice, pdftoppm), all Debian packages. Where one is missing and this is a
 * Debian machine on which we may install packages (root with apt-get), install it; otherwise stop
 * with one line saying what to install, so a newcomer's first `npm test` is either green or tells
 * them exactly what to do. CHROMIUM_PATH names another Chromium binary; SKM_SKIP_TEST_DEPS=1 skips
 * this step (e.g. for running one unit test file on a machine without them).
 */
'use strict';
const { existsSync } = require('fs');
const { spawnSync } = require('child_process');

if (process.env.SKM_SKIP_TEST_DEPS === '1') process.exit(0);

const onPath = (cmd) =>
  (process.env.PATH || '').split(':').some((dir) => dir && existsSync(`${dir}/${cmd}`));

const needs = [
  {
    pkg: 'chromium',
    present: () => existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium'),
  },
  { pkg: 'libreoffice-writer-nogui', present: () => onPath('soffice') },
  { pkg: 'poppler-utils', present: () => onPath('pdftoppm') },
];

const missing = needs.filter((n) => !n.present()).map((n) => n.pkg);
if (missing.length === 0) process.exit(0);

const line = `apt-get install -y ${missing.join(' ')}`;
const mayInstall =
  process.platform === 'linux' &&
  typeof process.getuid === 'function' &&
  process.getuid() === 0 &&
  onPath('apt-get');
if (!mayInstall) {
  console.error(
    `Tes memerlukan paket yang belum terpasang; pasang dengan: sudo ${line} (The tests need packages that are missing; install them with: sudo ${line})`,
  );
  process.exit(1);
}

console.error(`Memasang paket untuk tes (installing test packages): ${missing.join(', ')}`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [
  ['update', '-q'],
  ['install', '-y', '-q', ...missing],
]) {
  const r = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
  if (r.status !== 0) {
    console.error(`Gagal: apt-get ${args.join(' ')} (failed); pasang dengan: ${line}`);
    process.exit(1);
  }
}
