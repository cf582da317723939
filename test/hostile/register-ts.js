'use strict';
/* global require, process */
/*
 * `node -r ./test/hostile/register-ts.js file.ts`: runs the project's TypeScript in a plain Node process
 * (the corpus test reads risky files in such a child, under a time and memory limit; the figures printer runs so).
 * Transpiles only: type checking is `npm run typecheck`'s job. Transpiled files are kept in the system's temporary
 * folder by a hash of their text, so the next child starts faster.
 */
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

// The compiler is loaded only when a file is not in the cache yet.
const cache = path.join(os.tmpdir(), `uf-register-ts-${require('typescript/package.json').version}`);
function transpile(source, fileName) {
  const ts = require('typescript');
  const compilerOptions = {
    module: ts.ModuleKind.CommonJS,
    target: ts.ScriptTarget.ES2020,
    esModuleInterop: true,
    jsx: ts.JsxEmit.ReactJSX,
    inlineSourceMap: true,
  };
  return ts.transpileModule(source, { compilerOptions, fileName }).outputText;
}

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const hash = crypto.createHash('sha1').update(`cjs es2020 interop react-jsx inline-map\0${filename}\0`);
  const kept = path.join(cache, `${hash.update(source).digest('hex')}.js`);
  let output;
  try {
    output = fs.readFileSync(kept, 'utf8');
  } catch {
    output = transpile(source, filename);
    try {
      fs.mkdirSync(cache, { recursive: true });
      const temporary = `${kept}.${process.pid}`;
      fs.writeFileSync(temporary, output);
      fs.renameSync(temporary, kept);
    } catch {
      // no cache, then
    }
  }
  module._compile(output, filename);
};
