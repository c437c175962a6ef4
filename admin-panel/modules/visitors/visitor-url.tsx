import type { ReactNode } from 'react';
import { safeHref } from './safe-href';

/**
 * A URL the visitor reported (page, referrer): a link opening in a new tab when it is http(s),
 * else the same words as plain text. `children` is what is shown (the URL itself by default).
 */
export function VisitorUrl({ url, children, className }: { url: string; children?: ReactNode; className?: string }) {
  const href = safeHref(url);
  const shown = children ?? url;
  if (!href) {
    return (
      <span className={className} title={url} data-unsafe-url="">
        {shown}
      </span>
    );
  }
  return (
    <a className={className} href={href} target="_blank" rel="noopener noreferrer nofollow" title={url}>
      {shown}
    </a>
  );
}
