'use strict';
/*
 * npm run size: the pane's first-load JavaScript, gzipped, in both builds (dist/web for Excel, dist/wps for WPS;
 * build them first). "First load" is what the pane's page loads before it can show anything: the scripts its HTML
 * names. Then what each host loads at start-up after that (its named chunk group: excel-host or wps-host, and the 检查
 * tab, loaded once the pane shows: components/preloaded.ts), and what waits for its first use (the other named
 * groups: the 合并 tab, 新表格, 自检, the merge worker…), from the chunk-groups.json the build writes
 * (scripts/chunk-groups-plugin.js). A measurement to print, not a test.
 * Usage: node scripts/first-load-size.js [dist/web] [dist/wps]
 */
const fs = require('fs');
const path = require('path');
const { gzipSync } = require('zlib');

const GOAL = 200 * 1024;
const ROOT = path.join(__dirname, '..');

const gz = (dir, file) => gzipSync(fs.readFileSync(path.join(dir, file)), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** The scripts an HTML page names from its own origin, in order. */
function pageScripts(html) {
  return [...html.matchAll(/<script[^>]*\ssrc="?([^" >]+)"?/g)].map((m) => m[1]).filter((s) => !/^[a-z]+:/i.test(s));
}

/** Loaded once the pane shows, whatever the host (App.tsx preloads the 检查 tab). */
const AFTER_SHOWN = ['check-tab'];

/** Chunks a build holds for the other host, never loaded in this one (each build picks its host at start-up). */
const OTHER_HOST = { 'excel-host': /^wps-/, 'wps-host': /^excel-/ };

function measure(label, dir, page, startGroup) {
  const html = path.join(dir, page);
  if (!fs.existsSync(html)) return [`${label}: not built (${path.relative(ROOT, dir) || dir})`];
  const first = pageScripts(fs.readFileSync(html, 'utf8'));
  const total = first.reduce((n, f) => n + gz(dir, f), 0);
  const lines = [
    `${label} (${path.relative(ROOT, dir) || dir}/${page})`,
    ...first.map((f) => `  ${f}: ${kb(fs.statSync(path.join(dir, f)).size)}, gzipped ${kb(gz(dir, f))}`),
    `  first load, gzipped: ${kb(total)} (goal ${kb(GOAL)}: ${total <= GOAL ? 'met' : `${kb(total - GOAL)} over`})`,
  ];
  const groupsFile = path.join(dir, 'chunk-groups.json');
  if (!fs.existsSync(groupsFile)) return [...lines, '  (no chunk-groups.json: lazy chunks not named)'];
  const groups = JSON.parse(fs.readFileSync(groupsFile, 'utf8'));
  const loaded = new Set(first);
  const extra = (files) => files.filter((f) => !loaded.has(f) && fs.existsSync(path.join(dir, f)));
  const startGroups = [startGroup, ...AFTER_SHOWN].filter((name) => groups[name]);
  const start = [...new Set(startGroups.flatMap((name) => extra(groups[name].files)))];
  const startTotal = start.reduce((n, f) => n + gz(dir, f), 0);
  if (start.length > 0) {
    lines.push(
      `  then at start-up (${startGroups.join(' + ')}: the host's adapter, live checking, the 检查 tab): ${kb(startTotal)}; with the first load ${kb(total + startTotal)}`,
    );
    start.forEach((f) => loaded.add(f));
  }
  lines.push(
    `  at start-up in all, gzipped: ${kb(total + startTotal)} (goal ${kb(GOAL)}: ${total + startTotal <= GOAL ? 'met' : `${kb(total + startTotal - GOAL)} over`})`,
  );
  const later = Object.entries(groups)
    .filter(([name, g]) => !g.entry && !startGroups.includes(name) && !/-host$/.test(name) && !OTHER_HOST[startGroup]?.test(name))
    .map(([name, g]) => [name, extra(g.files).reduce((n, f) => n + gz(dir, f), 0)])
    .filter(([, bytes]) => bytes > 0);
  if (later.length > 0) lines.push(`  on first use: ${later.map(([name, bytes]) => `${name} ${kb(bytes)}`).join(', ')}`);
  return lines;
}

/** Both builds' figures, one line each part (scripts/bench.ts prints them too). */
function figures(web = path.join(ROOT, 'dist', 'web'), wps = path.join(ROOT, 'dist', 'wps')) {
  return [...measure('Excel pane', web, 'taskpane.html', 'excel-host'), ...measure('WPS pane', wps, 'taskpane.html', 'wps-host')];
}

module.exports = { figures, GOAL };

if (require.main === module) console.log(figures(...process.argv.slice(2).map((d) => path.resolve(d))).join('\n'));
