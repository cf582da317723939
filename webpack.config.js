/* Task pane build. `npm run build` needs ADDIN_URL (the https address the add-in is served from) and writes it
   into dist/web/manifest.xml; OFFICE_JS=local serves office.js from the installed @microsoft/office-js package
   instead of Microsoft's CDN, for intranets with no internet. */
const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
const CDN_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_JS_DIR = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));
/** The files office.js loads for Excel, and its Chinese and English strings. */
const OFFICE_JS_FILES = /^(office(\.debug)?\.js|excel-.*\.js|es6-promise\.js|telemetry\/.*|(zh-cn|en-us)\/.*)$/;

function productionUrl() {
  const url = process.env.ADDIN_URL;
  if (!url) throw new Error('ADDIN_URL is not set: give the https address the add-in is served from, e.g. ADDIN_URL=https://forms.example.org/union-forms/ npm run build');
  if (!/^https:\/\/[^/]+(\/.*)?$/.test(url)) throw new Error(`ADDIN_URL must be an https address, got ${url}`);
  return url.endsWith('/') ? url : `${url}/`;
}

function manifestFor(baseUrl) {
  const source = fs.readFileSync(path.join(__dirname, 'manifest.xml'), 'utf8');
  const out = source.split(DEV_URL).join(baseUrl);
  const stray = [...out.matchAll(/https?:\/\/[^"<\s]+/g)].map((m) => m[0]).filter((u) => !u.startsWith(baseUrl) && !u.startsWith('http://schemas.') && !u.startsWith('http://www.w3.org/'));
  if (stray.length > 0) throw new Error(`manifest.xml has addresses outside ${baseUrl}: ${stray.join(', ')}`);
  return out;
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === 'development';
  const baseUrl = dev ? DEV_URL : productionUrl();
  const localOfficeJs = process.env.OFFICE_JS === 'local';
  const config = {
    mode: dev ? 'development' : 'production',
    target: ['web', 'es2017'],
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: { path: path.resolve(__dirname, 'dist', 'web'), filename: '[name].[contenthash:8].js', clean: true },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [{ test: /\.tsx?$/, loader: 'ts-loader', exclude: /node_modules/, options: { configFile: 'tsconfig.web.json', transpileOnly: true } }],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        templateParameters: { officeJs: localOfficeJs ? 'office-js/office.js' : CDN_OFFICE_JS },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/taskpane/legacy-check.js', to: 'legacy-check.js' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: () => manifestFor(baseUrl) },
          ...(localOfficeJs
            ? [{ from: OFFICE_JS_DIR, to: 'office-js', filter: (file) => OFFICE_JS_FILES.test(path.relative(OFFICE_JS_DIR, file).split(path.sep).join('/')) }]
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
