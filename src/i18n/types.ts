import type { zh } from './zh.js';

export type Lang = 'zh' | 'en';
export type Args = Record<string, unknown>;
/** One message: its text from its arguments. */
export type Message = (args: Args) => string;
/** Every message id: the keys of the zh catalog (the default language). */
export type MessageId = keyof typeof zh;
/** A language's catalog: exactly one message per id (a missing or extra one fails `tsc`). */
export type Catalog = Record<MessageId, Message>;
