import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../i18n/index.js';
import { UsageError, type Io } from '../io.js';
import { scaffoldFiles } from '../init/scaffold.js';
import { writeNew } from '../write/files.js';
import { loadRules } from '../engine/ruleset.js';
import { builtinRulesDir, ruleFiles } from '../load/files.js';

/** `zhibu init [DIR]`: writes a records folder; never overwrites a file. Returns the exit code. */
export async function runInit(dir: string | undefined, options: { lang: Lang }, io: Io): Promise<number> {
  const zh = options.lang === 'zh';
  const root = path.resolve(io.cwd, dir ?? '.');
  const { recordJsonSchema } = await import('../schema/json-schema.js');
  // The built-in rules only: the template shows the defaults, whatever a config nearby says.
  const { rules } = loadRules(ruleFiles(builtinRulesDir).map((file) => ({ file, bytes: readFileSync(file) })));
  const written: string[] = [];
  const kept: string[] = [];
  for (const [file, text] of scaffoldFiles(rules, `${JSON.stringify(recordJsonSchema('any'), null, 2)}\n`)) {
    const full = path.join(root, file);
    let created: boolean;
    try {
      created = writeNew(full, text);
    } catch (error) {
      throw new UsageError(`${file}: ${(error as Error).message}`);
    }
    (created ? written : kept).push(file);
  }
  const shown = path.relative(io.cwd, root) || '.';
  const lines: string[] = [];
  if (written.length > 0) lines.push(zh ? `已在 ${shown} 生成：` : `Created in ${shown}:`, ...written.map((f) => `  ${f}`));
  if (kept.length > 0) lines.push(zh ? '已存在，未改动：' : 'Already there, left alone:', ...kept.map((f) => `  ${f}`));
  lines.push(
    '',
    zh ? '下一步：修改 records/ 下的示例记录（或用 zhibu import 从台账导入），然后：' : 'Next: edit the example records under records/ (or import your ledgers with zhibu import), then:',
    `  ${shown === '.' ? '' : `cd ${shown} && `}zhibu check records/`,
  );
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
