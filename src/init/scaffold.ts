import type { Rule } from '../engine/rules.js';
import { branchTemplate, organizationTemplate } from './templates.js';

const workflow = `# GitHub Actions：每次提交都检查党支部记录（说明见 zhibu 的 docs/ci.md）
name: 党支部记录检查
on: [push, pull_request, workflow_dispatch]
jobs:
  zhibu:
    runs-on: ubuntu-latest
    permissions: { contents: read, security-events: write }
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with: { node-version: 20 }
      # 把 zhibu 写进本仓库 package.json 的 devDependencies 后，这一步换成 npm ci
      - run: npm install --no-save zhibu
      - uses: actions/cache@v4
        with: { path: .zhibu-cache, key: zhibu-\${{ github.sha }}, restore-keys: zhibu- }
      - name: zhibu check
        run: npx zhibu check records/ --cache --format github,sarif=zhibu.sarif,junit=zhibu-junit.xml
      - uses: github/codeql-action/upload-sarif@v3
        if: always()
        with: { sarif_file: zhibu.sarif, category: zhibu }
`;

const flow = (value: unknown): string =>
  typeof value === 'object' && value !== null ? `{ ${Object.entries(value).map(([k, v]) => `${k}: ${flow(v)}`).join(', ')} }` : String(value);

/** zhibu.config.yaml with every setting commented out at its default value. */
export function configTemplate(rules: readonly Rule[]): string {
  const width = Math.max(...rules.map((r) => r.id.length));
  const ruleLines = rules.map((r) => {
    const params = Object.fromEntries(Object.entries(r.params).filter(([, v]) => typeof v === 'number' || (typeof v === 'string' && /^\d+\/\d+$/.test(v))));
    return `#   ${`${r.id}:`.padEnd(width + 1)} ${flow({ severity: r.severity, ...params })}   # ${r.title}`;
  });
  return `# 这是 zhibu 的配置文件。每一项都以注释写出默认值：去掉行首的 # 并修改即可生效。
# 说明见 zhibu 的 docs/config.md；每条规则的参数见 docs/rules.md 或 zhibu rules show 规则id。

# rules:                      # 按规则 id 调整：off 停用；error | warning | info 改级别；或改参数
${ruleLines.join('\n')}

# ruleDirs: []                # 本单位自定义规则的目录（相对于本文件）

# rectify:                    # 整改清单（zhibu rectify）
#   days: { error: 30, warning: 60, info: 90 }   # 整改时限：检查日后多少天
#   categories: {}            # 按类别：{ 党员管理: { days: 45, owner: secretary } }
#   rules: {}                 # 按规则：{ member.dues-monthly: { days: 15, owner: secretary } }

# score:                      # 考核评分（zhibu score）
#   weights: { 组织设置: 15, 三会一课: 30, 主题党日: 10, 组织生活: 15, 党员管理: 15, 联系基层: 5, 活动载体与整改: 5, 记录规范: 5 }   # 合计须为 100
#   deductions: { error: 2, warning: 0.5, info: 0 }   # 每项违规扣分，类别扣完为止
#   rules: {}                 # 按规则：{ member.dues-monthly: { points: 0.2, cap: 3 } }
#   grades: [{ name: 优秀, min: 90 }, { name: 良好, min: 80 }, { name: 达标, min: 60 }, { name: 不达标 }]
#   veto: []                  # 一票否决的规则：[theme-day.no-entertainment]

# import:                     # 从台账导入（zhibu import），见 docs/import.md
#   organization: { id: org, name: 党委 }   # 导入时生成的组织文件
#   branches: {}              # 支部名称 → 支部编号：{ 第一项目部党支部: pb-001 }
#   headers: {}               # 标准表头 → 其他写法：{ 实际会议时间: [开会时间] }
#   columns: {}               # 其他列 → x- 键：{ 会议编号: x-meeting-no }
`;
}

/** Every file of a fresh records folder, by its path relative to the folder. */
export function scaffoldFiles(rules: readonly Rule[], schemaJson: string): [file: string, text: string][] {
  return [
    ['records/organization.yaml', organizationTemplate],
    ['records/pb-003.yaml', branchTemplate],
    ['zhibu.config.yaml', configTemplate(rules)],
    ['zhibu.schema.json', schemaJson],
    ['.github/workflows/zhibu.yml', workflow],
  ];
}
