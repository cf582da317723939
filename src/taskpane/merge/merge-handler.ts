import { THIS_WORKBOOK } from '../../hosts/office/read-workbook-forms';
import type { ReturnFile } from '../../core/merge/merge-returns';
import type { Catalogue } from '../../core/notice-catalogue';
import { summariseReturns } from '../../app/merge-returns';
import { returnsCatalogue } from '../../app/returns-catalogue';
import type { RulingWords } from '../../core/merge/ruling-definitions';
import { takeCarriedDefinitions, type ReturnAndDefinitions } from '../../hosts/xlsx/carried-definitions';
import { readReturnBuffer } from '../../hosts/xlsx/merge-buffers';
import { fileTooLarge } from '../../hosts/xlsx/read-workbook';
import type { Desk } from '../../app/collection-desk';
import { slipFileName } from '../../core/collect/correction-slips';
import type { DefinitionsUsed, KeptDefinition, MergePreview, MergeRequest, MergeResponse, PickedFile, SlipFile } from './merge-protocol';

/**
 * A return (without its definition sheet), the definitions it carries and, for a workbook ExcelJS can open again
 * (.xlsx, .xlsm), its bytes: a 退回修改单 keeps its look.
 */
interface ReadFile extends ReturnAndDefinitions {
  bytes?: Uint8Array;
}

/**
 * The catalogue the returns of one read are merged against: the built-in forms and those the returns carry, as the
 * ruling takes them (issue 21 §2); the returns, a file whose copy of a form differs from the ruling one standing as
 * unreadable, with why.
 */
interface ReadCatalogue {
  catalogue: Catalogue;
  returns: ReturnFile[];
  definitions: DefinitionsUsed;
}

/** The clerk's own definitions, in the pane: those saved in the open workbook (新表格). */
const PANE_WORDS: RulingWords = {
  own: '本工作簿中保存的定义',
  giveOwn: '请在“新表格”中导入通知并把定义保存到本工作簿，以您自己的定义为准',
};

const KEEPS_LOOK = /\.(xlsx|xlsm)$/i;

async function readPicked(file: PickedFile): Promise<ReadFile> {
  const unreadable = (why: string): ReadFile => takeCarriedDefinitions({ file: file.name, modified: file.lastModified, unreadable: why });
  const tooLarge = fileTooLarge(file.size);
  if (tooLarge) return unreadable(tooLarge);
  let data: Uint8Array;
  try {
    data = new Uint8Array(await file.arrayBuffer());
  } catch {
    return unreadable('无法读取此文件：文件可能已被移动、删除或正被其他程序使用。');
  }
  // The definitions come from the sheets just read: the package is unzipped once (the command line reads it twice).
  const taken = takeCarriedDefinitions(readReturnBuffer({ name: file.name, modified: file.lastModified, data }));
  return { ...taken, bytes: 'sheets' in taken.read && KEEPS_LOOK.test(file.name) ? data : undefined };
}

/**
 * The built-in forms plus the imported forms: those kept in the open workbook first, then those the files of one read
 * carry (issue 13 §3), as the command line takes them (app/returns-catalogue.ts): no file decides for the others by
 * being read first.
 */
function catalogueOf(files: readonly ReadFile[], builtIn: Catalogue, kept: readonly KeptDefinition[] = []): ReadCatalogue {
  const own = kept.map((k) => ({ file: THIS_WORKBOOK, notice: k.notice, form: k.form }));
  const { returns, catalogue, added, refused, notes } = returnsCatalogue(builtIn.notices, files, own, PANE_WORDS);
  const sheetNames = Object.fromEntries(catalogue.forms.filter((f) => !builtIn.findForm(f.id)).map((f) => [f.id, f.sheetName]));
  return { catalogue, returns, definitions: { added, refused, notes, sheetNames } };
}

function previewOf(
  returns: readonly ReturnFile[],
  request: { roster: string[]; today: string; deadline?: string },
  { catalogue, definitions }: Omit<ReadCatalogue, 'returns'>,
): MergePreview {
  const { roster, today, deadline } = request;
  const { result, summaries, report, desk } = summariseReturns(returns, { today, roster, catalogue, deadline: deadline || undefined });
  return { inputs: result.inputs, missing: result.missing, summaries, report, desk, definitions };
}

/**
 * The 退回修改单 of a desk as workbooks. ExcelJS is loaded here, on the first request for slips only, so that neither
 * the pane's first load nor an ordinary merge carries it.
 */
async function drawSlips(desk: Desk, files: readonly ReadFile[]): Promise<SlipFile[]> {
  const { writeCorrectionSlip } = await import('../../hosts/xlsx/write-slip');
  const byName = new Map(files.map((f) => [f.read.file, f]));
  const slips: SlipFile[] = [];
  for (const slip of desk.slips) {
    const data = await writeCorrectionSlip(slip, (file) => {
      const found = byName.get(file);
      if (!found || !('sheets' in found.read)) return undefined;
      return { bytes: found.bytes, sheets: found.read.sheets };
    });
    slips.push({ name: slipFileName(slip.unit), data });
  }
  return slips;
}

/**
 * The merge worker's message handling, kept apart from the worker global so tests can drive it directly. It keeps
 * the returns of the last read (and the bytes of its workbooks) and the catalogue their definitions made, so a
 * changed roster is summarised again without reading the files twice, and the 退回修改单 keep the look of the units'
 * own workbooks. `catalogue` holds the built-in forms; each read adds the imported forms its returns carry.
 */
export function createMergeHandler(
  post: (response: MergeResponse) => void,
  catalogue: Catalogue,
): (request: MergeRequest) => Promise<void> {
  let lastFiles: ReadFile[] = [];
  let lastCatalogue: ReadCatalogue = catalogueOf([], catalogue);
  let lastDesk: Desk | undefined;
  return async (request) => {
    try {
      if (request.type === 'slips') {
        post({ id: request.id, type: 'slips-done', slips: lastDesk ? await drawSlips(lastDesk, lastFiles) : [] });
        return;
      }
      if (request.type === 'read-files') {
        const files: ReadFile[] = [];
        for (const [i, file] of request.files.entries()) {
          files.push(await readPicked(file));
          post({ id: request.id, type: 'progress', done: i + 1, total: request.files.length, file: file.name });
        }
        lastFiles = files;
        lastCatalogue = catalogueOf(files, catalogue, request.kept);
      } else if (request.type === 'read-returns') {
        // The open workbook's values, read through Office.js, may hold its definition sheet too (very hidden sheets are read).
        lastFiles = request.returns.map(takeCarriedDefinitions);
        lastCatalogue = catalogueOf(lastFiles, catalogue, request.kept);
      }
      const preview = previewOf(lastCatalogue.returns, request, lastCatalogue);
      lastDesk = preview.desk;
      post({ id: request.id, type: 'done', preview });
    } catch {
      // An exception's own (English) text is not for the clerk.
      post({ id: request.id, type: 'failed', message: '合并时出错（程序内部错误）：请重试；仍不行时，请把这批文件交给技术人员检查。' });
    }
  };
}
