import { execFileSync } from 'child_process';
import * as path from 'path';
import { requireTool } from './libreoffice';

const FILTERS = { xlsx: 'Calc MS Excel 2007 XML', xls: 'MS Excel 97' };

/** Saves each workbook again with LibreOffice Calc (through UNO, see save-with-password.py) with an opening password. */
export function libreOfficeSaveWithPassword(files: string[], to: 'xlsx' | 'xls', outDir: string, password: string): string[] {
  requireTool('soffice');
  const script = path.join(__dirname, 'save-with-password.py');
  const out = execFileSync('/usr/bin/python3', [script, password, FILTERS[to], outDir, ...files], {
    encoding: 'utf8',
    timeout: 180_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return out.trim().split('\n');
}
