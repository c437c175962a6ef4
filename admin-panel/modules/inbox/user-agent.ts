/** What a browser's User-Agent says about the visitor's device, as far as it can be trusted to. */
export type DeviceInfo = { kind: 'mobile' | 'tablet' | 'desktop'; browser: string | null; os: string | null };

/**
 * A rough reading of a User-Agent string (for the operator, not for decisions): the kind of
 * device, the browser and the operating system. Null when there is no User-Agent.
 */
export function describeUserAgent(ua: string | null | undefined): DeviceInfo | null {
  if (!ua?.trim()) return null;
  const os = /Windows/.test(ua)
    ? 'Windows'
    : /iPhone|iPad|iPod/.test(ua)
      ? 'iOS'
      : /Android/.test(ua)
        ? 'Android'
        : /CrOS/.test(ua)
          ? 'ChromeOS'
          : /Mac OS X|Macintosh/.test(ua)
            ? 'macOS'
            : /Linux/.test(ua)
              ? 'Linux'
              : null;
  // Order matters: Edge and Opera say "Chrome" too, Chrome says "Safari".
  const browser = /Edg(e|A|iOS)?\//.test(ua)
    ? 'Edge'
    : /OPR\/|Opera/.test(ua)
      ? 'Opera'
      : /SamsungBrowser\//.test(ua)
        ? 'Samsung Internet'
        : /Firefox\/|FxiOS\//.test(ua)
          ? 'Firefox'
          : /Chrome\/|CriOS\/|Chromium\//.test(ua)
            ? 'Chrome'
            : /Safari\//.test(ua)
              ? 'Safari'
              : null;
  const kind =
    /iPad|Tablet/.test(ua) || (/Android/.test(ua) && !/Mobile/.test(ua)) ? 'tablet' : /Mobi|iPhone|iPod/.test(ua) ? 'mobile' : 'desktop';
  return { kind, browser, os };
}
