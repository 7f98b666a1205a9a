/** Interface strings in Simplified Chinese and English. Pure: used by every UI surface. */
export type Lang = 'zh' | 'en';

const TEXT = {
  close: { zh: '关闭', en: 'Close' },
  items: { zh: '具体内容', en: 'Items' },
  itemsNotStated: { zh: '具体内容未见于可查来源，此处不列。', en: 'No source in hand states its items, so none are listed.' },
  explanation: { zh: '解释', en: 'Explanation' },
  showEnglish: { zh: 'English', en: 'English' },
  showChinese: { zh: '中文', en: '中文' },
  english: { zh: '英文译法', en: 'English renderings' },
  related: { zh: '相关提法', en: 'Related terms' },
  example: { zh: '讲话用例', en: 'From a speech' },
  notes: { zh: '更正与说明', en: 'Corrections and notes' },
  origin: { zh: '提出', en: 'First put forward' },
  sources: { zh: '出处', en: 'Sources' },
  save: { zh: '加入生词本', en: 'Save to vocabulary' },
  saved: { zh: '已加入生词本', en: 'Saved' },
  copy: { zh: '复制', en: 'Copy' },
  copied: { zh: '已复制', en: 'Copied' },
  loading: { zh: '加载中…', en: 'Loading…' },
  notFound: { zh: '未找到该条目', en: 'Entry not found' },
  termCard: { zh: '提法解释', en: 'Term explanation' },
  search: { zh: '搜索提法（汉字、拼音、首字母或英文）', en: 'Search terms (hanzi, pinyin, initials or English)' },
  onThisPage: { zh: '本页提法', en: 'On this page' },
  noTermsOnPage: { zh: '本页未发现提法', en: 'No terms found on this page' },
  highlightPage: { zh: '高亮本页', en: 'Highlight this page' },
  unhighlightPage: { zh: '取消高亮', en: 'Remove highlights' },
  thisSite: { zh: '本站', en: 'This site' },
  siteDefault: { zh: '按默认', en: 'Default' },
  siteAlways: { zh: '总是高亮', en: 'Always' },
  siteNever: { zh: '从不高亮', en: 'Never' },
  mode: { zh: '高亮方式', en: 'Highlight mode' },
  modeSpeech: { zh: '讲话页面自动高亮', en: 'Speech pages automatically' },
  modeAll: { zh: '所有页面', en: 'Every page' },
  modeClick: { zh: '仅在点击时', en: 'Only on click' },
  noResults: { zh: '没有找到匹配的提法', en: 'No matching term' },
  speechPage: { zh: '讲话/公文页面', en: 'Speech page' },
  options: { zh: '设置与词表', en: 'Settings and glossary' },
  glossary: { zh: '词表', en: 'Glossary' },
  settings: { zh: '设置', en: 'Settings' },
  vocabulary: { zh: '生词本', en: 'Vocabulary' },
  entries: { zh: '条', en: 'entries' },
  level: { zh: '层级', en: 'Level' },
  category: { zh: '类别', en: 'Category' },
  evidence: { zh: '依据', en: 'Evidence' },
  all: { zh: '全部', en: 'All' },
} as const;

export type TextKey = keyof typeof TEXT;

export function t(lang: Lang, key: TextKey): string {
  return TEXT[key][lang];
}

/** The interface language: the setting, or the browser's language. */
export function resolveLang(setting: 'auto' | Lang, browserLanguage: string): Lang {
  if (setting !== 'auto') return setting;
  return browserLanguage.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
