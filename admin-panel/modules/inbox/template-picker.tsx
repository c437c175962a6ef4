'use client';

import type { QuickTemplateDto } from '@chatiq/contracts';
import { useTranslations } from 'next-intl';

export const TEMPLATE_PICKER_ID = 'quick-template-picker';
export const templateOptionId = (index: number) => `${TEMPLATE_PICKER_ID}-${index}`;

type Props = {
  query: string;
  options: QuickTemplateDto[];
  /** Whether the chat's templates have loaded at all (and whether there are any). */
  total: number;
  failed: boolean;
  active: number;
  /** Each option's text as it would be inserted. */
  render: (template: QuickTemplateDto) => string;
  onPick: (template: QuickTemplateDto) => void;
  onHover: (index: number) => void;
};

/** The "/" picker above the composer: matching templates with a preview, arrow keys and Enter/Tab to insert. */
export function TemplatePicker({ query, options, total, failed, active, render, onPick, onHover }: Props) {
  const t = useTranslations('inbox.templates');
  if (options.length === 0) {
    const hint = failed ? t('loadFailed') : total === 0 ? t('none') : t('noMatch', { query });
    return (
      <div className="template-picker empty" data-testid="template-picker" role="status">
        {hint}
      </div>
    );
  }
  return (
    <div className="template-picker" data-testid="template-picker">
      <div id={TEMPLATE_PICKER_ID} role="listbox" aria-label={t('label')} className="template-options">
        {options.map((template, index) => (
          <div
            key={template.id}
            id={templateOptionId(index)}
            role="option"
            tabIndex={-1}
            aria-selected={index === active}
            data-testid="template-option"
            className={index === active ? 'active' : undefined}
            // Keep the focus in the text box while picking with the mouse.
            onMouseDown={(event) => {
              event.preventDefault();
              onPick(template);
            }}
            onMouseEnter={() => onHover(index)}
          >
            <span className="template-shortcut">{template.shortcut}</span>
            <span className="template-preview">{render(template)}</span>
            {template.siteId === null && <span className="template-scope muted">{t('orgWide')}</span>}
          </div>
        ))}
      </div>
      <p className="template-help muted">{t('help')}</p>
    </div>
  );
}
