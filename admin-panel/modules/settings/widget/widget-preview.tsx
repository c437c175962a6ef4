'use client';

import type { EffectiveWidgetSettings } from '@chatiq/contracts';
import { useTranslations } from 'next-intl';
import type { CSSProperties } from 'react';

/**
 * The few widget texts the preview shows, in the widget's language (the widget's own wording from
 * widget-cdn/src/i18n.ts): they follow the widget's language setting, not the panel's.
 */
const WIDGET_TEXT = {
  en: { placeholder: 'Type a message…', send: 'Send' },
  uk: { placeholder: 'Введіть повідомлення…', send: 'Надіслати' },
} as const;

/** Panel sizes as the widget's stylesheet sets them (launcher.css). */
const SIZES = { compact: { width: 320, height: 440 }, standard: { width: 370, height: 540 }, large: { width: 420, height: 640 } } as const;

/** A static picture of the widget with a look: the open panel above its launcher, on a page. */
export function WidgetPreview({ look }: { look: EffectiveWidgetSettings }) {
  const t = useTranslations('settings.widget');
  const text = WIDGET_TEXT[look.language];
  const size = SIZES[look.size];
  const style = {
    '--preview-color': look.color,
    '--preview-width': `${size.width}px`,
    '--preview-height': `${size.height}px`,
  } as CSSProperties;
  return (
    <figure
      className="widget-preview"
      aria-label={t('previewLabel')}
      data-testid="widget-preview"
      data-position={look.position}
      data-size={look.size}
    >
      <div className={`preview-stage preview-${look.position}`} style={style}>
        <div className="preview-panel" lang={look.language}>
          <div className="preview-header" data-testid="preview-header">
            {look.title}
          </div>
          <div className="preview-messages">
            <p className="preview-bubble">{look.welcomeMessage}</p>
          </div>
          <div className="preview-composer">
            <span className="preview-input">{text.placeholder}</span>
            <span className="preview-send">{text.send}</span>
          </div>
        </div>
        <div className="preview-launcher" aria-hidden="true">
          <svg
            aria-hidden="true"
            viewBox="0 0 24 24"
            width="26"
            height="26"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            strokeLinejoin="round"
          >
            <path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z" />
          </svg>
        </div>
      </div>
      <figcaption className="hint">{t('previewCaption')}</figcaption>
    </figure>
  );
}
