'use client';

import { Command as Cmdk } from 'cmdk';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { COMMAND_GROUPS, type Command, useCommandsContext, useRegisterCommands } from './command-registry';
import { matchesShortcut, type Shortcut } from './key-match';
import { ModalDialog } from './modal-dialog';
import { ShortcutKeys } from './shortcut-keys';

export const PALETTE_SHORTCUT: Shortcut = { code: 'KeyK', mod: true };
export const HELP_SHORTCUT: Shortcut = { key: '?' };

/** A page of the panel the palette goes to: its address and its name (already translated). */
export type Destination = { href: string; label: string };

/**
 * The command palette (Ctrl/⌘+K: go to any page, run what the open page offers, such as the
 * inbox's chat actions) and the cheat sheet of the keyboard shortcuts ("?"), for every page of
 * the panel.
 */
export function CommandCenter({ destinations }: { destinations: readonly Destination[] }) {
  const t = useTranslations('commands');
  const router = useRouter();
  const { all, mac } = useCommandsContext();
  const [open, setOpen] = useState<'palette' | 'help' | null>(null);
  const paletteRef = useRef<HTMLDivElement>(null);

  useRegisterCommands('shell', [
    {
      id: 'palette',
      label: t('openPalette'),
      group: 'general',
      shortcuts: [PALETTE_SHORTCUT],
      inPalette: false,
      run: () => setOpen('palette'),
    },
    { id: 'help', label: t('openHelp'), group: 'general', shortcuts: [HELP_SHORTCUT], run: () => setOpen('help') },
    ...destinations.map(
      (d): Command => ({
        id: `go:${d.href}`,
        label: t('goTo', { page: d.label }),
        keywords: [d.label],
        group: 'navigation',
        run: () => router.push(d.href),
      }),
    ),
  ]);

  const commands = open ? all() : [];
  const inPalette = commands.filter((c) => c.enabled !== false && c.inPalette !== false);
  const withKeys = commands.filter((c) => c.shortcuts?.length);

  /** Closes the palette first (the focus goes back), then runs the command (which may move the focus). */
  function run(command: Command) {
    paletteRef.current?.closest('dialog')?.close();
    setOpen(null);
    command.run();
  }

  return (
    <>
      <ModalDialog
        open={open === 'palette'}
        onClose={() => setOpen(null)}
        className="command-palette"
        label={t('palette.label')}
        testId="command-palette"
      >
        <Cmdk
          ref={paletteRef}
          label={t('palette.label')}
          loop
          onKeyDown={(event) => {
            if (matchesShortcut(event.nativeEvent, PALETTE_SHORTCUT)) {
              event.preventDefault();
              setOpen(null);
            }
          }}
        >
          <Cmdk.Input placeholder={t('palette.placeholder')} />
          <Cmdk.List>
            <Cmdk.Empty>{t('palette.empty')}</Cmdk.Empty>
            {COMMAND_GROUPS.map((group) => {
              const items = inPalette.filter((c) => c.group === group);
              if (!items.length) return null;
              return (
                <Cmdk.Group key={group} heading={t(`groups.${group}`)}>
                  {items.map((command) => (
                    <Cmdk.Item
                      key={command.id}
                      value={command.id}
                      keywords={[command.label, ...(command.keywords ?? [])]}
                      onSelect={() => run(command)}
                    >
                      <span>{command.label}</span>
                      {command.shortcuts && <ShortcutKeys shortcuts={command.shortcuts} mac={mac} />}
                    </Cmdk.Item>
                  ))}
                </Cmdk.Group>
              );
            })}
          </Cmdk.List>
        </Cmdk>
      </ModalDialog>
      <ModalDialog
        open={open === 'help'}
        onClose={() => setOpen(null)}
        className="shortcut-help"
        labelledBy="shortcut-help-title"
        testId="shortcut-help"
      >
        <div className="modal-header">
          <h2 id="shortcut-help-title">{t('help.title')}</h2>
          <button type="button" className="link-button" onClick={() => setOpen(null)}>
            {t('help.close')}
          </button>
        </div>
        <p className="muted small">{t('help.intro')}</p>
        {COMMAND_GROUPS.map((group) => {
          const items = withKeys.filter((c) => c.group === group);
          if (!items.length) return null;
          return (
            <section key={group}>
              <h3>{t(`groups.${group}`)}</h3>
              <dl className="shortcut-list">
                {items.map((command) => (
                  <div key={command.id}>
                    <dt>{command.label}</dt>
                    <dd>
                      <ShortcutKeys shortcuts={command.shortcuts ?? []} mac={mac} />
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          );
        })}
      </ModalDialog>
    </>
  );
}
