/* Task pane build. `npm run build` needs ADDIN_URL (the https address the add-in is served from) and writes it
   into dist/web/manifest.xml; OFFICE_JS=local serves office.js from the installed @microsoft/office-js package
   instead of Microsoft's CDN, for intranets with no internet. */
const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { ChunkGroupsPlugin } = require('./scripts/chunk-groups-plugin');
const { CDN_OFFICE_JS, DEV_URL, contentSecurityPolicy, isOfficeJsFile, manifestFor, officeJsDir, productionUrl, readManifest } = require('./scripts/build-settings');

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === 'development';
  const baseUrl = dev ? DEV_URL : productionUrl(process.env.ADDIN_URL);
  const localOfficeJs = process.env.OFFICE_JS === 'local';
  const config = {
    mode: dev ? 'development' : 'production',
    target: ['web', 'es2017'],
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: { path: path.resolve(__dirname, process.env.OUTPUT_DIR || path.join('dist', 'web')), filename: '[name].[contenthash:8].js', clean: true },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [{ test: /\.tsx?$/, loader: 'ts-loader', exclude: /node_modules/, options: { configFile: 'tsconfig.web.json', transpileOnly: true } }],
    },
    plugins: [
      // chunk-groups.json: what the page loads at first and what waits for its first use (npm run size)
      new ChunkGroupsPlugin(),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        templateParameters: { officeJs: localOfficeJs ? 'office-js/office.js' : CDN_OFFICE_JS, csp: contentSecurityPolicy(localOfficeJs) },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/taskpane/legacy-check.js', to: 'legacy-check.js' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: () => manifestFor(readManifest(__dirname), baseUrl) },
          ...(localOfficeJs
            ? [
                {
                  from: officeJsDir(),
                  to: 'office-js',
                  // o15apptofilemappingtable.js is what office.js loads when no host info is passed (a plain browser,
                  // older desktop hosts); without it Office.onReady never settles (office-js #6040), measured in
                  // test/browser/office-js.test.ts. TODO(lead): move it into OFFICE_JS_FILES in scripts/build-settings.js.
                  filter: (file) => isOfficeJsFile(file) || path.basename(file) === 'o15apptofilemappingtable.js',
                  // Microsoft's files are served byte for byte: not re-minified by Terser (which took 4 of the 5 minutes
                  // of the build and rewrote office.js).
                  info: { minimized: true },
                },
              ]
            : []),
        ],
      }),
    ],
    devtool: dev ? 'source-map' : false,
    performance: { hints: false },
  };
  if (dev) {
    config.devServer = {
      port: 3000,
      static: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: await httpsServer(),
    };
  }
  return config;
};

/** office-addin-dev-certs' trusted localhost certificate; where its CA cannot be installed (Linux without sudo),
    the certificate it generated anyway, untrusted, or else webpack-dev-server's own self-signed one. */
async function httpsServer() {
  const devCerts = require('office-addin-dev-certs');
  try {
    return { type: 'https', options: await devCerts.getHttpsServerOptions() };
  } catch (err) {
    console.warn(`office-addin-dev-certs could not install a trusted certificate (${err.message}); the browser will warn about it.`);
    const dir = path.join(require('os').homedir(), '.office-addin-dev-certs');
    const [cert, key] = ['localhost.crt', 'localhost.key'].map((f) => path.join(dir, f));
    if (fs.existsSync(cert) && fs.existsSync(key)) return { type: 'https', options: { cert: fs.readFileSync(cert), key: fs.readFileSync(key) } };
    return 'https';
  }
}
