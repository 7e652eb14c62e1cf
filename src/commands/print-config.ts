import { stringify } from 'yaml';
import type { Lang } from '../i18n/index.js';
import { defaultDays } from '../rectify/policy.js';
import type { Setup } from './setup.js';

/** `check --print-config`: the configuration file used and the effective settings, as YAML one could write back. */
export function formatEffectiveConfig(ready: Setup, lang: Lang): string {
  const zh = lang === 'zh';
  const source = ready.configFile ?? (zh ? '无（使用默认值）' : 'none (defaults)');
  const rules = Object.fromEntries(
    ready.rules.map((r) => [r.id, { severity: r.severity, ...Object.fromEntries(Object.entries(r.params).filter(([k]) => k !== 'what')) }]),
  );
  const effective = {
    rules,
    ...(ready.config?.ruleDirs ? { ruleDirs: ready.config.ruleDirs } : {}),
    rectify: { ...ready.config?.rectify, days: { ...defaultDays, ...ready.config?.rectify?.days } },
  };
  const errors = ready.errors.length > 0 ? `# ${zh ? `配置有 ${ready.errors.length} 处错误，见 zhibu check 的输出` : `the configuration has ${ready.errors.length} errors; zhibu check lists them`}\n` : '';
  return `# ${zh ? '配置文件' : 'configuration file'}: ${source}\n${errors}${stringify(effective, { lineWidth: 0, flowCollectionPadding: false })}`;
}
