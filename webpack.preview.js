/**
 * The preview bundle: the simulated Excel host, the sheet view and the real
 * task pane in one page (dist/preview), served by scripts/preview.ts.
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
    new CopyWebpackPlugin({ patterns: [{ from: 'src/preview/preview.css', to: 'preview.css' }] }),
  ],
  performance: { hints: false },
  stats: 'errors-warnings',
};
