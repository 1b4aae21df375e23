// Reads one MFA spokesperson article page (www.mfa.gov.cn …/fyrbt_674889/<yyyymm>/t<yyyymmdd>_<id>.shtml): its title,
// its time stamp (Beijing time) and its paragraphs (#News_Body_Txt_A). Two layouts: to 2021 the title is
// #News_Body_Title and the time #News_Body_Time; from 2021 the title is the <h1> and the time <p class="time"><span>
// inside .news-title.

export interface MfaArticle {
  title: string;
  /** "YYYY-MM-DD HH:MM", Beijing time (+08:00). */
  publishTime: string;
  paragraphs: string[];
  kind: 'press-conference' | 'statement';
}

/** What is wrong with a page, with the field named and the HTML marker to point the line number at. */
export class MfaPageProblem extends Error {
  constructor(
    readonly field: string,
    readonly anchor: string,
    message: string,
  ) {
    super(message);
  }
}

export function readMfaArticle(html: string): MfaArticle {
  const newLayout = /class="news-title"/.test(html);
  const title = textOf(
    (newLayout
      ? /class="news-title"[^>]*>\s*<h1[^>]*>([\s\S]*?)<\/h1>/i
      : /id="News_Body_Title"[^>]*>([\s\S]*?)<\/div>/i
    ).exec(html)?.[1] ?? '',
  );
  if (title === '')
    throw new MfaPageProblem(
      'title',
      '<body',
      'has no article title (id="News_Body_Title", or an <h1> in class="news-title")',
    );
  const time = textOf(
    (newLayout
      ? /class="time"[^>]*>\s*<span[^>]*>([\s\S]*?)<\/span>/i
      : /id="News_Body_Time"[^>]*>([\s\S]*?)<\/span>/i
    ).exec(html)?.[1] ?? '',
  );
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(time);
  if (!m)
    throw new MfaPageProblem(
      'time',
      newLayout ? 'class="time"' : 'News_Body_Time',
      `has no time stamp "YYYY-MM-DD HH:MM", got ${JSON.stringify(time)}`,
    );
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  const t = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== date || Number(m[4]) > 23 || Number(m[5]) > 59) {
    throw new MfaPageProblem('time', 'News_Body_Time', `names an impossible time ${JSON.stringify(time)}`);
  }
  const start = html.search(/id="News_Body_Txt_A"/i);
  if (start < 0) throw new MfaPageProblem('body', '<body', 'has no article body (id="News_Body_Txt_A")');
  // The body runs to the attachments/related-news blocks that follow it.
  const rest = html.slice(start);
  const end = rest.search(/id="appendix_list"|id="relnews_list"/i);
  const body = end < 0 ? rest : rest.slice(0, end);
  const paragraphs = [...body.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/gi)].map((p) => textOf(p[1])).filter((p) => p !== '');
  if (paragraphs.length === 0) throw new MfaPageProblem('body', 'News_Body_Txt_A', 'has an empty article body');
  return { title, publishTime: time, paragraphs, kind: /例行记者会/.test(title) ? 'press-conference' : 'statement' };
}

/** Tags removed, character references decoded, ideographic and other spaces collapsed. */
function textOf(html: string): string {
  return decode(html.replace(/<script[\s\S]*?<\/script>/gi, ' ').replace(/<[^>]+>/g, ' '))
    .replace(/[\s\u3000\u00a0]+/g, ' ')
    .trim();
}

function decode(s: string): string {
  const named: Record<string, string> = {
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'",
    nbsp: ' ',
    ldquo: '“',
    rdquo: '”',
    middot: '·',
  };
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return named[e.toLowerCase()] ?? all;
  });
}
