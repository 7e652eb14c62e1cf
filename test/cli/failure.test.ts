import { describe, expect, test } from 'vitest';
import { failure } from '../../src/commands/failure.js';
import { UsageError } from '../../src/io.js';

// Issue 11, "Crashes that CI reads as violations": whatever goes wrong, one line, no stack trace.
describe('failure: the one line a failed run prints', () => {
  test.each([
    [new UsageError('--as-of x 不是有效日期'), 'zh', 'zhibu: --as-of x 不是有效日期\n'],
    [Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES', path: '/srv/out.json' }), 'zh', 'zhibu: /srv/out.json：没有权限；请换一个有写权限的位置，或检查文件权限\n'],
    [Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES', path: '/srv/out.json' }), 'en', 'zhibu: /srv/out.json: permission denied; choose a place you may write to, or check the file permissions\n'],
    [new TypeError("Cannot read properties of undefined (reading 'x')"), 'en', "zhibu: internal error: Cannot read properties of undefined (reading 'x'). This is a bug in zhibu, not a problem of the records; run again with --debug and report the output to the maintainers\n"],
    ['thrown text', 'zh', 'zhibu: 内部错误：thrown text。这是 zhibu 的缺陷，不是记录的问题；请加 --debug 重新运行，并把输出报告给维护者\n'],
  ] as const)('%s (%s)', (error, lang, expected) => {
    expect(failure(error, lang, false)).toBe(expected);
  });

  test('--debug adds the stack trace', () => {
    const text = failure(new TypeError('boom'), 'en', true);
    expect(text).toMatch(/^zhibu: internal error: boom\. .*\nTypeError: boom\n\s+at /);
  });

  test('control characters in the message are shown, not obeyed', () => {
    expect(failure(new UsageError('没有规则 \u001b[2J\u202e'), 'zh', false)).toBe('zhibu: 没有规则 \\x1B[2J\\u202E\n');
  });
});
