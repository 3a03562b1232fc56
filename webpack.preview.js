/**
 * The preview bundle: the simulated Excel host, the sheet view and the real
 * task pane in one page (dist/preview), served by scripts/preview.ts, with
 * Microsoft's Office.js client library copied next to it.
 * No eval-based source maps, so the page runs under a strict Content-Security-Policy.
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

module.exports = {
  mode: 'development',
  devtool: 'source-map',
  context: __dirname,
  entry: { preview: './src/preview/preview.tsx' },
  output: {
    path: path.resolve(__dirname, 'dist/preview'),
    filename: '[name].js',
    clean: true,
  },
  resolve: { extensions: ['.tsx', '.ts', '.js'] },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: {
          loader: 'ts-loader',
          options: {
            transpileOnly: true,
            compilerOptions: {
              noEmit: false,
              module: 'esnext',
              moduleResolution: 'node',
              sourceMap: true,
            },
          },
        },
      },
      { test: /\.(png|jpe?g|gif|svg|ico|woff2?)$/, type: 'asset/resource' },
    ],
  },
  plugins: [
    new HtmlWebpackPlugin({
      template: './src/preview/preview.html',
      filename: 'index.html',
      inject: 'body',
      scriptLoading: 'defer',
    }),
    new CopyWebpackPlugin({
      patterns: [
        { from: 'src/preview/preview.css', to: 'preview.css' },
        // Microsoft's Excel client library, loaded by the page from this server (never the CDN).
        {
          from: require.resolve('@microsoft/office-js/dist/excel-web-16.00.debug.js'),
          to: 'office-js/excel-web-16.00.debug.js',
        },
      ],
    }),
  ],
  performance: { hints: false },
  stats: 'errors-warnings',
};
