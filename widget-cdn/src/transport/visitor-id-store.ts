/** Where the visitor's id lives between visits. Written only after the first successful join. */
export const VISITOR_ID_KEY = 'chatiq_visitor_id';

/** The contract's id limit (`idSchema`); anything else in storage is not ours to send. */
const MAX_ID_LENGTH = 64;

export interface VisitorIdStore {
  read(): string | null;
  write(visitorId: string): void;
}

/**
 * localStorage, with a fallback to memory for this page when storage is blocked (Safari private
 * mode, sandboxed iframes, strict cookie settings): the chat still works, it is just not
 * remembered on the next visit.
 */
export function browserVisitorIdStore(): VisitorIdStore {
  let remembered: string | null = null;
  return {
    read() {
      try {
        const stored = window.localStorage.getItem(VISITOR_ID_KEY);
        if (stored && stored.length <= MAX_ID_LENGTH) return stored;
      } catch {
        // storage blocked: use the in-memory id
      }
      return remembered;
    },
    write(visitorId) {
      remembered = visitorId;
      try {
        window.localStorage.setItem(VISITOR_ID_KEY, visitorId);
      } catch {
        // storage blocked or full: the id lives as long as this page
      }
    },
  };
}
