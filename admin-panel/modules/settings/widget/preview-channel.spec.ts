import { DEFAULT_WIDGET_SETTINGS } from '@chatiq/contracts';
import { describe, expect, it } from 'vitest';
import { isPreviewReady, previewFrameUrl, previewSettingsMessage } from './preview-channel';

describe('widget preview channel', () => {
  it('addresses preview.html on the widget server, with the first language', () => {
    expect(previewFrameUrl('https://cdn.chatiq.test', 'uk')).toBe('https://cdn.chatiq.test/preview.html?language=uk');
    expect(previewFrameUrl('https://cdn.chatiq.test/widget/', 'en')).toBe('https://cdn.chatiq.test/widget/preview.html?language=en');
  });

  it("listens only to the frame's own window, from the widget's origin, saying it is ready", () => {
    const frame = {};
    const ready = { type: 'chatiq:preview:ready' };
    const origin = 'https://cdn.chatiq.test';
    expect(isPreviewReady({ data: ready, origin, source: frame as MessageEventSource }, frame, origin)).toBe(true);
    expect(isPreviewReady({ data: ready, origin, source: {} as MessageEventSource }, frame, origin)).toBe(false);
    expect(isPreviewReady({ data: ready, origin: 'https://evil.test', source: frame as MessageEventSource }, frame, origin)).toBe(false);
    expect(isPreviewReady({ data: { type: 'other' }, origin, source: frame as MessageEventSource }, frame, origin)).toBe(false);
    expect(isPreviewReady({ data: null, origin, source: frame as MessageEventSource }, frame, origin)).toBe(false);
    expect(isPreviewReady({ data: ready, origin, source: null }, null, origin)).toBe(false);
  });

  it('sends every field of the look and nothing else', () => {
    const look = { ...DEFAULT_WIDGET_SETTINGS, color: '#e11d48', extra: 'x' };
    expect(previewSettingsMessage(look)).toEqual({
      type: 'chatiq:preview:settings',
      settings: { ...DEFAULT_WIDGET_SETTINGS, color: '#e11d48' },
    });
  });
});
