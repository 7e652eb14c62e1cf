import { visible } from '../escape/terminal.js';
import { render, type Lang } from '../i18n/index.js';
import { UsageError } from '../io.js';

/**
 * The message for a run that ends in a failure that is not a finding (exit 2): one line in the
 * chosen language saying what went wrong and what to do; the stack trace only with `--debug`.
 */
export function failure(error: unknown, lang: Lang, debug: boolean): string {
  let message: string;
  if (error instanceof UsageError) message = error.message;
  else if (error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).path === 'string') {
    const { code, path, message: detail } = error as NodeJS.ErrnoException;
    message = render(lang, 'error.system', { file: path, code, detail });
  } else message = render(lang, 'error.internal', { detail: error instanceof Error ? error.message : String(error) });
  const trace = debug && error instanceof Error && error.stack ? `${error.stack}\n` : '';
  return `zhibu: ${visible(message, { lines: true })}\n${trace}`;
}
