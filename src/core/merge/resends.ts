import { toHalfWidth } from '../cell-value';
import { baseName } from './return-files';

/**
 * How a file's name places it in a chain of resends (原稿 → 修改版 → 最终): higher is later. A name that says
 * nothing is 1; a copy ("- 副本", "(1)") is a resend like any other file; 修改/更正/修订/v2 say a correction,
 * 最终/终稿/定稿 the last one.
 */
export function resendRank(file: string): number {
  const name = toHalfWidth(baseName(file))
    .replace(/\.[^.]+$/, '')
    .toLowerCase();
  if (/最终|终稿|定稿|final/.test(name)) return 10;
  const version = /(?:^|[^a-z])v\s*(\d{1,2})(?!\d)|第([二三四五六七八九\d])稿/.exec(name);
  if (version) {
    const n = version[1] ?? version[2] ?? '2';
    return 2 + (Number.isNaN(Number(n)) ? '二三四五六七八九'.indexOf(n) + 2 : Number(n));
  }
  if (/修改|修订|更正|改正|订正|纠正|补正|调整|重报|重新上报|更新/.test(name)) return 2;
  if (/原稿|初稿|草稿|原表|旧/.test(name)) return 0;
  return 1;
}

/** Whether a file's name says it corrects an earlier one (修改, 更正, 最终, v2, "(1)" …). */
export function namedAsCorrection(file: string): boolean {
  const name = toHalfWidth(baseName(file)).replace(/\.[^.]+$/, '');
  return resendRank(file) >= 2 || /\(\d{1,2}\)\s*$/.test(name);
}

/** A name as compared across resends: no spaces, punctuation, quotes or brackets, one width, one case. */
export function identityText(text: string): string {
  return toHalfWidth(text)
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .toLowerCase();
}

/** The length of the longest common subsequence of two short texts (names of projects and workshops). */
function commonSubsequence(a: readonly string[], b: readonly string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const ca of a) {
    const next = new Array<number>(b.length + 1).fill(0);
    for (let j = 0; j < b.length; j++)
      next[j + 1] = ca === b[j] ? (prev[j] as number) + 1 : Math.max(prev[j + 1] as number, next[j] as number);
    prev = next;
  }
  return prev[b.length] as number;
}

/** Names long enough to compare character by character; longer ones (a pasted paragraph) are compared whole. */
const MAX_COMPARED = 200;

/**
 * How alike two names are, 0 to 1 (two common characters in order, over all characters): “五小”竞赛 and 五小竞赛
 * are 1 once punctuation is dropped; 职工创新论坛 and 职工技术创新论坛 0.86; two different projects of a unit
 * usually under 0.5.
 */
export function nameLikeness(a: string, b: string): number {
  const x = [...identityText(a)];
  const y = [...identityText(b)];
  if (x.length === 0 || y.length === 0) return x.length === y.length ? 1 : 0;
  if (x.length > MAX_COMPARED || y.length > MAX_COMPARED) return x.join('') === y.join('') ? 1 : 0;
  return (2 * commonSubsequence(x, y)) / (x.length + y.length);
}

/** Names this alike may be one project renamed in a correction. */
export const NEAR_NAMES = 0.7;
/** Of the other fields, this share equal makes two returns of near names one project resent. */
export const SAME_CONTENT = 0.7;
/** A file named as a correction needs less: half its other fields as before. */
export const SAME_CONTENT_CORRECTION = 0.5;
