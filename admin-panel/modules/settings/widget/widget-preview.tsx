'use client';

import type { EffectiveWidgetSettings } from '@chatiq/contracts';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useClientConfig } from '@/lib/client-config';
import { isPreviewReady, PREVIEW_FRAME_HEIGHT, previewFrameUrl, previewSettingsMessage } from './preview-channel';

/** How long the preview may take to say it is ready before the panel says it could not load. */
const GIVE_UP_MS = 15_000;

type State = 'loading' | 'ready' | 'failed';

/**
 * The real widget bundle in a frame (`${widgetUrl}/preview.html`), open on a sample conversation,
 * showing `look` (the form's current values, saved or not): each change is posted to the frame,
 * and so is the current look whenever the frame says it is ready (also after it reloads).
 */
export function WidgetPreview({ look }: { look: EffectiveWidgetSettings }) {
  const t = useTranslations('settings.widget');
  const { widgetUrl } = useClientConfig();
  const frameRef = useRef<HTMLIFrameElement>(null);
  const [state, setState] = useState<State>('loading');
  // The frame's address stays: the first language only; later looks arrive by message.
  const [src] = useState(() => previewFrameUrl(widgetUrl, look.language));
  const origin = useMemo(() => new URL(src).origin, [src]);
  const lookRef = useRef(look);
  lookRef.current = look;

  const post = useCallback(
    (current: EffectiveWidgetSettings) => frameRef.current?.contentWindow?.postMessage(previewSettingsMessage(current), origin),
    [origin],
  );

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (!isPreviewReady(event, frameRef.current?.contentWindow, origin)) return;
      setState('ready');
      post(lookRef.current);
    };
    window.addEventListener('message', onMessage);
    const timer = setTimeout(() => setState((s) => (s === 'loading' ? 'failed' : s)), GIVE_UP_MS);
    return () => {
      window.removeEventListener('message', onMessage);
      clearTimeout(timer);
    };
  }, [origin, post]);

  // Every change of the look (compared by value: the form makes a new object each render).
  const key = JSON.stringify(previewSettingsMessage(look).settings);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is `look` by value.
  useEffect(() => {
    if (state === 'ready') post(lookRef.current);
  }, [key, state, post]);

  return (
    <figure
      className="widget-preview"
      aria-label={t('previewLabel')}
      data-testid="widget-preview"
      data-state={state}
      data-position={look.position}
      data-size={look.size}
    >
      <div className="preview-stage" style={{ height: PREVIEW_FRAME_HEIGHT[look.size] }}>
        <iframe ref={frameRef} src={src} title={t('previewFrameTitle')} className="preview-frame" data-testid="widget-preview-frame" />
        {state !== 'ready' && (
          <p className={`preview-status${state === 'failed' ? ' error' : ''}`} role={state === 'failed' ? 'alert' : 'status'}>
            {state === 'loading' ? t('previewLoading') : t('previewUnavailable')}
          </p>
        )}
      </div>
      <figcaption className="hint">{t('previewCaption')}</figcaption>
    </figure>
  );
}
