import { DEFAULT_WIDGET_SETTINGS, widgetSettingsBodySchema } from '@chatiq/contracts';
import { describe, expect, it } from 'vitest';
import { previewLook, widgetBodyFromForm, widgetFormFromStored } from './widget-form';

const inherited = { ...DEFAULT_WIDGET_SETTINGS, title: 'Kvitka', color: '#112233' };
const none = { color: null, title: null, welcomeMessage: null, position: null, size: null, language: null };

describe('widget appearance form', () => {
  it('inherits every blank field and stores the filled ones', () => {
    const form = { ...widgetFormFromStored(none), color: '#AA0000', title: '  ', position: 'left' as const };
    const body = widgetBodyFromForm(form);
    expect(body).toEqual({ ...none, color: '#AA0000', position: 'left' });
    expect(widgetSettingsBodySchema.parse(body).color).toBe('#aa0000');
  });

  it('round-trips a stored level', () => {
    const stored = { ...none, title: 'Ask us', size: 'large' as const, language: 'uk' as const };
    expect(widgetBodyFromForm(widgetFormFromStored(stored))).toEqual(stored);
  });

  it('previews the form over what is inherited, ignoring a colour still being typed', () => {
    const form = { ...widgetFormFromStored(none), title: 'Hello', size: 'compact' as const };
    expect(previewLook(inherited, form)).toEqual({ ...inherited, title: 'Hello', size: 'compact' });
    expect(previewLook(inherited, { ...form, color: '#12' }).color).toBe('#112233');
    expect(previewLook(inherited, { ...form, color: '#00ff00' }).color).toBe('#00ff00');
    expect(previewLook(inherited, { ...form, color: ' #E11D48 ' }).color).toBe('#e11d48');
  });
});
