'use strict';
/*
 * Writes chunk-groups.json beside a build: for the entry and each named lazy chunk group (webpackChunkName), the
 * files it loads. scripts/first-load-size.js reads it to tell what the pane's page loads at first from what waits for
 * its first use.
 */
class ChunkGroupsPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('ChunkGroupsPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'ChunkGroupsPlugin', stage: compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const groups = {};
        for (const [name, group] of compilation.namedChunkGroups) {
          groups[name] = {
            entry: group.isInitial(),
            files: [...new Set(group.chunks.flatMap((chunk) => [...chunk.files].filter((f) => f.endsWith('.js'))))],
          };
        }
        compilation.emitAsset('chunk-groups.json', new compiler.webpack.sources.RawSource(`${JSON.stringify(groups, null, 2)}\n`));
      });
    });
  }
}

module.exports = { ChunkGroupsPlugin };
