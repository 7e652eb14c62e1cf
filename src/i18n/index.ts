import { en } from './en.js';
import { fillTemplate } from './format.js';
import type { Args, Catalog, Lang, MessageId } from './types.js';
import { zh } from './zh.js';

export type { Args, Catalog, Lang, Message, MessageId } from './types.js';

const catalogs: Record<Lang, Catalog> = { zh, en };

/** The one place text is made: a message id with its arguments in a language. */
export function render(lang: Lang, id: MessageId, args: Args = {}): string {
  return catalogs[lang][id](args);
}

/** Whether a string is a known message id (ids read back from files). */
export function isMessageId(id: string): id is MessageId {
  return Object.hasOwn(zh, id);
}

/** Every message id, sorted. */
export function messageIds(): MessageId[] {
  return (Object.keys(zh) as MessageId[]).sort();
}

/** A rule's own wording of its findings, overriding its primitive's message (`message:` in its YAML). */
export interface MessageOverride {
  zh: string;
  en: string;
}

/** What rendering a finding needs: its message and arguments, its status, and its rule's title. */
export interface FindingText {
  messageId: MessageId;
  args: Args;
  status: string;
}

/**
 * A finding's message: the rule's own template when its YAML gives one, else its message id's.
 * Messages also see the finding's `status` and the rule's `title` (in the same language).
 */
export function findingMessage(finding: FindingText, lang: Lang, title: string, override?: MessageOverride | null): string {
  const args = { ...finding.args, status: finding.status, title };
  return override ? fillTemplate(override[lang], args, lang) : render(lang, finding.messageId, args);
}
