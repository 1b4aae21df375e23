// The notification that carries the daily brief through the receivers: subject and plain-text body with the TLP
// marking, the bottom line in each language sent, the attachments and the links to the brief in the API. Pure.
import { buildBriefContent, type BriefInput } from './brief-content.js';
import { HEADINGS, levelWord, packName, type BriefLang } from './brief-language.js';
import { bottomLine } from './brief-sentences.js';
import { tlpLabel } from './render-brief-html.js';

export interface BriefLink {
  label: string;
  url: string;
}

/** `[TLP:AMBER] Daily warning brief · Taiwan Strait · 2024-05-23 · ALERT`, the state first when it is not ok. */
export function briefSubject(input: BriefInput): string {
  const a = input.today;
  const state = a.knowledge.state === 'ok' ? '' : `knowledge ${a.knowledge.state.toUpperCase()}, `;
  return `[${tlpLabel(input.provenance.tlp)}] ${HEADINGS.en.title} · ${input.pack.name} · ${a.day} · ${state}${levelWord('en', a.level)}`;
}

/** File name of one rendering of the brief, e.g. `brief-taiwan-strait-2024-05-23-zh.pdf`. */
export function briefFileName(packId: string, day: string, lang: BriefLang, format: 'html' | 'pdf'): string {
  return `brief-${packId}-${day}-${lang}.${format}`;
}

export function renderBriefNotificationText(
  input: BriefInput,
  langs: readonly BriefLang[],
  attachments: readonly string[],
  links: readonly BriefLink[],
): string {
  const c = buildBriefContent(input);
  const tlp = tlpLabel(input.provenance.tlp);
  const day = input.today.day;
  const sections = langs.map((lang) => {
    const h = HEADINGS[lang];
    return [`${h.title} · ${packName(lang, input.pack)} · ${day}`, h.machine, '', bottomLine(lang, c)].join('\n');
  });
  const out = [tlp, '', sections.join('\n\n'), ''];
  if (attachments.length > 0) out.push(`Attached: ${attachments.join(', ')}`);
  if (links.length > 0)
    out.push(
      'In Vigil (sign in or use an API token; each reader is given the brief their TLP clearance allows):',
      ...links.map((l) => `  ${l.label.padEnd(12)} ${l.url}`),
    );
  out.push(
    '',
    `${input.pack.id}@${input.pack.version}, as known at ${input.today.asOf}, generated ${input.generatedAt}`,
    tlp,
  );
  return `${out.join('\n')}\n`;
}
