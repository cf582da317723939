/**
 * docs/wps-et-members.md lists every member of the WPS surface with its source: a member added to
 * src/hosts/wps/wps-surface.ts without its row fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const surface = readFileSync(join(root, 'src/hosts/wps/wps-surface.ts'), 'utf8');
const doc = readFileSync(join(root, 'docs/wps-et-members.md'), 'utf8');

/** `Object.Member` for each top-level member of each `EtXxxSurface` interface (EtRangeSurface → Range). */
function surfaceMembers(): string[] {
  const members: string[] = [];
  for (const m of surface.matchAll(/export interface Et(\w+)Surface \{([\s\S]*?)\n\}/g)) {
    const object = m[1] as string;
    for (const line of (m[2] as string).split('\n')) {
      const member = /^ {2}(?:readonly )?(\w+)\??[(:]/.exec(line)?.[1];
      if (member) members.push(`${object}.${member}`);
    }
  }
  return [...new Set(members)];
}

/** `Object.Member` named in the first cell of the doc's table rows; `.Member` after one names the same object. */
function documentedMembers(): Set<string> {
  const found = new Set<string>();
  for (const line of doc.split('\n')) {
    const first = /^\| ([^|]+) \|/.exec(line)?.[1];
    if (!first) continue;
    let object = '';
    for (const t of first.matchAll(/`(\w*)\.(\w+)/g)) {
      object = t[1] || object;
      found.add(`${object}.${t[2] as string}`);
    }
  }
  return found;
}

describe('docs/wps-et-members.md', () => {
  it('has a row, with its source, for every member of the WPS surface', () => {
    const members = surfaceMembers();
    expect(members.length).toBeGreaterThan(150);
    const documented = documentedMembers();
    expect(members.filter((m) => !documented.has(m))).toEqual([]);
  });
});
