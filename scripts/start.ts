/**
 * `npm start`: builds the add-in in development mode, serves it over HTTPS on
 * https://localhost:3000 (dist/ is written to disk too) and prints how to
 * sideload it. Certificates come from office-addin-dev-certs where it works
 * (see webpack.config.js); Ctrl+C stops the server.
 */
import { join, resolve } from 'path';
import webpack from 'webpack';
import WebpackDevServer from 'webpack-dev-server';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require('../webpack.config.js') as (
  env: Record<string, unknown>,
  argv: Record<string, unknown>,
) => Promise<webpack.Configuration & { devServer: WebpackDevServer.Configuration }>;

const ROOT = resolve(__dirname, '..');

export function sideloadGuide(manifest: string): string {
  return [
    '',
    'SKM Rekap is served at https://localhost:3000 (development). Sideload the manifest:',
    `  ${manifest}`,
    '',
    'Excel on the web:',
    '  1. Open https://localhost:3000/taskpane.html once in the same browser; accept the certificate if asked.',
    '  2. Open a workbook in Excel on the web: Home > Add-ins > More Add-ins (or Advanced...) > My Add-ins',
    '     > Upload My Add-in, and choose the manifest above.',
    '',
    'Excel on Windows (desktop):',
    '  1. Trust the development CA once, as an administrator: npx office-addin-dev-certs install',
    '  2. Share a folder holding the manifest (e.g. \\\\MYPC\\addins) and add that path in',
    '     File > Options > Trust Center > Trust Center Settings > Trusted Add-in Catalogs, with "Show in Menu".',
    '  3. Restart Excel: Home > Add-ins > More Add-ins > SHARED FOLDER > SKM Rekap.',
    '',
    'Excel on Mac: copy the manifest to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ and restart Excel.',
    '',
    'The functions appear as =SKM.IKM(...), =SKM.KATEGORI(...) etc.; the ribbon group "SKM" is on the Home tab.',
    'Press Ctrl+C to stop the server.',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const config = await makeConfig({ WEBPACK_SERVE: true }, { mode: 'development' });
  const compiler = webpack(config);
  let shown = false;
  compiler.hooks.done.tap('skm-start', (stats) => {
    if (stats.hasErrors()) {
      console.error(stats.toString({ colors: false, all: false, errors: true }));
      return;
    }
    if (!shown) {
      shown = true;
      console.log(sideloadGuide(join(ROOT, 'manifest.xml')));
    }
  });
  const server = new WebpackDevServer(config.devServer, compiler);
  await server.start();
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
