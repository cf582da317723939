import { catalogueWithImported, type FoundDefinition } from '../core/imported-catalogue';
import type { ReturnFile } from '../core/merge/merge-returns';
import { ruleDefinitions, type RulingWords } from '../core/merge/ruling-definitions';
import type { Catalogue, NoticeDefinition } from '../core/notice-catalogue';

/** A return as read by a host, with the imported-form definitions it carries (hosts/xlsx/carried-definitions.ts). */
export interface CarryingReturn {
  read: ReturnFile;
  found: FoundDefinition[];
  /** Definitions that could not be opened, one Chinese sentence each. */
  refused: string[];
}

export interface ReturnsCatalogue {
  /** The returns to check or merge: a file whose definitions are refused by the ruling stands as unreadable, with why. */
  returns: ReturnFile[];
  catalogue: Catalogue;
  /** Imported forms taken from the returns, "name（id 第 N 版）". */
  added: string[];
  /** Definitions not used, one Chinese sentence each. */
  refused: string[];
  /** Forms read by the copy most files carry (no definitions of the clerk's own given). */
  notes: string[];
}

/**
 * The catalogue `validate` and `merge` read returns against (issue 21 §2): the built-in forms, the clerk's own
 * definitions when given, then the copies the returns carry as core/merge/ruling-definitions.ts rules — so that no
 * district's edited copy decides how the others' returns are read.
 */
export function returnsCatalogue(
  builtIn: readonly NoticeDefinition[],
  carrying: readonly CarryingReturn[],
  own: readonly FoundDefinition[],
  words: RulingWords,
): ReturnsCatalogue {
  const ruling = ruleDefinitions(
    carrying.map((c) => ({ file: c.read.file, found: c.found })),
    own,
    words,
  );
  const { catalogue, added, refused } = catalogueWithImported(builtIn, ruling.found, own);
  const returns = carrying.map((c): ReturnFile => {
    const why = ruling.refused.get(c.read.file);
    return why === undefined ? c.read : { file: c.read.file, modified: c.read.modified, unreadable: why };
  });
  return { returns, catalogue, added, refused: [...carrying.flatMap((c) => c.refused), ...refused], notes: ruling.notes };
}
