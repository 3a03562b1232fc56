/**
 * Builds the add-in into dist/: taskpane.html (the shared runtime page),
 * functions.js + functions.json, commands.js, taskpane.js, the icons and a
 * manifest whose URLs carry the base URL of the target host.
 *
 *   npm run build                                  production, base from ADDIN_BASE_URL
 *   npx webpack --mode production --env baseUrl=https://skm.example.go.id/addin
 *   npm run build:dev / npm run dev-server         development, https://localhost:3000
 */
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const DEV_BASE_URL = 'https://localhost:3000';
const DEV_PORT = 3000;

/** The production base URL: https, no query or fragment, no trailing slash. */
function productionBaseUrl(env) {
  const raw = env.baseUrl || process.env.ADDIN_BASE_URL;
  if (!raw) return null;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`Base URL "${raw}" is not a URL.`);
  }
  if (url.protocol !== 'https:')
    throw new Error(`Base URL "${raw}" must use https (Office loads add-ins over HTTPS only).`);
  if (url.search || url.hash)
    throw new Error(`Base URL "${raw}" must not have a query or a fragment.`);
  return url.href.replace(/\/+$/, '');
}

/**
 * HTTPS options for the dev server. office-addin-dev-certs makes a localhost
 * certificate and tries to install its CA, which needs admin rights; where it
 * cannot, the certificate it made is still used if present, else the dev
 * server's own self-signed one (the browser must then be told to trust it).
 */
async function httpsOptions() {
  const devCerts = require('office-addin-dev-certs');
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    const fs = require('fs');
    const os = require('os');
    const dir = path.join(os.homedir(), '.office-addin-dev-certs');
    const files = { ca: 'ca.crt', cert: 'localhost.crt', key: 'localhost.key' };
    const paths = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(dir, f)]));
    console.warn(`office-addin-dev-certs: ${e && e.message ? e.message.split('\n')[0] : e}`);
    if (Object.values(paths).every((p) => fs.existsSync(p))) {
      console.warn(
        `Using the certificate in ${dir}; its CA is not trusted yet: run "npx office-addin-dev-certs install".`,
      );
      return Object.fromEntries(Object.entries(paths).map(([k, p]) => [k, fs.readFileSync(p)]));
    }
    console.warn(
      'Using a self-signed certificate; open https://localhost:3000 once in the browser and accept it.',
    );
    return undefined;
  }
}

/**
 * functions.json as custom-functions-metadata writes it, less the flag it
 * always sets: allowCustomDataForDataTypeAny would hand the functions
 * data-type entities (a Stocks or Geography cell) instead of values, which
 * they do not read. Without it Excel passes such a cell's display value.
 */
function functionsMetadata(json) {
  const data = JSON.parse(json);
  delete data.allowCustomDataForDataTypeAny;
  return JSON.stringify(data, null, 4);
}

/** Applies functionsMetadata to the emitted functions.json. */
class FunctionsMetadataFix {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('FunctionsMetadataFix', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'FunctionsMetadataFix', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        (assets) => {
          const asset = assets['functions.json'];
          if (!asset) return;
          compilation.updateAsset(
            'functions.json',
            new sources.RawSource(functionsMetadata(asset.source().toString())),
          );
        },
      );
    });
  }
}

const config = async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const prodBase = production ? productionBaseUrl(env) : null;
  if (production && !prodBase) {
    console.warn(
      `No production base URL (set ADDIN_BASE_URL or --env baseUrl=https://...): dist/manifest.xml keeps ${DEV_BASE_URL}.`,
    );
  }
  const baseUrl = prodBase || DEV_BASE_URL;
  const serving = Boolean(env.WEBPACK_SERVE);

  return {
    mode: production ? 'production' : 'development',
    // Never an eval-based devtool: the page's CSP has no 'unsafe-eval' and
    // functions.js must run in the custom-functions runtime as plain script.
    devtool: 'source-map',
    entry: {
      functions: './src/functions/functions.ts',
      commands: './src/commands/commands.ts',
      taskpane: './src/taskpane/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      // Relative URLs so the files work under any base path on the host.
      publicPath: '',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              // Type checking is `npx tsc --noEmit -p .`; the build only transpiles.
              transpileOnly: true,
              compilerOptions: { noEmit: false, module: 'es2020', moduleResolution: 'node10' },
            },
          },
        },
      ],
    },
    plugins: [
      // Generates functions.json from the JSDoc and appends the
      // CustomFunctions.associate calls to functions.ts.
      new CustomFunctionsMetadataPlugin({
        output: 'functions.json',
        input: './src/functions/functions.ts',
      }),
      new FunctionsMetadataFix(),
      // One page for the shared runtime: functions first, so they are
      // associated before Excel asks for them.
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['functions', 'commands', 'taskpane'],
        chunksSortMode: 'manual',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          // Plain ES5, loaded before everything else (see the file).
          { from: 'src/taskpane/fallback.js', to: 'assets/fallback.js' },
          // The manifest's SupportUrl.
          { from: 'src/taskpane/support.html', to: 'support.html' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform(content) {
              return content.toString().split(DEV_BASE_URL).join(baseUrl);
            },
          },
        ],
      }),
    ],
    performance: {
      // Fluent UI makes the task pane bundle large; it loads once per session.
      hints: false,
    },
    devServer: serving
      ? {
          port: DEV_PORT,
          server: { type: 'https', options: await httpsOptions() },
          headers: { 'Access-Control-Allow-Origin': '*' },
          static: false,
          // dist/ on disk too, so dist/manifest.xml can be sideloaded while serving.
          devMiddleware: { writeToDisk: true },
          client: { overlay: false },
        }
      : undefined,
  };
};

module.exports = config;
module.exports.functionsMetadata = functionsMetadata;
