import { parseArgs, type ParseArgsConfig } from 'util';
import { UserError } from '../core/errors';
import { isLang, LANGS, type Lang } from '../core/messages';

/** A mistake in what the user asked for: exit code 2. */
export class UsageError extends UserError {
  constructor(message: string) {
    super('usage', message);
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Positionals and options, strictly; a wrong option becomes one Chinese line that ends with the command's usage. */
export function parseOptions<O extends Options>(args: string[], options: O, usage: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    const m = /option '([^']+)'/.exec((err as Error).message);
    const code = (err as { code?: string }).code;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`未知选项 ${m?.[1] ?? ''}。${usage}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`选项 ${m?.[1] ?? ''} 缺少取值。${usage}`);
    throw new UsageError(`命令行有误：${(err as Error).message}`);
  }
}

/** The language of `--lang`: zh-CN (the default) or en-US; anything else is a usage error. */
export function langOption(value: string | undefined, usage: string): Lang {
  if (value === undefined) return 'zh-CN';
  if (isLang(value)) return value;
  throw new UsageError(`--lang 只能是 ${LANGS.join(' 或 ')}，不能是“${value}”。${usage}`);
}
