/** Room names, in one place. */
export const rooms = {
  /** Admin sockets of OWNERs and ADMINs of an organization: they see every site. */
  organization: (organizationId: string) => `org:${organizationId}`,
  /** Admin sockets of operators assigned to a site. */
  site: (siteId: string) => `site:${siteId}`,
  /** Admin sockets that opened a chat with admin:join. */
  chat: (chatId: string) => `chat:${chatId}`,
  /** Widget sockets of a site's joined visitors (live visitors). */
  siteVisitors: (siteId: string) => `site-visitors:${siteId}`,
  /** Widget sockets of one visitor (every tab). */
  visitor: (visitorId: string) => `visitor:${visitorId}`,
};
