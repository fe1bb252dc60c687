import * as pagefind from 'pagefind';
const t = performance.now();
const { index } = await pagefind.createIndex({});
const r = await index.addDirectory({ path: process.argv[2] });
const t1 = performance.now();
await index.writeFiles({ outputPath: '/tmp/bench/pf-x' });
console.log(process.argv[2], r.page_count, 'add', Math.round(t1 - t), 'write', Math.round(performance.now() - t1));
await pagefind.close();
