import { Command, CommanderError, Option } from 'commander';
import { FORMATS } from './commands/formats.js';
import { render, type Lang } from './i18n/index.js';
import { UsageError, type Io } from './io.js';
import { closest } from './load/closest.js';
import { commaList } from './commands/options.js';
import { colorLevel } from './report/color.js';
import { ruleExamples } from './load/files.js';
import { registerRectify } from './commands/rectify-command.js';
import { registerScore } from './commands/score-command.js';
import { failure } from './commands/failure.js';
import { Outputs } from './write/files.js';
import { visible } from './escape/terminal.js';
import { VERSION } from './version.js';

export interface MainInput {
  argv: string[];
  stdout: Io['stdout'];
  stderr: Io['stderr'];
  cwd: string;
  env: Record<string, string | undefined>;
  /** Standard input, read for the path `-`. */
  stdin?: Io['stdin'];
  /** Today's date, whatever the time zone; defaults to the clock's date in the configured zone. */
  today?: string;
  /** The clock (tests fix it). */
  now?: () => Date;
}

/** Since 1992 Asia/Shanghai is UTC+8 all year (no daylight saving time since 1991). */
const SHANGHAI_FIXED_FROM = Date.UTC(1992, 0, 1);

/** The clock's date in a time zone, YYYY-MM-DD. */
export function dateIn(timeZone: string, now = new Date()): string {
  // The default zone by its fixed offset: the first time-zone formatter costs 30 ms or more (ICU's zone data).
  if (timeZone === 'Asia/Shanghai' && now.getTime() >= SHANGHAI_FIXED_FROM && now.getUTCFullYear() < 9999) return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

const examples = {
  check: `
示例 / Examples:
  zhibu check records/              检查目录下所有记录（默认上季度和本季度）
  zhibu check records/ --period 2026Q3 --as-of 2026-10-08
  zhibu check records/ --format json -o report.json
  zhibu check records/ --rule meetings.general-quarterly,theme-day.monthly
  zhibu check records/ --branch pb-001,pb-003 --quiet
  zhibu check 'records/**/*.yaml' --format compact
  zhibu check - --stdin-filename pb-003.yaml < pb-003.yaml
  zhibu check records/ --print-config        显示生效的配置
  zhibu check records/ --lang en --fail-on warning`,
  rules: `
示例 / Examples:
  zhibu rules                                列出全部规则
  zhibu rules show meetings.general-quorum   查看一条规则的说明、参数和示例`,
  ci: `
CI:
  zhibu check records/ --format github,sarif=zhibu.sarif,junit=zhibu.xml
  zhibu check records/ --write-baseline zhibu-baseline.json
  zhibu check records/ --baseline zhibu-baseline.json --max-warnings 0
  zhibu check records/ --shard 2/4 --format json=shard-2.json --fail-on never`,
  merge: `
示例 / Examples:
  zhibu merge shard-*.json --format json=report.json,github
  （与各分片相同的 --config、--lang / the shards' --config and --lang）`,
  init: `
示例 / Examples:
  zhibu init 党建记录                        生成模板（已存在的文件不覆盖）
  cd 党建记录 && zhibu check records/`,
  import: `
示例 / Examples:
  zhibu import 2026年台账.xlsx 党费.csv --to records/    导入（已有文件不改动）
  zhibu import 11月台账.xlsx --to records/ --update       把新记录补进已有文件`,
  schema: `
示例 / Examples:
  zhibu schema --output zhibu.schema.json    写出记录文件的 JSON Schema
  在记录文件第一行加 / first line of a record file:
  # yaml-language-server: $schema=./zhibu.schema.json`,
};

/** Runs the CLI with the given I/O; returns the exit code (0, 1 or 2 as in docs/report.md). */
export async function main(input: MainInput): Promise<number> {
  const lang: Lang = input.argv.includes('en') && input.argv.some((a, i) => (a === '--lang' && input.argv[i + 1] === 'en') || a === '--lang=en') ? 'en' : 'zh';
  const io: Io = { stdout: input.stdout, stderr: input.stderr, stdin: input.stdin, cwd: input.cwd, env: input.env, today: (timeZone) => input.today ?? dateIn(timeZone, input.now?.()) };
  const width = io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 80;
  const color = (flag: boolean | undefined) => colorLevel(flag, io.env, io.stdout.isTTY === true);
  let code = 0;

  const program = new Command('zhibu')
    .description(lang === 'zh' ? '检查党支部标准化规范化建设记录，列出不足（三会一课、主题党日、党费、换届……）' : 'Check Party branch records against the branch standardization rules')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(visible(s, { lines: true })), getOutHelpWidth: () => width, getErrHelpWidth: () => width })
    .showHelpAfterError(lang === 'zh' ? '（用 --help 查看用法）' : '(add --help for usage)')
    .option('--debug', '出错时显示调用栈 show the stack trace of an unexpected error');
  // Help is laid out by display width and wraps Chinese too; the wrapper is loaded only when help is shown.
  if (input.argv.length === 0 || input.argv.some((a) => a === '-h' || a === '--help' || a === 'help')) {
    const { textWidth, wrapText } = await import('./report/wrap.js');
    program.configureHelp({ displayWidth: textWidth, boxWrap: (text: string, columns: number) => text.split('\n').map((line) => wrapText(line, columns).join('\n')).join('\n') });
  }

  const langOption = () => new Option('--lang <lang>', '消息语言 message language').choices(['zh', 'en']).default('zh');
  const common = (cmd: Command) =>
    cmd
      .addOption(langOption())
      .option('--as-of <date>', '检查日 YYYY-MM-DD（默认今天） the day of the check')
      .option('--period <period>', '检查期间：2026Q3、2026-07、2026 或 FROM..TO（默认上季度和本季度） the period checked')
      .option('--config <file>', '配置文件（默认从所查路径向上查找 zhibu.config.yaml） configuration file')
      .option('--rule <ids>', '只运行这些规则，逗号分隔，可重复 only these rules', commaList);

  const gate = (cmd: Command) =>
    cmd
      .option('--format <format>', `输出格式 output format: ${FORMATS.join(', ')}；可重复或逗号分隔，fmt=文件 写入文件 (fmt=file)`, commaList)
      .option('-o, --output <file>', '写入文件而不是标准输出 write to a file instead of stdout')
      .addOption(new Option('--fail-on <level>', '何种违规使退出码为 1 which violations make exit code 1').choices(['error', 'warning', 'never']).default('error'))
      .option('--max-warnings <n>', '警告超过 n 项时退出码为 1 fail when warnings exceed n')
      .option('--baseline <file>', '基线：其中已知的问题不计入 known violations are not counted')
      .option('--write-baseline <file>', "把当前违规写入基线文件 record today's violations")
      .option('--prune-baseline', '从基线中删除已不再出现的条目 drop entries no longer found');

  gate(common(program.command('check')))
    .description(lang === 'zh' ? '检查记录文件并报告问题' : 'check record files and report what falls short')
    .argument('[paths...]', "记录文件、目录或 glob；- 为标准输入 files, folders, globs; '-' is stdin")
    .option('--branch <ids>', '只检查这些支部，逗号分隔，可重复 only these branches', commaList)
    .option('-q, --quiet', '只报告违规：不列待办和无问题的支部 violations only')
    .option('--stdin-filename <path>', '标准输入（-）的记录在报告中的文件名 the file name of stdin')
    .option('--print-config', '显示生效的配置（YAML）后退出 print the effective configuration')
    .option('--shard <i/n>', '只检查第 i 个分片（共 n 个），结果用 zhibu merge 合并 check shard i of n')
    .option('--color', '总是使用颜色 always colour')
    .option('--no-color', '不使用颜色 no colour')
    .option('--no-progress', '不显示进度 no progress on stderr')
    .option('--cache', '缓存未改动文件的检查结果 reuse results of unchanged files')
    .option('--cache-location <path>', '缓存位置（默认 .zhibu-cache/） where the cache lives')
    .option('--evaluations', 'JSON 报告列出每项评估（含已达标的） list every evaluation in the JSON report, passed ones included')
    .addHelpText('after', examples.check + examples.ci)
    .action(async (paths: string[], o) => {
      if (o.printConfig) {
        const { setup } = await import('./commands/setup.js');
        const { inputErrorMessage } = await import('./report/report.js');
        const ready = setup({ ...o, lang: o.lang as Lang }, io, paths);
        const { formatEffectiveConfig } = await import('./commands/print-config.js');
        for (const e of ready.errors) io.stderr.write(`${e.file}:${e.line}:${e.column}: ${inputErrorMessage(e, o.lang as Lang)}\n`);
        io.stdout.write(formatEffectiveConfig(ready, o.lang as Lang));
        code = ready.errors.length > 0 ? 2 : 0;
        return;
      }
      const { runCheck } = await import('./commands/check.js');
      code = (await runCheck(paths, { ...o, lang: o.lang as Lang, color: color(o.color), progress: o.progress !== false }, io)).code;
    });

  gate(program.command('merge'))
    .description(lang === 'zh' ? '合并分片（--shard）检查的 JSON 报告' : 'merge the JSON reports of sharded checks')
    .argument('<reports...>', '各分片的 JSON 报告 shard reports')
    .addOption(langOption())
    .option('--config <file>', '配置文件（与各分片相同） the configuration of the shards')
    .option('-q, --quiet', '只报告违规 violations only')
    .option('--color', '总是使用颜色 always colour')
    .option('--no-color', '不使用颜色 no colour')
    .addHelpText('after', examples.merge)
    .action(async (files: string[], o) => {
      const { runMerge } = await import('./commands/merge.js');
      code = await runMerge(files, { ...o, lang: o.lang as Lang, color: color(o.color) }, io);
    });

  const rules = common(program.command('rules'))
    .description(lang === 'zh' ? '列出全部规则' : 'list every rule')
    .addHelpText('after', examples.rules)
    .action(async (o) => {
      const { setup } = await import('./commands/setup.js');
      const ready = setup({ ...o, lang: o.lang }, io);
      const { formatRuleList } = await import('./commands/rules.js');
      io.stdout.write(formatRuleList(ready.rules, o.lang, width));
      code = ready.errors.length > 0 ? 2 : 0;
    });
  rules
    .command('show')
    .description(lang === 'zh' ? '说明一条规则' : 'explain one rule')
    .argument('<id>', '规则 id rule id')
    .action(async (id: string, _o, command: Command) => {
      // --lang and --config may be written before or after `show`: read them with the parent's.
      const o = command.optsWithGlobals() as { lang: Lang; config?: string };
      const { setup } = await import('./commands/setup.js');
      const ready = setup({ ...o, lang: o.lang }, io);
      const rule = ready.rules.find((r) => r.id === id);
      if (!rule) {
        const hint = closest(id, ready.rules.map((r) => r.id));
        throw new UsageError(render(o.lang, 'usage.unknown-rule', { rule: id, suggestion: hint ?? '' }));
      }
      const { formatRuleDetail } = await import('./commands/rules.js');
      io.stdout.write(formatRuleDetail(rule.examples ? rule : { ...rule, examples: ruleExamples(rule.id) ?? undefined }, o.lang, width));
    });

  program
    .command('schema')
    .description(lang === 'zh' ? '输出记录文件的 JSON Schema（供编辑器校验和补全）' : 'write JSON Schema for record files (editor validation and completion)')
    .addOption(new Option('--kind <kind>', '哪种文件 which file').choices(['any', 'branch', 'organization']).default('any'))
    .option('-o, --output <file>', '写入文件 write to a file')
    .addHelpText('after', examples.schema)
    .action(async (o) => {
      const { recordJsonSchema } = await import('./schema/json-schema.js');
      const text = `${JSON.stringify(recordJsonSchema(o.kind), null, 2)}\n`;
      if (o.output) new Outputs(io.cwd, lang).write(o.output, '--output', text);
      else io.stdout.write(text);
    });

  program
    .command('init')
    .description(lang === 'zh' ? '生成记录目录模板（组织文件、带注释的支部文件、配置、JSON Schema、CI 工作流）' : 'scaffold a records folder')
    .argument('[dir]', '目录（默认当前目录） folder (default: here)')
    .addOption(langOption())
    .addHelpText('after', examples.init)
    .action(async (dir: string | undefined, o) => {
      const { runInit } = await import('./commands/init.js');
      code = await runInit(dir, { lang: o.lang as Lang }, io);
    });

  program
    .command('import')
    .description(lang === 'zh' ? '从台账（Excel .xlsx、CSV）导入记录' : 'import records from ledgers (.xlsx, .csv)')
    .argument('<ledgers...>', '台账文件 ledger files')
    .option('--to <dir>', '记录目录 the records folder')
    .option('--update', '把新记录、新党员补进已有的记录文件 add new records to existing files')
    .option('--config <file>', '配置文件（默认向上查找 zhibu.config.yaml）')
    .addOption(langOption())
    .addHelpText('after', examples.import)
    .action(async (ledgers: string[], o) => {
      const { runImport } = await import('./commands/import.js');
      code = await runImport(ledgers, { ...o, lang: o.lang as Lang }, io);
    });

  registerRectify(program, io, (n) => {
    code = n;
  }, lang);
  registerScore(program, io, (n) => {
    code = n;
  }, lang);

  try {
    await program.parseAsync(input.argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2;
    }
    io.stderr.write(failure(error, lang, input.argv.includes('--debug')));
    return 2;
  }
}
