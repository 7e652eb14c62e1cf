import fs from 'node:fs';
import jsYaml from 'js-yaml';
const dir = '/tmp/c1k'; const files = fs.readdirSync(dir).filter(f=>f.startsWith('pb')).map(f => dir + '/' + f);
const docs = files.map(f => jsYaml.load(fs.readFileSync(f, 'utf8'), { schema: jsYaml.CORE_SCHEMA }));
const time = (name, fn) => { const t = performance.now(); fn(); console.log(name, (performance.now() - t).toFixed(0)); };
const { branchDocument } = await import('/work/main/dist/schema/records.js');
for (let i=0;i<3;i++) time('current', () => { for (const d of docs) branchDocument.safeParse(d); });
