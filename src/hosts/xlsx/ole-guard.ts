import * as XLSX from '@e965/xlsx';
import { UserError } from '../../core/errors';
import { DAMAGED, NOT_EXCEL, PASSWORD_PROTECTED, POWERPOINT_DOCUMENT, WORD_DOCUMENT } from './read-verdicts';

interface CfbEntry {
  name: string;
  content?: ArrayLike<number>;
}
interface CfbContainer {
  FullPaths: string[];
  FileIndex: CfbEntry[];
}
const CFB = XLSX.CFB as {
  read(data: Uint8Array, options: { type: 'array' }): CfbContainer;
  find(cfb: CfbContainer, path: string): CfbEntry | null;
};

const FILEPASS = 0x002f;
const EOF = 0x000a;
/** FILEPASS comes straight after the workbook's BOF; a few records more cover writers that put others first. */
const RECORDS_BEFORE_FILEPASS = 64;

function hasFilePass(stream: ArrayLike<number>): boolean {
  for (let at = 0, n = 0; at + 4 <= stream.length && n < RECORDS_BEFORE_FILEPASS; n++) {
    const type = (stream[at] as number) | ((stream[at + 1] as number) << 8);
    const length = (stream[at + 2] as number) | ((stream[at + 3] as number) << 8);
    if (type === FILEPASS) return true;
    if (type === EOF) return false;
    at += 4 + length;
  }
  return false;
}

/**
 * An OLE compound file (legacy .xls, or an .xlsx encrypted with a password, which Office stores as EncryptionInfo
 * and EncryptedPackage streams) judged from its directory before SheetJS parses it.
 */
export function checkOleWorkbook(data: Uint8Array): void {
  let cfb: CfbContainer;
  try {
    cfb = CFB.read(data, { type: 'array' });
  } catch {
    throw new UserError('unreadable', DAMAGED);
  }
  if (CFB.find(cfb, 'EncryptionInfo') || CFB.find(cfb, 'EncryptedPackage')) throw new UserError('unreadable', PASSWORD_PROTECTED);
  const workbook = CFB.find(cfb, 'Workbook') ?? CFB.find(cfb, 'Book');
  if (!workbook?.content) {
    if (CFB.find(cfb, 'WordDocument')) throw new UserError('unreadable', WORD_DOCUMENT);
    if (CFB.find(cfb, 'PowerPoint Document')) throw new UserError('unreadable', POWERPOINT_DOCUMENT);
    throw new UserError('unreadable', NOT_EXCEL);
  }
  if (hasFilePass(workbook.content)) throw new UserError('unreadable', PASSWORD_PROTECTED);
}
