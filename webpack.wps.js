/* The WPS 表格 add-in package: `npm run build:wps` (ADDIN_URL = the https address dist/wps/ is served from) writes
   dist/wps/: ribbon.xml, manifest.xml (<JsPlugin>), index.html + main.js (the ribbon's ES5 shell), taskpane.html and the
   pane's chunks (the same React pane as the Excel build, without office.js, its syntax lowered to ES2018 for WPS's
   embedded Chromium and checked by es-check: scripts/check-wps-build.js), publish.xml and jsplugins.xml. */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { contentSecurityPolicy } = require('./scripts/build-settings');
const { ChunkGroupsPlugin } = require('./scripts/chunk-groups-plugin');
const { WPS_DIR, SHELL_FILES, REGISTRATION_FILES, registrationFile, packageVersion } = require('./scripts/wps-package');

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode === 'development';
  const addinUrl = dev ? (process.env.ADDIN_URL ?? 'https://localhost:3000/') : process.env.ADDIN_URL;
  const version = packageVersion();
  // fail before the long build when the address is unusable
  REGISTRATION_FILES.forEach((name) => registrationFile(name, addinUrl, version));
  return {
    mode: dev ? 'development' : 'production',
    context: __dirname,
    target: ['web', 'es2018'],
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: {
      path: path.resolve(__dirname, process.env.OUTPUT_DIR || path.join('dist', 'wps')),
      filename: '[name].[contenthash:8].js',
      // chunks are loaded relative to the pane's page: the package works from any address
      publicPath: 'auto',
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          loader: 'ts-loader',
          exclude: /node_modules/,
          options: { configFile: 'tsconfig.web.json', transpileOnly: true, compilerOptions: { target: 'ES2018' } },
        },
        { test: /\.m?js$/, include: /node_modules/, loader: path.join(__dirname, 'scripts', 'es2018-loader.js') },
      ],
    },
    plugins: [
      new ChunkGroupsPlugin(),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: path.join(WPS_DIR, 'taskpane.html'),
        chunks: ['taskpane'],
        // scripts from the pane's own origin only: no office.js in WPS
        templateParameters: { csp: contentSecurityPolicy(true) },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          ...SHELL_FILES.map((name) => ({ from: path.join(WPS_DIR, name), to: name })),
          ...REGISTRATION_FILES.map((name) => ({
            from: path.join(WPS_DIR, name),
            to: name,
            transform: () => registrationFile(name, addinUrl, version),
          })),
        ],
      }),
    ],
    devtool: dev ? 'source-map' : false,
    performance: { hints: false },
  };
};
