'use strict';
/*
 * A webpack loader for the WPS build: lowers the syntax of installed packages (React, Fluent UI, zod …) to ES2018,
 * which WPS's embedded Chromium of unknown age can parse (../shared/research/wps-addin.md §1: aiworkdeck builds for
 * es2018 "给参差的 CEF 内核留余量"). Our own code is lowered by ts-loader; packages ship newer syntax (?., ??,
 * catch without a binding, class fields, static blocks), which webpack and Terser keep as it is.
 * TypeScript's transpiler does it, imports left as they are so that webpack still drops what is not used.
 */
const ts = require('typescript');

/** Syntax newer than ES2018 that a package file may hold; a file with none of it is passed through untouched. */
const NEWER_SYNTAX = /\?\.|\?\?|catch\s*\{|\bstatic\s*\{|#[A-Za-z_$]|\bclass\b|\*\*=|&&=|\|\|=/;

module.exports = function es2018Loader(source) {
  if (!NEWER_SYNTAX.test(source)) return source;
  const out = ts.transpileModule(source, {
    fileName: this.resourcePath,
    compilerOptions: {
      allowJs: true,
      target: ts.ScriptTarget.ES2018,
      module: ts.ModuleKind.ESNext,
      // package code keeps its own `this` and module shape; only syntax is lowered
      importHelpers: false,
      useDefineForClassFields: true,
      sourceMap: false,
    },
    reportDiagnostics: false,
  });
  return out.outputText;
};
