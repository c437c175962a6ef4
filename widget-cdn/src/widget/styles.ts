/**
 * The widget's whole stylesheet, injected into its shadow root: nothing here reaches the host
 * page, and `:host { all: initial }` keeps the page's inherited styles out. The theme comes
 * from custom properties set on `.chatiq-root` (`--chatiq-color`, `--chatiq-on-color`).
 */
export const WIDGET_CSS = `
:host { all: initial; }
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }

.chatiq-root {
  --chatiq-color: #6366F1;
  --chatiq-on-color: #ffffff;
  --chatiq-bg: #ffffff;
  --chatiq-text: #111827;
  --chatiq-muted: #6b7280;
  --chatiq-surface: #f3f4f6;
  --chatiq-border: #e5e7eb;
  --chatiq-danger: #b91c1c;
  --chatiq-gap: 20px;
  --chatiq-launcher: 56px;
  --chatiq-panel-width: 370px;
  --chatiq-panel-height: 540px;
  position: fixed;
  bottom: var(--chatiq-gap);
  right: var(--chatiq-gap);
  z-index: 2147483000;
  display: flex;
  flex-direction: column;
  align-items: flex-end;
  gap: 12px;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--chatiq-text);
  -webkit-font-smoothing: antialiased;
}
.chatiq-position-left { right: auto; left: var(--chatiq-gap); align-items: flex-start; }
.chatiq-size-compact { --chatiq-launcher: 48px; --chatiq-panel-width: 320px; --chatiq-panel-height: 440px; }
.chatiq-size-large { --chatiq-launcher: 60px; --chatiq-panel-width: 420px; --chatiq-panel-height: 640px; }

button { font: inherit; color: inherit; cursor: pointer; }
button:focus-visible, textarea:focus-visible { outline: 2px solid var(--chatiq-color); outline-offset: 2px; }
svg { fill: none; stroke: currentColor; stroke-width: 2; stroke-linecap: round; stroke-linejoin: round; }

.chatiq-launcher {
  position: relative;
  width: var(--chatiq-launcher);
  height: var(--chatiq-launcher);
  border: 0;
  border-radius: 50%;
  background: var(--chatiq-color);
  color: var(--chatiq-on-color);
  display: grid;
  place-items: center;
  box-shadow: 0 6px 20px rgba(17, 24, 39, 0.25);
  transition: transform 0.15s ease;
}
.chatiq-launcher:hover { transform: scale(1.05); }
.chatiq-launcher svg { width: 28px; height: 28px; }
.chatiq-launcher .chatiq-icon-close { display: none; }
.chatiq-open .chatiq-launcher .chatiq-icon-chat { display: none; }
.chatiq-open .chatiq-launcher .chatiq-icon-close { display: block; }

.chatiq-badge {
  position: absolute;
  top: -4px;
  right: -4px;
  min-width: 20px;
  height: 20px;
  padding: 0 6px;
  border-radius: 10px;
  background: #ef4444;
  color: #ffffff;
  font-size: 12px;
  font-weight: 600;
  line-height: 20px;
  text-align: center;
  box-shadow: 0 0 0 2px #ffffff;
}

.chatiq-panel {
  width: min(var(--chatiq-panel-width), calc(100vw - 2 * var(--chatiq-gap)));
  height: min(var(--chatiq-panel-height), calc(100vh - var(--chatiq-launcher) - 3 * var(--chatiq-gap)));
  display: flex;
  flex-direction: column;
  overflow: hidden;
  border-radius: 16px;
  background: var(--chatiq-bg);
  box-shadow: 0 12px 40px rgba(17, 24, 39, 0.22);
}

.chatiq-header {
  display: flex;
  align-items: center;
  gap: 8px;
  padding: 14px 12px 14px 18px;
  background: var(--chatiq-color);
  color: var(--chatiq-on-color);
}
.chatiq-title { flex: 1; margin: 0; font-size: 16px; font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.chatiq-close { width: 32px; height: 32px; border: 0; border-radius: 8px; background: transparent; display: grid; place-items: center; }
.chatiq-close:hover { background: rgba(255, 255, 255, 0.16); }
.chatiq-close svg { width: 20px; height: 20px; }

.chatiq-banner { padding: 8px 14px; font-size: 13px; background: #fef3c7; color: #92400e; }
.chatiq-banner[data-tone="error"] { background: #fee2e2; color: var(--chatiq-danger); }

.chatiq-messages {
  flex: 1;
  overflow-y: auto;
  overscroll-behavior: contain;
  padding: 16px 14px;
  display: flex;
  flex-direction: column;
  gap: 8px;
}
.chatiq-greeting { margin: 0 0 4px; color: var(--chatiq-muted); }

.chatiq-msg { max-width: 82%; display: flex; flex-direction: column; align-self: flex-start; }
.chatiq-msg[data-author="visitor"] { align-self: flex-end; align-items: flex-end; }
.chatiq-msg[data-author="system"] { align-self: center; max-width: 100%; }
.chatiq-msg[data-author-name]::before {
  content: attr(data-author-name);
  font-size: 12px;
  color: var(--chatiq-muted);
  margin: 0 4px 2px;
}
.chatiq-msg-text {
  padding: 8px 12px;
  border-radius: 14px;
  background: var(--chatiq-surface);
  white-space: pre-wrap;
  overflow-wrap: anywhere;
}
.chatiq-msg[data-author="visitor"] .chatiq-msg-text { background: var(--chatiq-color); color: var(--chatiq-on-color); }
.chatiq-msg[data-author="system"] .chatiq-msg-text { background: transparent; color: var(--chatiq-muted); font-size: 13px; text-align: center; }
.chatiq-msg[data-status="pending"] .chatiq-msg-text { opacity: 0.6; }
.chatiq-msg[data-status="failed"] .chatiq-msg-text { opacity: 0.6; }
.chatiq-msg[data-seen]::after {
  content: "✓ " attr(data-seen);
  font-size: 11px;
  color: var(--chatiq-muted);
  margin: 2px 4px 0;
}
.chatiq-status { padding: 0 14px 6px; font-size: 12px; color: var(--chatiq-muted); }
.chatiq-typing { margin: 0; font-style: italic; }
.chatiq-closed { margin: 0; padding: 6px 0 0; border-top: 1px dashed var(--chatiq-border); text-align: center; }
.chatiq-retry {
  margin: 2px 4px 0;
  padding: 0;
  border: 0;
  background: none;
  color: var(--chatiq-danger);
  font-size: 12px;
  text-decoration: underline;
}

.chatiq-composer {
  display: flex;
  align-items: flex-end;
  gap: 8px;
  margin: 0;
  padding: 10px 12px;
  border-top: 1px solid var(--chatiq-border);
}
.chatiq-input {
  flex: 1;
  min-height: 40px;
  max-height: 120px;
  margin: 0;
  padding: 9px 12px;
  border: 1px solid var(--chatiq-border);
  border-radius: 12px;
  background: var(--chatiq-bg);
  color: var(--chatiq-text);
  font: inherit;
  resize: none;
}
.chatiq-input:disabled { background: var(--chatiq-surface); }
.chatiq-send {
  flex: none;
  width: 40px;
  height: 40px;
  border: 0;
  border-radius: 12px;
  background: var(--chatiq-color);
  color: var(--chatiq-on-color);
  display: grid;
  place-items: center;
}
.chatiq-send:disabled { opacity: 0.5; cursor: default; }
.chatiq-send svg { width: 20px; height: 20px; }

.chatiq-sr-only {
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
}

@media (max-width: 480px) {
  .chatiq-open { inset: 0; gap: 0; }
  .chatiq-open .chatiq-panel { width: 100%; height: 100%; border-radius: 0; }
  .chatiq-open .chatiq-launcher { display: none; }
  .chatiq-input { font-size: 16px; } /* below 16px, iOS zooms the page on focus */
}

@media (prefers-reduced-motion: reduce) {
  .chatiq-launcher { transition: none; }
}
`;
