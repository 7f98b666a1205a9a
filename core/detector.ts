/**
 * Is this a government speech or official document page? A score from weighted signals, with
 * readable reasons. Works on simplified and traditional characters. Pure: takes plain data.
 */

export interface PageSignals {
  host: string;
  title: string;
  /** The start of the visible text (first few thousand characters) for title, salutation and date lines. */
  head: string;
  /** Characters of visible text on the page. */
  textLength: number;
  /** Glossary term occurrences on the page. */
  matches: number;
  /** Distinct glossary entries found. */
  distinctTerms: number;
}

export interface Detection {
  speech: boolean;
  score: number;
  reasons: string[];
}

export const SPEECH_THRESHOLD = 4;

// Mainland government sites, and the SAR governments', whose speeches use the same formulas.
const GOV_HOST = /(^|\.)gov\.(cn|hk|mo)$/;
const OFFICIAL_MEDIA_HOST =
  /(^|\.)(people\.com\.cn|xinhuanet\.com|news\.cn|qstheory\.cn|12371\.cn|ccdi\.gov\.cn|npc\.gov\.cn|cpcnews\.cn|gmw\.cn|cctv\.com|chinadaily\.com\.cn|youth\.cn|ce\.cn|cnr\.cn)$/;

// Simplified and traditional forms side by side: 讲/講 话/話 会/會 议/議 开/開 闭/閉 决/決 报/報 志/誌.
// A title ends at the site's name after a separator (" - 新华网", "_科学技术部", "｜文匯網").
const SPEECH_TITLE =
  /(在.{1,60}(会|會)(议|議)?上的(讲|講)(话|話))|((讲|講)(话|話)|致辞|致辭|(贺|賀)(词|詞)|(讲|講)稿)(\s|$|[（(\-_|｜—–·:：])|((闭|閉)幕|(开|開)幕)(式|会|會)?上?的?(讲|講)(话|話)/;
const DOCUMENT_TITLE = /(政府工作(报|報)告|工作(报|報)告|施政(报|報)告|(决|決)(议|議)|公(报|報)|全(会|會)|(决|決)定|意(见|見)|通知|(规|規)划|(办|辦)法|条例|條例|方案|(实|實)施(细|細)(则|則))/;
const SALUTATION = /(各位代表|各位委(员|員)|各位(议|議)(员|員)|同志(们|們)|同誌們)[，,、：:！!]/;
// A full text republished by a news site says so; its dateline (新华社北京…电) is then no sign of a report.
const FULL_TEXT = /全文/;
// Routine service notices on government sites: office hours, holidays, how-to guides.
const SERVICE_NOTICE = /(办公时间|辦公時間|放假|(办|辦)事指南|服(务|務)指南|咨(询|詢)(电|電)(话|話)|(预|預)(约|約)(办|辦)理|(窗|窓)口)/g;
const DATE_LINE = /[（(]\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[)）]/;
const OFFICIAL_BODY = /(人民代表大(会|會)|人大常委(会|會)|市委|省委|(县|縣)委|区委|區委|人民政府|政(协|協)|(纪|紀)委|(监|監)委|党委|黨委|国务院|國務院|中共中央)/;

// Hard negatives: the register of a company, a school, a report about a speech, Japanese.
const COMPANY = /(董事(长|長)|股(东|東)|(集团|集團)年(会|會)|公司年(会|會)|各位同事|(员|員)工(们|們)|客(户|戶)|(业|業)(绩|績)|(营|營)收)/g;
const SCHOOL = /(开学典礼|開學典禮|毕业典礼|畢業典禮|同学(们|們)|同學們|老(师|師)(们|們)|校(长|長)|新生)/g;
const NEWS_REPORT = /(记者|記者|本(报|報)(讯|訊)|本网(讯|訊)|本網訊|新(华|華)社|(电|電)\s*[（(]|(报|報)道|通(讯|訊)(员|員))/g;
const WEDDING = /(新郎|新娘|婚礼|婚禮)/g;
const KANA = /[\u3040-\u30ff]/g;

function count(re: RegExp, s: string): number {
  return s.match(re)?.length ?? 0;
}

export function detectSpeechPage(p: PageSignals): Detection {
  let score = 0;
  const reasons: string[] = [];
  const add = (points: number, reason: string) => {
    score += points;
    reasons.push(`${points > 0 ? '+' : ''}${points} ${reason}`);
  };
  const host = p.host.toLowerCase();
  const title = p.title.replace(/\s+/g, '');
  const head = p.head;
  const opening = head.slice(0, 400);

  const kana = count(KANA, head);
  if (kana >= 10 && kana / Math.max(1, head.length) > 0.03) {
    add(-10, `Japanese text (${kana} kana)`);
  }

  if (GOV_HOST.test(host)) add(2, `government host ${host}`);
  else if (OFFICIAL_MEDIA_HOST.test(host)) add(1, `official media host ${host}`);

  const titleLine = title + '\n' + opening.replace(/\s+/g, '').slice(0, 120);
  if (SPEECH_TITLE.test(titleLine)) add(3, 'speech title (讲话/致辞)');
  else if (DOCUMENT_TITLE.test(titleLine)) add(2.5, 'official document title (报告/决议/公报/意见…)');

  if (SALUTATION.test(head.slice(0, 1500))) add(2, 'salutation (各位代表/同志们)');
  if (DATE_LINE.test(opening)) add(1, 'date line （YYYY年M月D日）');
  if (OFFICIAL_BODY.test(head)) add(1, 'names an official body (人大/市委/人民政府…)');

  const density = p.textLength > 0 ? (p.matches * 1000) / p.textLength : 0;
  const dense = density >= 2 && p.distinctTerms >= 3;
  if (density >= 8 && p.distinctTerms >= 5) add(3, `term density ${density.toFixed(1)}/1000 chars, ${p.distinctTerms} terms`);
  else if (dense) add(2, `term density ${density.toFixed(1)}/1000 chars, ${p.distinctTerms} terms`);
  else if (density >= 0.5 && p.distinctTerms >= 2) add(1, `term density ${density.toFixed(1)}/1000 chars, ${p.distinctTerms} terms`);

  const company = count(COMPANY, head);
  if (company >= 2) add(-4, `company register (${company} cues: 董事长/员工/业绩…)`);
  const school = count(SCHOOL, head);
  // An official addressing students is still an official: dense political vocabulary halves the penalty.
  if (school >= 2) add(dense ? -2 : -4, `school register (${school} cues: 同学们/开学典礼…)${dense ? ', with dense terms' : ''}`);
  const news = count(NEWS_REPORT, head.slice(0, 1500));
  if (news >= 1 && !SALUTATION.test(head.slice(0, 1500)) && !FULL_TEXT.test(title + opening)) add(-3, `news report about events (${news} cues: 记者/本报讯…)`);
  // One cue is often just the site's footer (咨询电话); a notice has it in its title or says it often.
  const service = count(SERVICE_NOTICE, head.slice(0, 1500));
  if (count(SERVICE_NOTICE, title) >= 1 || service >= 3) add(-3, `service notice (${service} cues: 办公时间/办事指南…)`);
  const wedding = count(WEDDING, head);
  if (wedding >= 2) add(-4, 'wedding speech');

  score = Math.round(score * 10) / 10;
  return { speech: score >= SPEECH_THRESHOLD, score, reasons };
}
