import type { Locale } from '@erun/contracts';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface MailContext {
  locale: Locale;
  /** The app's public address, without a trailing slash: every link in a mail starts with it. */
  publicUrl: string;
}

/** A template: the data it needs → the message in the recipient's language. */
export type MailTemplate<D> = (data: D, context: MailContext) => RenderedMail;

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const SIGNATURE: Record<Locale, string> = {
  ko: '이RUN 저RUN 드림',
  en: 'The 이RUN 저RUN team',
};

const NOT_YOU: Record<Locale, string> = {
  ko: '이 메일은 발신 전용입니다.',
  en: 'This mailbox is not monitored.',
};

export interface MailBody {
  subject: string;
  /** Paragraphs of plain text (user-given parts are escaped in the HTML). */
  paragraphs: string[];
  /** The one button of the mail, also written out as a link in the text part. */
  action?: { label: string; url: string };
  /** Said after the action (e.g. "this link is valid for 30 minutes"). */
  after?: string[];
}

/** The house layout: plain text plus simple HTML (one column, one button), both saying the same. */
export function compose(body: MailBody, locale: Locale): RenderedMail {
  const after = body.after ?? [];
  const text = [
    ...body.paragraphs,
    ...(body.action ? [`${body.action.label}: ${body.action.url}`] : []),
    ...after,
    `— ${SIGNATURE[locale]}`,
    NOT_YOU[locale],
  ].join('\n\n');
  const p = (s: string) => `<p style="margin:0 0 16px">${escapeHtml(s)}</p>`;
  const button = body.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(body.action.url)}" style="background:#ff5a1f;color:#fff;` +
      `padding:12px 20px;border-radius:8px;text-decoration:none;font-weight:bold">${escapeHtml(body.action.label)}</a></p>` +
      `<p style="margin:0 0 16px;font-size:13px;color:#666;word-break:break-all">${escapeHtml(body.action.url)}</p>`
    : '';
  const html =
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(body.subject)}</title></head>` +
    `<body style="font-family:sans-serif;line-height:1.6;color:#222;max-width:560px;margin:0 auto;padding:24px">` +
    `<h1 style="font-size:20px;margin:0 0 24px">이RUN 저RUN</h1>` +
    body.paragraphs.map(p).join('') +
    button +
    after.map(p).join('') +
    `<p style="margin:32px 0 0;font-size:13px;color:#666">${escapeHtml(SIGNATURE[locale])}<br>${escapeHtml(NOT_YOU[locale])}</p>` +
    `</body></html>`;
  return { subject: `[이RUN 저RUN] ${body.subject}`, text, html };
}
