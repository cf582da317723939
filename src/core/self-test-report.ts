/**
 * 自检 (issue 20 §6): what a self-test on a real Excel or WPS found, and the short Chinese text the clerk copies and
 * sends back. Pure: the hosts (src/hosts/office/self-test.ts, src/hosts/wps/self-test.ts) run the probes and hand the
 * results in; nothing here knows a host's API.
 *
 * The report carries no data of the clerk's: the runners put no sheet name, cell value or file path into it, and the
 * error texts they pass are cleaned here (redactText) of any text they were told to keep out, and cut short.
 */

/** What one probe found: it worked, it failed (with the host's own error text), or the host lacks what it needs. */
export type ProbeOutcome =
  | { readonly status: 'ok'; readonly note?: string }
  | { readonly status: 'failed'; readonly error: string }
  | { readonly status: 'unsupported'; readonly needs: string };

export interface ProbeResult {
  /** A stable id (e.g. "values", "conditionalFormats"), for tests and for reading reports side by side. */
  readonly id: string;
  /** What the probe tries, in Chinese, as the report shows it. */
  readonly label: string;
  readonly outcome: ProbeOutcome;
}

/** A requirement set (Office: "ExcelApi 1.9") or an object-model member (WPS: "Application.FileSystem"), and whether the host has it. */
export interface Capability {
  readonly name: string;
  readonly present: boolean;
}

export interface SelfTestReport {
  /** "Excel" or "WPS 表格". */
  readonly host: string;
  /** The host's version as it reports it (Office.context.diagnostics.version; WPS Application.Version and Build). */
  readonly version: string;
  /** The platform: Office's diagnostics platform (PC, Mac, OfficeOnline…), or the operating system WPS runs on. */
  readonly platform: string;
  /** The pane's browser engine (navigator.userAgent), where it says more than the version does. */
  readonly userAgent?: string;
  /** Heading of the capability list: "API 集" (Office) or "对象模型" (WPS). */
  readonly capabilityHeading: string;
  readonly capabilities: readonly Capability[];
  readonly probes: readonly ProbeResult[];
  /** Round trips to the host: Office.js syncs, or WPS object-model calls (as counted by the runner). */
  readonly roundTrips?: { readonly kind: string; readonly count: number };
  /** Whether the scratch sheet was removed again (false: the report says so, and its name, which is ours). */
  readonly scratchRemoved: boolean;
  /** The scratch sheet's name, shown only if it could not be removed, so the clerk can delete it. */
  readonly scratchName: string;
  /** When the test ran, as an ISO date-time (UTC), and how long it took. */
  readonly ranAt: string;
  readonly durationMs: number;
}

/** Longest error text kept per probe: enough for Excel's or WPS's message, short enough for a chat message. */
export const MAX_ERROR_CHARS = 160;

/**
 * A host's error text made safe to send: on one line, every occurrence of a text to keep out (the clerk's sheet names,
 * the workbook's name) replaced by "…", and cut to MAX_ERROR_CHARS. A one-character text, or two ASCII characters, is
 * replaced only where it stands between quotes, so that a sheet named "1" or "表" does not blank every "1" or every
 * "工作表" of the message; two Chinese characters (名单, 汇总) are a name wherever they stand.
 */
export function redactText(text: string, keepOut: readonly string[]): string {
  let out = text.replace(/\s+/g, ' ').trim();
  const secrets = [...new Set(keepOut.filter((s) => s.length > 0))].sort((a, b) => b.length - a.length);
  for (const secret of secrets) {
    if (secret.length >= 3 || (secret.length === 2 && /[^ -~]/.test(secret))) out = out.split(secret).join('…');
    else out = out.replace(new RegExp(`(['"“‘「])${escapeRegExp(secret)}(['"”’」])`, 'g'), '$1…$2');
  }
  return out.length > MAX_ERROR_CHARS ? `${out.slice(0, MAX_ERROR_CHARS - 1)}…` : out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A thrown value's own text (an Error's message, with its code where it has one), before redaction. */
export function errorText(err: unknown): string {
  if (err instanceof Error || (typeof err === 'object' && err !== null && 'message' in err)) {
    const { message, code } = err as { message?: unknown; code?: unknown };
    const text = typeof message === 'string' && message ? message : String(err);
    return typeof code === 'string' && code && !text.includes(code) ? `${code}: ${text}` : text;
  }
  return String(err);
}

const MARK = { ok: '✓', failed: '✗', unsupported: '－' } as const;

function outcomeText(outcome: ProbeOutcome): string {
  switch (outcome.status) {
    case 'ok':
      return outcome.note ? `正常（${outcome.note}）` : '正常';
    case 'failed':
      return `失败：${outcome.error}`;
    case 'unsupported':
      return `不支持（需要 ${outcome.needs}）`;
  }
}

/** Two lines at most: what the host has, and what it lacks (each name once, in the runner's order). */
function capabilityLines(capabilities: readonly Capability[]): string[] {
  const has = capabilities.filter((c) => c.present).map((c) => c.name);
  const lacks = capabilities.filter((c) => !c.present).map((c) => c.name);
  return [...(has.length > 0 ? [`有：${has.join('、')}`] : []), ...(lacks.length > 0 ? [`缺：${lacks.join('、')}`] : [])];
}

export interface ProbeCounts {
  ok: number;
  failed: number;
  unsupported: number;
}

export function countOutcomes(probes: readonly ProbeResult[]): ProbeCounts {
  const counts: ProbeCounts = { ok: 0, failed: 0, unsupported: 0 };
  for (const p of probes) counts[p.outcome.status]++;
  return counts;
}

/**
 * The report as the clerk copies it: a few lines of who and where, the capabilities, one line per probe, and a count.
 * Headings in Chinese; the probes' own error texts as the host gave them (cleaned by the runner with redactText).
 */
export function formatSelfTestReport(report: SelfTestReport): string {
  const counts = countOutcomes(report.probes);
  const seconds = (report.durationMs / 1000).toFixed(1);
  const trips = report.roundTrips ? `，${report.roundTrips.count} 次${report.roundTrips.kind}` : '';
  const lines = [
    '【工会表格助手 自检报告】',
    `宿主：${report.host} ${report.version}`,
    `平台：${report.platform}`,
    ...(report.userAgent ? [`浏览器内核：${report.userAgent}`] : []),
    `时间：${report.ranAt}（用时 ${seconds} 秒${trips}）`,
    `【${report.capabilityHeading}】`,
    ...capabilityLines(report.capabilities),
    '【检查项】',
    ...report.probes.map((p) => `${MARK[p.outcome.status]} ${p.label}：${outcomeText(p.outcome)}`),
    '【结果】',
    `正常 ${counts.ok} 项，失败 ${counts.failed} 项，不支持 ${counts.unsupported} 项`,
    report.scratchRemoved ? '临时工作表已删除。' : `临时工作表“${report.scratchName}”未能删除，请手动删除它。`,
  ];
  return lines.join('\n');
}
