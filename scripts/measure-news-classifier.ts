// Measures the news pattern classifier (src/sources/news-classifier) against the LLM labels of pla-data-dashboard's
// news_classified.json and prints the table quoted in docs/sources.md.
//
//   npx tsx scripts/measure-news-classifier.ts [path/to/news_classified.json]
//
// The labels are another model's judgement, not ground truth, and they answer a broader question ("is this about a
// military exercise", Taiwan's own Han Kuang drills included) than the classifier's four PLA-activity categories. So the
// script reports against two references: the raw label `Military_Exercise`, and that label restricted to articles whose
// LLM-extracted exercise text names the PLA as the actor (and not Taiwan's own drills).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { classifyNews, NEWS_CATEGORIES, type NewsCategory } from '../src/sources/news-classifier/classify-news.js';

interface Item {
  category: string;
  extracted_data?: Record<string, unknown>;
  original_article: { title: string; content?: string; source: string };
}

/** The actor is China / the PLA (incl. MSA closure notices); Taiwan's own Han Kuang drills are not. */
const PLA = /共軍|共機|共艦|中共|解放軍|解放军|東部戰區|东部战区|PLA|共机|共舰|海事局|中國|中国|China/;
const OWN = /漢光|汉光|Han\s*Kuang/i;

const path = resolve(process.argv[2] ?? '../shared/data/pla-data-dashboard/news_classified.json');
const items = JSON.parse(readFileSync(path, 'utf8')) as Item[];

const isLabelled = (i: Item) => i.category === 'Military_Exercise';
const isPlaLabelled = (i: Item) => {
  const extracted = String(i.extracted_data?.Military_exercise ?? '');
  return isLabelled(i) && PLA.test(extracted) && !OWN.test(extracted);
};
const hits = items.map(
  (i) =>
    new Set(classifyNews(`${i.original_article.title}\n${i.original_article.content ?? ''}`).map((m) => m.category)),
);

const pct = (n: number, d: number) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)} %`);
console.log(
  `news_classified.json: ${items.length} items; label Military_Exercise: ${items.filter(isLabelled).length}; of those PLA as actor: ${items.filter(isPlaLabelled).length}\n`,
);
console.log(
  '| category | flagged | of which labelled Military_Exercise | precision (label) | precision (PLA-actor label) |',
);
console.log('|---|---|---|---|---|');
const rows: Array<[string, (k: number) => boolean]> = [
  ...NEWS_CATEGORIES.map((c): [string, (k: number) => boolean] => [c, (k) => hits[k].has(c as NewsCategory)]),
  ['any of the four', (k) => hits[k].size > 0],
];
for (const [name, flagged] of rows) {
  const flaggedIdx = items.map((_, k) => k).filter(flagged);
  const tp = flaggedIdx.filter((k) => isLabelled(items[k])).length;
  const tpPla = flaggedIdx.filter((k) => isPlaLabelled(items[k])).length;
  console.log(
    `| ${name} | ${flaggedIdx.length} | ${tp} | ${pct(tp, flaggedIdx.length)} | ${pct(tpPla, flaggedIdx.length)} |`,
  );
}

console.log('\n| reference | labelled | found by any category | recall |');
console.log('|---|---|---|---|');
for (const [name, labelled] of [
  ['Military_Exercise', isLabelled],
  ['Military_Exercise, PLA as actor', isPlaLabelled],
] as const) {
  const idx = items.map((_, k) => k).filter((k) => labelled(items[k]));
  const found = idx.filter((k) => hits[k].size > 0).length;
  console.log(`| ${name} | ${idx.length} | ${found} | ${pct(found, idx.length)} |`);
}

console.log('\nFlagged items by LLM category (where the disagreements are):');
const byCategory = new Map<string, number>();
hits.forEach((h, k) => {
  if (h.size > 0) byCategory.set(items[k].category, (byCategory.get(items[k].category) ?? 0) + 1);
});
for (const [category, n] of [...byCategory].sort((a, b) => b[1] - a[1])) console.log(`  ${category}: ${n}`);

// How much the context rules (force counts, sea notice, sighting verbs, look-backs) remove from the bare keyword hits.
const BARE: Record<NewsCategory, RegExp> = {
  'named-exercise':
    /聯合利劍|联合利剑|海峽雷霆|海峡雷霆|正義使命|正义使命|joint\s*sword|strait\s*thunder|justice\s*mission/i,
  'readiness-patrol': /戰備警巡|战备警巡|combat[\s-]+readiness\s+patrol/i,
  'live-fire': /實彈射擊|实弹射击|實彈演習|实弹演习|實彈演練|实弹演练|live[\s-]fir/i,
  carrier: /遼寧|辽宁|山東|山东|福建|Liaoning|Shandong|Fujian/i,
};
console.log(
  '\n| category | articles with the bare keyword | kept by the rules | of those labelled Military_Exercise |',
);
console.log('|---|---|---|---|');
for (const category of NEWS_CATEGORIES) {
  const bare = items
    .map((_, k) => k)
    .filter((k) =>
      BARE[category].test(`${items[k].original_article.title}\n${items[k].original_article.content ?? ''}`),
    );
  const kept = bare.filter((k) => hits[k].has(category));
  console.log(`| ${category} | ${bare.length} | ${kept.length} | ${kept.filter((k) => isLabelled(items[k])).length} |`);
}
