import type { ParseArgsConfig } from 'util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** What an option is for, and the placeholder of its value (for options that take one). */
export interface OptionDoc {
  value?: string;
  text: string;
}

/** The help line of `--lang`, shared by the commands that print problems. */
export const LANG_OPTION_DOC: OptionDoc = { value: '<zh-CN|en-US>', text: '问题说明的语言：zh-CN 中文（默认）或 en-US 英文' };

/** One command's help: what it does, how it is called, every option it takes and what each exit code means. */
export interface CommandHelp {
  command: string;
  /** What it does, in a few words (Chinese, then English). */
  title: string;
  /** Each way of calling it. */
  usage: string[];
  options: string[];
  exits: { 0: string; 1: string; 2: string };
}

/** Columns a line takes in a terminal: Chinese characters and full-width punctuation take two. */
function columns(text: string): number {
  let n = 0;
  for (const ch of text)
    n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return n;
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(1, width - columns(text)));

/** One line per option, from the command's own option table, so that an option cannot be left out of its help. */
export function describeOptions<O extends Options>(options: O, docs: { [K in keyof O]: OptionDoc }): string[] {
  const rows = Object.keys(options).map((name) => {
    const option = options[name] as Options[string];
    const doc = docs[name as keyof O];
    const flag = `${option.short ? `-${option.short}, ` : '    '}--${name}${doc.value ? ` ${doc.value}` : ''}`;
    return [flag, doc.text] as const;
  });
  const width = Math.max(...rows.map(([flag]) => columns(flag))) + 2;
  return rows.map(([flag, text]) => `  ${pad(flag, width)}${text}`);
}

export function commandHelp(help: CommandHelp): string {
  return [
    `union-forms ${help.command}：${help.title}`,
    ...help.usage.map((line, i) => `  ${i === 0 ? '用法：' : '      '}${line}`),
    '  选项 / Options:',
    ...help.options.map((line) => `  ${line}`),
    '  退出码 / Exit codes:',
    ...([0, 1, 2] as const).map((code) => `    ${code}  ${help.exits[code]}`),
  ].join('\n');
}
