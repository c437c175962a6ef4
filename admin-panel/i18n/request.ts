import { isTimeZone } from '@chatiq/contracts';
import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { loadMessages } from './load-messages';
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, TIME_ZONE_COOKIE } from './locales';

// The language comes from the switcher's cookie, else from the browser; URLs carry no locale.
// Times are shown in the browser's time zone, which the shell stores in a cookie (UTC until then),
// so the server and the browser render dates alike.
export default getRequestConfig(async () => {
  const store = await cookies();
  const chosen = store.get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : localeFromAcceptLanguage((await headers()).get('accept-language'));
  const zone = store.get(TIME_ZONE_COOKIE)?.value;
  return { locale, messages: await loadMessages(locale), timeZone: zone && isTimeZone(zone) ? zone : 'UTC' };
});
