import type { Lang } from '../i18n/index.js';

/** Labels the CI formats put around a finding's own (already translated) text. */
export interface CiLabels {
  basis: string;
  remedy: string;
  location: string;
  inputError: string;
  pending: string;
}

const labels: Record<Lang, CiLabels> = {
  zh: { basis: '依据', remedy: '整改', location: '位置', inputError: '输入错误', pending: '待办' },
  en: { basis: 'Basis', remedy: 'Remedy', location: 'Location', inputError: 'Input error', pending: 'Pending' },
};

/** The CI formats' labels in a language (zh by default, as the report's messages are). */
export function ciLabels(lang: Lang = 'zh'): CiLabels {
  return labels[lang];
}

/** `label：text` in Chinese, `Label: text` in English. */
export function labelled(lang: Lang, label: string, text: string): string {
  return lang === 'zh' ? `${label}：${text}` : `${label}: ${text}`;
}
