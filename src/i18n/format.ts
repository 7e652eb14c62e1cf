import { activityTypes, themeDayForms } from '../schema/enums.js';
import type { Args, Lang } from './types.js';

const cnNumerals = ['', '一', '二', '三', '四'];
const monthsEn = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The part of a quarter or month label below the year: 第三季度 / Q3, 8月 / Aug. */
export function periodPart(label: string, lang: Lang): string {
  if (label[4] === 'Q') return lang === 'zh' ? `第${cnNumerals[Number(label[5])]}季度` : `Q${label[5]}`;
  return lang === 'zh' ? `${Number(label.slice(5))}月` : (monthsEn[Number(label.slice(5)) - 1] ?? label);
}

/** A period label (2026-08, 2026Q3, 2026) in words. */
export function periodText(label: string, lang: Lang): string {
  const year = label.slice(0, 4);
  if (label.length === 4) return lang === 'zh' ? `${year}年` : year;
  if (label[4] === 'Q') return lang === 'zh' ? `${year}年${periodPart(label, lang)}` : `${year} ${periodPart(label, lang)}`;
  if (label.length === 7) return lang === 'zh' ? `${year}年${periodPart(label, lang)}` : `${periodPart(label, lang)} ${year}`;
  return label;
}

/** Several periods of one size in words: "2026年7月、8月、9月", "Jul, Aug, Sep 2026", "2026年第一季度、第二季度". */
export function periodsText(labels: readonly string[], lang: Lang): string {
  const sizes = new Set(labels.map((l) => (l.length === 4 ? 'year' : l.includes('Q') ? 'quarter' : l.length === 7 ? 'month' : 'other')));
  const sep = lang === 'zh' ? '、' : ', ';
  if (sizes.size !== 1 || sizes.has('other') || sizes.has('year')) return labels.map((l) => periodText(l, lang)).join(sep);
  const byYear = new Map<string, string[]>();
  for (const label of labels) {
    const year = label.slice(0, 4);
    byYear.set(year, [...(byYear.get(year) ?? []), label]);
  }
  const quarter = sizes.has('quarter');
  return [...byYear]
    .map(([year, ls]) => {
      const parts = ls.map((l) => periodPart(l, lang));
      if (lang === 'zh') return `${year}年${parts.join('、')}`;
      return quarter ? `${year} ${parts.join(', ')}` : `${parts.join(', ')} ${year}`;
    })
    .join(sep);
}

/** A `period` argument in words: one label, or several merged into one phrase (a rectification row). */
export function periodArg(value: unknown, lang: Lang): string {
  if (Array.isArray(value)) return periodsText(value.map(String), lang);
  return typeof value === 'string' ? periodText(value, lang) : '';
}

/** Text of any argument. */
export const text = (v: unknown): string => (v === null || v === undefined ? '' : Array.isArray(v) ? v.map(String).join(', ') : String(v));

/** A list argument joined the way the language writes lists. */
export const listText = (v: unknown, lang: Lang): string => (Array.isArray(v) ? v.map(String).join(lang === 'zh' ? '、' : ', ') : text(v));

/** Text a rule supplies as one string or { zh, en }. */
export const localText = (v: unknown, lang: Lang): string => (typeof v === 'string' ? v : v && typeof v === 'object' ? text((v as Record<string, unknown>)[lang]) : '');

/** An activity type token in words (Chinese label; the token itself in English). */
export const activityText = (t: unknown, lang: Lang): string => (lang === 'zh' ? (activityTypes[text(t) as keyof typeof activityTypes] ?? text(t)) : text(t));

/** A theme-day form token in words. */
export const formText = (t: unknown, lang: Lang): string => (lang === 'zh' ? (themeDayForms[text(t) as keyof typeof themeDayForms] ?? text(t)) : text(t));

/** One argument as a rule's own message template shows it: periods, types and forms in words, lists joined. */
export function argText(name: string, value: unknown, lang: Lang): string {
  if (name === 'period') return periodArg(value, lang);
  if (name === 'type') return activityText(value, lang);
  if (name === 'form') return formText(value, lang);
  if (name === 'what') return localText(value, lang);
  return listText(value, lang);
}

/** Fills `{name}` placeholders of a rule's message template; an unknown name stays as written. */
export function fillTemplate(template: string, args: Args, lang: Lang): string {
  return template.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (whole, name: string) => (Object.hasOwn(args, name) ? argText(name, args[name], lang) : whole));
}
