import type { Command } from 'commander';
import type { Lang } from '../i18n/index.js';
import type { Io } from '../io.js';
import type { ScoreOptions } from './score.js';
import { commaList } from './options.js';

export const SCORE_FORMATS = ['terminal', 'json', 'md', 'csv', 'xlsx', 'html'] as const;
export type ScoreFormat = (typeof SCORE_FORMATS)[number];
const examples = `
示例 / Examples:
  zhibu score records/ --period 2026Q3 --as-of 2026-10-08      # 终端排名表
  # 每个支部一张评分表，另附汇总排名 / a sheet per branch and the ranking:
  zhibu score records/ --format xlsx -o 考核评分表-2026Q3.xlsx
  # 通报式摘要：排名、等级分布、失分最多的类别 / a summary for a circular:
  zhibu score records/ --format md -o 通报.md
  # 可在浏览器中打开的考核视图（热力图、排名、各支部明细） / an HTML view:
  zhibu score records/ --format html -o 考核.html
配置 zhibu.config.yaml（可选）：
  score:
    weights: { 三会一课: 35, 记录规范: 0 }   # 与内置分值合并后须合计 100
    deductions: { error: 2, warning: 0.5 } # 每项违规扣分（按严重程度）
    rules:                                 # 某条规则每项扣分、最多扣分
      member.dues-monthly: { points: 0.2, cap: 3 }
    grades:
      - { name: 优秀, min: 90 }
      - { name: 良好, min: 80 }
      - { name: 达标, min: 60 }
      - { name: 不达标 }
    veto: [theme-day.no-entertainment]     # 一票否决：有违规即为最低等级`;

/** Adds `zhibu score` to the program. */
export function registerScore(program: Command, io: Io, setCode: (n: number) => void, lang: Lang): Command {
  const zh = lang === 'zh';
  return program
    .command('score')
    .description(zh ? '考核评分：各支部分类得分、总分、等级和排名，扣分可追溯到每条问题' : 'assessment: each branch\'s category scores, total, grade and rank, every deduction traced to its findings')
    .argument('[paths...]', '记录文件或目录 record files or directories')
    .addOption(program.createOption('--lang <lang>', '消息语言 message language').choices(['zh', 'en']).default('zh'))
    .option('--as-of <date>', '检查日 YYYY-MM-DD（默认今天） the day of the check (default today)')
    .option('--period <period>', '检查期间：2026Q3、2026-07、2026 或 FROM..TO（默认上季度和本季度） the period checked')
    .option('--config <file>', '配置文件（默认从所查路径向上查找 zhibu.config.yaml） configuration file')
    .option('--branch <ids>', '只评这些支部，逗号分隔，可重复 only these branches', commaList)
    .addOption(program.createOption('--format <format>', '输出格式（默认按 --output 扩展名，否则 terminal） output format').choices([...SCORE_FORMATS]))
    .option('-o, --output <file>', '写入文件 write to a file')
    .addHelpText('after', examples)
    .action(async (paths: string[], o: ScoreOptions) => {
      const { runScore } = await import('./score.js');
      setCode(await runScore(paths, o, io));
    });
}
