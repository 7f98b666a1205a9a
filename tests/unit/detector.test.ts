import { describe, expect, it } from 'vitest';
import { detectSpeechPage, type PageSignals } from '../../core/detector';

const base: PageSignals = { host: '', title: '', head: '', textLength: 3000, matches: 0, distinctTerms: 0 };

describe('speech page detector', () => {
  it('recognises a congress closing speech on a government host, with readable reasons', () => {
    const d = detectSpeechPage({
      ...base,
      host: 'www.hengyang.gov.cn',
      title: '在衡阳市第十六届人民代表大会第一次会议闭幕式上的讲话',
      head: '在衡阳市第十六届人民代表大会第一次会议闭幕式上的讲话\n朱健\n（2022年1月2日）\n各位代表，同志们：\n',
      matches: 12,
      distinctTerms: 6,
    });
    expect(d.speech).toBe(true);
    expect(d.reasons.join(' ')).toMatch(/government host/);
    expect(d.reasons.join(' ')).toMatch(/salutation/);
  });
  it('works on traditional characters', () => {
    const d = detectSpeechPage({ ...base, title: '在市人民代表大會第二次會議閉幕會上的講話', head: '各位代表、同志們：\n' });
    expect(d.speech).toBe(true);
  });
  it('rejects a company annual-meeting speech even with salutations and slogans', () => {
    const d = detectSpeechPage({
      ...base,
      title: '董事长在集团2023年年会上的讲话',
      head: '各位同事、同志们：\n过去一年，集团营收再创新高，全体员工们辛苦了。我们要坚持高质量发展，服务好客户。',
      matches: 2,
      distinctTerms: 1,
    });
    expect(d.speech).toBe(false);
  });
  it('rejects a Japanese page', () => {
    const d = detectSpeechPage({ ...base, title: '中国共産党の全体会議について', head: '中国共産党は、北京で全体会議を開き、習近平総書記が演説を行った。これについて専門家は次のように述べている。' });
    expect(d.speech).toBe(false);
    expect(d.reasons[0]).toMatch(/Japanese/);
  });
  it('rejects a news report about a speech', () => {
    const d = detectSpeechPage({
      ...base,
      host: 'www.xinhuanet.com',
      title: '习近平在中央经济工作会议上发表重要讲话',
      head: '新华社北京12月12日电 中央经济工作会议11日至12日在北京举行。会议强调，要坚持稳中求进工作总基调……（记者 张三）',
      matches: 6,
      distinctTerms: 4,
    });
    expect(d.speech).toBe(false);
  });
});
