import type { Command } from 'commander';
import type { Lang } from '../i18n/index.js';
import type { Io } from '../io.js';
import type { RectifyOptions } from './rectify.js';

const examples = `
示例 / Examples:
  zhibu rectify records/ --period 2026Q3 --as-of 2026-10-08 -o 整改清单.xlsx
  zhibu rectify records/ --format md          # Markdown 输出到终端
  # 另列提醒清单（本期尚可完成的事项） / with reminders:
  zhibu rectify records/ --include-pending -o 清单.csv
  # 每个支部一个文件，另附汇总 / one file per branch and a summary:
  zhibu rectify records/ --format xlsx --split-by branch -o 整改/2026Q3/
  # 对照上次清单：新增、待整改、逾期、整改未到位、已整改；支部填写的
  # 整改完成情况、备注和改过的整改时限都保留 / against the earlier list:
  zhibu rectify records/ --period 2026Q3 --as-of 2026-11-20 \\
    --previous 整改清单.xlsx -o 复查.xlsx
配置 zhibu.config.yaml（可选）：
  rectify:
    days: { error: 30, warning: 60, info: 90 }   # 整改时限：检查日后天数
    categories: { 党员管理: { days: 45 } }
    rules:
      member.dues-monthly: { days: 15, owner: secretary }
      # owner: secretary | subject | organization | 姓名`;

const t = (lang: Lang, zh: string, en: string) => (lang === 'zh' ? zh : en);

/** Adds `zhibu rectify` to the program; the command's modules load when it runs. */
export function registerRectify(program: Command, io: Io, setCode: (n: number) => void, lang: Lang): Command {
  return program
    .command('rectify')
    .description(t(lang, '生成整改清单（问题、依据、整改措施、责任人、时限、状态），可对照上次清单销号', 'write the rectification list (problem, basis, remedy, owner, deadline, status), carried over from an earlier list'))
    .argument('[paths...]', '记录文件或目录 record files or directories')
    .addOption(program.createOption('--lang <lang>', '消息语言 message language').choices(['zh', 'en']).default('zh'))
    .option('--as-of <date>', '检查日 YYYY-MM-DD（默认今天） the day of the check (default today)')
    .option('--period <period>', '检查期间：2026Q3、2026-07、2026 或 FROM..TO（默认上季度和本季度） the period checked')
    .option('--config <file>', '配置文件（默认从所查路径向上查找 zhibu.config.yaml） configuration file')
    .addOption(program.createOption('--format <format>', '输出格式（默认按 --output 扩展名，否则 md） output format').choices(['md', 'csv', 'xlsx', 'json']))
    .option('-o, --output <file>', '写入文件（--split-by 时为目录） write to a file (a directory with --split-by)')
    .option('--include-pending', '另列提醒清单：本期尚未结束、仍可完成的事项 add reminders for what is still due')
    .addOption(program.createOption('--split-by <what>', '每个支部一个文件，另附汇总 one file per branch plus a summary').choices(['branch']))
    .option('--previous <file>', '上次的整改清单（JSON 或 XLSX，可重复） an earlier list (JSON or XLSX; repeatable)', (value: string, all: string[]) => [...all, value], [] as string[])
    .addHelpText('after', examples)
    .action(async (paths: string[], o: RectifyOptions) => {
      const { runRectify } = await import('./rectify.js');
      setCode(await runRectify(paths, o, io));
    });
}
