import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export function requireTool(name: string): void {
  try {
    execFileSync('which', [name], { stdio: 'ignore' });
  } catch {
    throw new Error(`${name} is not installed: run "bash .ci/run" once, or see README.md (apt-get install …)`);
  }
}

/** Converts files with headless LibreOffice into outDir, in one process, with a throwaway profile. */
export function libreOfficeConvert(files: string[], to: 'pdf' | 'xlsx' | 'xls', outDir: string): string[] {
  requireTool('soffice');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'uf-lo-profile-'));
  try {
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', to, '--outdir', outDir, ...files],
      { stdio: 'pipe', timeout: 180_000 },
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return files.map((f) => path.join(outDir, `${path.basename(f, path.extname(f))}.${to}`));
}

/** Copies each workbook's first sheet into a new workbook with LibreOffice Calc (see copy-sheet.py). */
export function libreOfficeCopySheet(files: string[], outDir: string): string[] {
  requireTool('soffice');
  const script = path.join(__dirname, '..', 'libreoffice', 'copy-sheet.py');
  const out = execFileSync('/usr/bin/python3', [script, outDir, ...files], {
    encoding: 'utf8',
    timeout: 180_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return out.trim().split('\n');
}
