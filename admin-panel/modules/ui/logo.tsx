/**
 * The ChatIQ mark: a speech bubble with a spark, drawn inline (no image or font is fetched). Its
 * colours are the theme's (`--accent`, `--accent-contrast`), so it follows a dark theme too.
 */
export function Logo({ withName = true }: { withName?: boolean }) {
  return (
    <span className="logo" translate="no">
      <svg className="logo-mark" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" focusable="false">
        <path
          className="logo-bubble"
          d="M16 3C8.3 3 2 8.4 2 15c0 3.3 1.5 6.2 4 8.4L4.7 29l6.2-3.1c1.6.5 3.3.8 5.1.8 7.7 0 14-5.4 14-12S23.7 3 16 3z"
        />
        <path className="logo-spark" d="M16 8.5l1.7 4.3 4.3 1.7-4.3 1.7-1.7 4.3-1.7-4.3-4.3-1.7 4.3-1.7z" />
      </svg>
      {withName && <span className="logo-name">ChatIQ</span>}
    </span>
  );
}
