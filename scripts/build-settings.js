'use strict';
/* What the task pane build needs to decide, kept apart from webpack so that tests can check it quickly. */
const fs = require('fs');
const path = require('path');

const DEV_URL = 'https://localhost:3000/';
const CDN_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** The files office.js loads for Excel, and its Chinese and English strings. */
const OFFICE_JS_FILES = /^(office(\.debug)?\.js|excel-.*\.js|es6-promise\.js|telemetry\/.*|(zh-cn|en-us)\/.*)$/;
const SCHEMA_URL = /^http:\/\/(schemas\.microsoft\.com|www\.w3\.org)\//;

function productionUrl(value) {
  if (!value) throw new Error('ADDIN_URL is not set: give the https address the add-in is served from, e.g. ADDIN_URL=https://forms.example.org/union-forms/ npm run build');
  if (!/^https:\/\/[^/\s"<>]+(\/[^\s"<>]*)?$/.test(value)) throw new Error(`ADDIN_URL must be an https address, got ${value}`);
  return value.endsWith('/') ? value : `${value}/`;
}

/** manifest.xml with every address moved to baseUrl; throws if any address would still point elsewhere. */
function manifestFor(source, baseUrl) {
  const out = source.split(DEV_URL).join(baseUrl);
  const stray = [...out.matchAll(/https?:\/\/[^"<\s]+/g)].map((m) => m[0]).filter((u) => !u.startsWith(baseUrl) && !SCHEMA_URL.test(u));
  if (stray.length > 0) throw new Error(`manifest.xml has addresses outside ${baseUrl}: ${stray.join(', ')}`);
  return out;
}

/**
 * The pane's Content-Security-Policy: its own scripts and worker, office.js (from Microsoft's CDN unless served
 * locally), inline styles (Fluent UI writes its styles at run time), and no connections anywhere but its own origin.
 */
function contentSecurityPolicy(localOfficeJs) {
  const officeOrigin = localOfficeJs ? '' : ` ${new URL(CDN_OFFICE_JS).origin}`;
  return [
    "default-src 'self'",
    `script-src 'self'${officeOrigin}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function officeJsDir() {
  return path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));
}

function isOfficeJsFile(file, dir = officeJsDir()) {
  return OFFICE_JS_FILES.test(path.relative(dir, file).split(path.sep).join('/'));
}

function readManifest(root) {
  return fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');
}

module.exports = { DEV_URL, CDN_OFFICE_JS, contentSecurityPolicy, productionUrl, manifestFor, officeJsDir, isOfficeJsFile, readManifest };
