'use strict';
/*
 * What the WPS add-in package needs to decide, kept apart from webpack so that tests check it quickly: the shell files
 * copied from wps/, and the two registration files with the address the package is served from (ADDIN_URL).
 */
const fs = require('fs');
const path = require('path');
const { productionUrl } = require('./build-settings');

const WPS_DIR = path.join(__dirname, '..', 'wps');
/** Copied as they are: WPS reads ribbon.xml and manifest.xml from the add-in's address, then index.html → main.js. */
const SHELL_FILES = ['ribbon.xml', 'manifest.xml', 'index.html', 'main.js'];
/** Filled in with ADDIN_URL and the package's version: publish mode, and the jsplugins.xml (oem.ini) mode. */
const REGISTRATION_FILES = ['publish.xml', 'jsplugins.xml'];

function escapeXmlAttribute(text) {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A registration file with the add-in's address (ending in "/") and version; throws when either is unusable. */
function registrationFile(name, addinUrl, version) {
  const url = productionUrl(addinUrl);
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`the package version must be N.N.N, got ${version}`);
  const source = fs.readFileSync(path.join(WPS_DIR, name), 'utf8');
  return source.split('{{ADDIN_URL}}').join(escapeXmlAttribute(url)).split('{{VERSION}}').join(version);
}

function packageVersion() {
  return JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')).version;
}

module.exports = { WPS_DIR, SHELL_FILES, REGISTRATION_FILES, registrationFile, packageVersion };
