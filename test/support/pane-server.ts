/**
 * For the browser tests (test/browser): webpack run as a promise, the config that bundles a test harness (a fake
 * host, TypeScript) for the page, and a static server of a built pane on 127.0.0.1 (no other host, no network).
 */
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import webpack from 'webpack';

/** Runs webpack on the configs; rejects with its errors. */
export function compile(configs: webpack.Configuration | webpack.Configuration[]): Promise<void> {
  return new Promise<void>((resolve, reject) =>
    webpack(Array.isArray(configs) ? configs : [configs], (err, stats) => {
      if (err || stats?.hasErrors()) reject(err ?? new Error(stats?.toString({ all: false, errors: true })));
      else resolve();
    }),
  );
}

/** A development bundle of a harness written in TypeScript (tsconfig.web.json), unminified, for the browser. */
export function harnessConfig(root: string, entry: string, output: string, target: string): webpack.Configuration {
  return {
    mode: 'development',
    devtool: false,
    context: root,
    target: ['web', target],
    entry,
    output: { path: path.dirname(output), filename: path.basename(output) },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          loader: 'ts-loader',
          exclude: /node_modules/,
          options: { configFile: path.join(root, 'tsconfig.web.json'), transpileOnly: true },
        },
      ],
    },
  };
}

const TYPES: [string, string][] = [
  ['.html', 'text/html; charset=utf-8'],
  ['.js', 'text/javascript'],
  ['.png', 'image/png'],
];

/** Serves the files below `dir` (404 for anything else) on a free port of 127.0.0.1. */
export function serveDirectory(dir: string): Promise<{ server: http.Server; origin: string }> {
  const server = http.createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    const type = TYPES.find(([ending]) => file.endsWith(ending))?.[1] ?? 'application/octet-stream';
    res.writeHead(200, { 'Content-Type': type }).end(fs.readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })),
  );
}
