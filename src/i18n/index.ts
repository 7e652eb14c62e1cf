import { en } from './en.js';
import { zh } from './zh.js';

export type Lang = 'zh' | 'en';
export type Args = Record<string, unknown>;
export type Catalog = Record<string, (args: Args) => string>;

const catalogs: Record<Lang, Catalog> = { zh, en };

/** Renders a message id with its arguments in a language; unknown ids fall back to the id itself. */
export function translate(lang: Lang, id: string, args: Args = {}): string {
  const render = catalogs[lang][id] ?? catalogs.zh[id];
  return render ? render(args) : `${id} ${JSON.stringify(args)}`;
}

/** Every message id known to the zh catalog (tests check that en has the same). */
export function messageIds(lang: Lang): string[] {
  return Object.keys(catalogs[lang]).sort();
}
