#!/usr/bin/env node
// The bench corpora: the synthetic branch-years of gen-corpus.mjs, written the way other
// programs and people write YAML. Each style takes the generator's texts and rewrites them
// (Node only; eemeli/yaml reads the generator's output back into values).
//
//   node scripts/corpus-styles.mjs STYLE DIR N      writes one styled corpus
//   import { styles, writeStyledCorpus } from './scripts/corpus-styles.mjs';
//
// Styles (the names are the bench's corpus names):
//   generator        gen-corpus.mjs as is
//   python-anchors   PyYAML safe_dump(allow_unicode=True): sorted keys, indentless lists,
//                    a list written again (an exporter reusing its attendee list) as &id001 / *id001
//   python-expanded  the same with aliases expanded
//   flow-80          activities as flow mappings wrapped at 80 columns (PyYAML's width)
//   quoted           every string and every key double-quoted
//   block-minutes    minutes as `|` block scalars of several lines
//   crlf             CRLF line breaks, comments on their own lines and after values, a BOM
//   chinese-labels   enumerations by their Chinese labels (支部党员大会, 正式党员, …)
//   ten-per-file     ten branch documents per file, separated by ---
//   json-indent      JSON, indent 2, in .yaml files
//   json-line        JSON on one line
//   errors           50 files with 20 input errors each (impossible dates); errors-clean: their clean twins

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { corpusTexts } from './gen-corpus.mjs';

const WIDTH = 80;
const DATE = /^\d{4}-\d{2}(?:-\d{2})?$/;
/** Strings PyYAML quotes: what YAML 1.1 would read as something else, indicators, edges. */
const PY_SPECIAL = /^(?:[-+]?(?:[0-9][0-9_,.:eE+-]*|\.[0-9]+|\.(?:inf|nan))|true|false|yes|no|on|off|y|n|null|~|)$/i;

