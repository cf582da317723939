import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { UserError } from '../../core/errors';
import { SAVE_AS_DOCX } from '../../core/import/notice-files';

/**
 * A Word 97-2003 .doc (or an RTF saved as .doc) turned into a .docx by LibreOffice, where the machine has it, for the
 * command line's import (issue 21 §2). Nothing is sent anywhere: LibreOffice runs here, headless, on a copy in a
 * temporary folder, with its own throw-away profile (so a LibreOffice the clerk has open is neither used nor locked),
 * and is stopped after a time limit.
 */

/** Where LibreOffice is usually installed, after the folders of PATH. */
const KNOWN_PLACES = [
  '/usr/bin/soffice',
  '/usr/lib/libreoffice/program/soffice',
  '/opt/libreoffice/program/soffice',
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
  'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
  'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
];

/** A first conversion starts LibreOffice with a new profile: a few seconds, up to a minute on a slow machine. */
export const CONVERT_TIMEOUT_MS = 120_000;

const isFile = (p: string) => {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
};

/**
 * LibreOffice's soffice, or undefined. UNION_FORMS_SOFFICE names it where it is installed elsewhere; set empty, no
 * LibreOffice is used (a .doc then gets the verdict saying how to save it as .docx).
 */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const named = env.UNION_FORMS_SOFFICE;
  if (named !== undefined) return named !== '' && isFile(named) ? named : undefined;
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  const onPath = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const dir of onPath) for (const name of names) if (isFile(path.join(dir, name))) return path.join(dir, name);
  return KNOWN_PLACES.find(isFile);
}

/** Runs soffice and waits for it, killing its whole process group (soffice starts soffice.bin) at the time limit. */
function run(soffice: string, args: string[], timeoutMs: number): Promise<'done' | 'timeout' | 'failed'> {
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn(soffice, args, { stdio: 'ignore', detached: process.platform !== 'win32', windowsHide: true });
    } catch {
      resolve('failed');
      return;
    }
    const timer = setTimeout(() => {
      try {
        if (child.pid !== undefined) process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      resolve('timeout');
    }, timeoutMs);
    child.on('error', () => {
      clearTimeout(timer);
      resolve('failed');
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0 ? 'done' : 'failed');
    });
  });
}

/** The .docx LibreOffice makes of a .doc's bytes; a Chinese UserError naming the file when it cannot. */
export async function docToDocx(data: Uint8Array, name: string, soffice: string, timeoutMs = CONVERT_TIMEOUT_MS): Promise<Uint8Array> {
  const work = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'union-forms-doc-'));
  try {
    // An ASCII name: soffice is handed no name from the notice's sender.
    const input = path.join(work, /\.rtf$/i.test(name) ? 'notice.rtf' : 'notice.doc');
    const out = path.join(work, 'out');
    await fs.promises.writeFile(input, data);
    const profile = pathToFileURL(path.join(work, 'profile')).href;
    const ended = await run(
      soffice,
      [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--nologo', '--convert-to', 'docx', '--outdir', out, input],
      timeoutMs,
    );
    if (ended === 'timeout')
      throw new UserError('unreadable', `用 LibreOffice 转换“${name}”超过 ${Math.round(timeoutMs / 1000)} 秒，已停止。${SAVE_AS_DOCX}`);
    const docx = await fs.promises.readFile(path.join(out, 'notice.docx')).catch(() => undefined);
    if (!docx) throw new UserError('unreadable', `LibreOffice 未能把“${name}”转换为 .docx（文件可能已损坏或有密码）。${SAVE_AS_DOCX}`);
    return new Uint8Array(docx);
  } finally {
    await fs.promises.rm(work, { recursive: true, force: true }).catch(() => undefined);
  }
}
