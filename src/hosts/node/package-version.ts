import * as fs from 'fs';
import * as path from 'path';

/** The version in the project's package.json, found upwards from this file (src/… under test, dist/node/… when built). */
export function packageVersion(from = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    try {
      const json = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (json.name === 'union-forms' && typeof json.version === 'string') return json.version;
    } catch {
      // no package.json here, or not ours: look further up
    }
    if (path.dirname(dir) === dir) return 'unknown';
  }
}