function pyScalar(value) {
  if (value === null) return 'null';
  if (typeof value !== 'string') return String(value);
  if (DATE.test(value) && value.length === 10) return value; // a datetime.date
  if (PY_SPECIAL.test(value) || /^[-?:,[\]{}#&*!|>'"%@`\s]/.test(value) || /\s$/.test(value) || value.includes(': ') || value.includes(' #')) return `'${value.replaceAll("'", "''")}'`;
  return value;
}

/** Splits a long plain scalar at spaces onto continuation lines, as PyYAML does past its width. */
function wrapPlain(first, value, pad) {
  if (first.length + value.length <= WIDTH || value.startsWith("'") || !value.includes(' ')) return [first + value];
  const lines = [];
  let line = first;
  let started = false;
  for (const word of value.split(' ')) {
    if (started && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = pad + word;
    } else line += (started ? ' ' : '') + word;
    started = true;
  }
  lines.push(line);
  return lines;
}

/**
 * A block-style writer: `scalar` formats scalars and keys, `sort` orders keys, `anchors`
 * writes repeated lists once, `indentless` puts a list's dashes under its key, `block`
 * writes these keys' text as `|` block scalars.
 */
function blockDump(doc, { scalar = pyScalar, key = (k) => k, sort = false, anchors = false, indentless = true, block = new Set() }) {
  const seen = new Map();
  const repeated = new Set();
  if (anchors) {
    const count = (v) => {
      if (Array.isArray(v)) {
        if (v.length > 1 && v.every((x) => typeof x !== 'object' || x === null)) {
          const id = JSON.stringify(v);
          if (seen.has(id)) repeated.add(id);
          seen.set(id, null);
        }
        v.forEach(count);
      } else if (v && typeof v === 'object') Object.values(v).forEach(count);
    };
    count(doc);
  }
  const named = new Map();
  const out = [];
  const props = (v) => {
    if (!anchors || !Array.isArray(v)) return { alias: null, anchor: '' };
    const id = JSON.stringify(v);
    if (!repeated.has(id)) return { alias: null, anchor: '' };
    if (named.has(id)) return { alias: `*${named.get(id)}`, anchor: '' };
    const name = `id${String(named.size + 1).padStart(3, '0')}`;
    named.set(id, name);
    return { alias: null, anchor: ` &${name}` };
  };
  const keysOf = (o) => (sort ? Object.keys(o).sort() : Object.keys(o));
  const mapping = (o, pad, firstPrefix) => {
    let prefix = firstPrefix;
    for (const k of keysOf(o)) {
      const v = o[k];
      const head = `${prefix}${key(k)}:`;
      prefix = pad;
      if (Array.isArray(v) && v.length > 0) {
        const { alias, anchor } = props(v);
        if (alias) out.push(`${head} ${alias}`);
        else {
          out.push(head + anchor);
          list(v, indentless ? pad : `${pad}  `);
        }
      } else if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0) {
        out.push(head);
        mapping(v, `${pad}  `, `${pad}  `);
      } else if (Array.isArray(v)) out.push(`${head} []`);
      else if (v && typeof v === 'object') out.push(`${head} {}`);
      else if (block.has(k) && typeof v === 'string') {
        out.push(`${head} |`);
        for (const line of v.split('\n')) out.push(`${pad}  ${line}`);
      } else out.push(...wrapPlain(`${head} `, scalar(v), `${pad}  `));
    }
  };
  const list = (items, pad) => {
    for (const v of items) {
      if (v && typeof v === 'object' && !Array.isArray(v)) mapping(v, `${pad}  `, `${pad}- `);
      else out.push(...wrapPlain(`${pad}- `, scalar(v), `${pad}  `));
    }
  };
  mapping(doc, '', '');
  return `${out.join('\n')}\n`;
}

/** A flow collection written on as few lines as fit in WIDTH columns, breaking after commas. */
function flowWrapped(value, first, pad) {
  const tokens = [];
  const walk = (v) => {
    if (Array.isArray(v)) {
      tokens.push('[');
      v.forEach((x, i) => {
        walk(x);
        if (i < v.length - 1) tokens.push(', ');
      });
      tokens.push(']');
    } else if (v && typeof v === 'object') {
      tokens.push('{');
      const keys = Object.keys(v).sort();
      keys.forEach((k, i) => {
        tokens.push(`${k}: `);
        walk(v[k]);
        if (i < keys.length - 1) tokens.push(', ');
      });
      tokens.push('}');
    } else tokens.push(pyScalar(v));
  };
  walk(value);
  const lines = [];
  let line = first;
  for (const token of tokens) {
    if (token === ', ' && line.length > WIDTH - 12) {
      lines.push(`${line},`);
      line = pad;
      continue;
    }
    line += token;
  }
  lines.push(line);
  return lines;
}

const LABELS = {
  'general-meeting': '支部党员大会', 'committee-meeting': '支部委员会会议', 'group-meeting': '党小组会', 'party-lecture': '党课', 'theme-day': '主题党日',
  'life-meeting': '组织生活会', 'democratic-review': '民主评议党员', 'heart-to-heart': '谈心谈话', training: '集中学习培训', election: '换届选举',
  'probation-review': '预备党员转正讨论', other: '其他',
};
const FORM_LABELS = { study: '专题学习', discussion: '研究讨论', 'problem-solving': '解决党员具体问题', ideological: '思想政治工作', excellence: '创先争优', volunteer: '志愿服务', 'red-education': '红色教育基地参观学习', entertainment: '娱乐', other: '其他' };
const STATUS_LABELS = { full: '正式党员', probationary: '预备党员' };

/** Minutes of several lines (a sentence a line), for block scalars. */
function minutesLines(doc) {
  for (const a of doc.activities ?? []) {
    if (typeof a.minutes === 'string') a.minutes = `${a.topic ?? '会议'}。\n${a.minutes.replaceAll('，', '，\n')}\n出席：${(a.attendees ?? []).join('、')}`;
  }
  return doc;
}

/** Per style: the generator's texts → the styled files ({ name, text }). */
export const styles = {
  generator: (files) => files,
  'python-anchors': (files) => files.map(({ name, text }) => ({ name, text: blockDump(parse(text), { sort: true, anchors: true }) })),
  'python-expanded': (files) => files.map(({ name, text }) => ({ name, text: blockDump(parse(text), { sort: true }) })),
  'flow-80': (files) =>
    files.map(({ name, text }) => {
      const doc = parse(text);
      if (!doc.activities) return { name, text };
      const activities = doc.activities;
      delete doc.activities;
      const lines = ['activities:'];
      for (const a of activities) lines.push(...flowWrapped(a, '- ', '  '));
      return { name, text: `${blockDump(doc, { sort: true })}${lines.join('\n')}\n` };
    }),
  quoted: (files) => files.map(({ name, text }) => ({ name, text: blockDump(parse(text), { scalar: (v) => (typeof v === 'string' ? JSON.stringify(v) : String(v)), key: (k) => JSON.stringify(k), indentless: false }) })),
  'block-minutes': (files) => files.map(({ name, text }) => ({ name, text: blockDump(minutesLines(parse(text)), { indentless: false, block: new Set(['minutes']) }) })),
  crlf: (files) =>
    files.map(({ name, text }) => {
      let n = 0;
      const lines = text.split('\n').map((line) => {
        if (/^[a-z]/.test(line)) return `# ${line.split(':')[0]}\n${line}`;
        if (/^ {2}- type: /.test(line) && n++ % 3 === 0) return `${line}  # 已核对`;
        return line;
      });
      return { name, text: `\ufeff# 导出自党建平台\n${lines.join('\n').replaceAll('\n', '\r\n')}` };
    }),
  'chinese-labels': (files) =>
    files.map(({ name, text }) => ({
      name,
      text: text
        .replace(/^( {2}- type| {4}type): ([a-z-]+)$/gm, (all, head, token) => (LABELS[token] ? `${head}: ${LABELS[token]}` : all))
        .replace(/^( {4}form): ([a-z-]+)$/gm, (all, head, token) => (FORM_LABELS[token] ? `${head}: ${FORM_LABELS[token]}` : all))
        .replace(/^( {4}status): (full|probationary)$/gm, (_all, head, token) => `${head}: ${STATUS_LABELS[token]}`),
    })),
  'ten-per-file': (files) => {
    const out = [];
    const branches = files.filter((f) => f.name !== 'organization.yaml');
    for (let i = 0; i < branches.length; i += 10) {
      out.push({ name: `batch-${String(i / 10 + 1).padStart(4, '0')}.yaml`, text: branches.slice(i, i + 10).map((f) => f.text).join('---\n') });
    }
    return [...out, ...files.filter((f) => f.name === 'organization.yaml')];
  },
  'json-indent': (files) => files.map(({ name, text }) => ({ name, text: `${JSON.stringify(parse(text), null, 2)}\n` })),
  'json-line': (files) => files.map(({ name, text }) => ({ name, text: JSON.stringify(parse(text)) })),
  errors: (files) =>
    files.slice(0, 50).map(({ name, text }) => {
      let n = 0;
      return { name, text: text.replace(/^( {4}date): (\d{4})-\d{2}-\d{2}$/gm, (all, head, year) => (n++ < 20 ? `${head}: ${year}-02-30` : all)) };
    }),
  'errors-clean': (files) => files.slice(0, 50),
};

/** Writes one styled corpus of `branches` branch-years into `dir` (emptied first). */
export function writeStyledCorpus(style, dir, branches) {
  const write = styles[style];
  if (!write) throw new Error(`unknown style ${style}; known: ${Object.keys(styles).join(', ')}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  const files = write([...corpusTexts({ branches })]);
  for (const { name, text } of files) {
    writeFileSync(join(dir, name), text);
    bytes += Buffer.byteLength(text);
  }
  return { files: files.length, bytes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [style, dir, n] = process.argv.slice(2);
  if (!style || !dir || !/^\d+$/.test(n ?? '')) {
    console.error('usage: node scripts/corpus-styles.mjs STYLE DIR N');
    process.exitCode = 2;
  } else console.log(writeStyledCorpus(style, dir, Number(n)));
}
