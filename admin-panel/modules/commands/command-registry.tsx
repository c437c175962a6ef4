'use client';

import { createContext, type ReactNode, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { findShortcut, isMac, isTypingTarget, type Shortcut } from './key-match';

/** Where a command is listed in the palette and the cheat sheet, in this order. */
export const COMMAND_GROUPS = ['chat', 'inbox', 'navigation', 'general'] as const;
export type CommandGroup = (typeof COMMAND_GROUPS)[number];

/** Something the operator can do by a key, from the command palette, or both. */
export type Command = {
  id: string;
  /** What the palette and the cheat sheet say (already in the panel's language). */
  label: string;
  group: CommandGroup;
  shortcuts?: readonly Shortcut[];
  /** Whether it can run now (a chat action needs an open chat): listed in the cheat sheet either way. */
  enabled?: boolean;
  /** Listed in the palette (default: when enabled). */
  inPalette?: boolean;
  /** More words the palette finds it by. */
  keywords?: string[];
  run: () => void;
};

type Registry = {
  /** Each source's commands (the shell's, the inbox's…), the latest render's. */
  sources: Map<string, readonly Command[]>;
};

type CommandsContextValue = {
  registry: Registry;
  /** Every command now registered, in group order. */
  all: () => Command[];
  mac: boolean;
};

const CommandsContext = createContext<CommandsContextValue | null>(null);

function allCommands(registry: Registry): Command[] {
  const list = [...registry.sources.values()].flat();
  return COMMAND_GROUPS.flatMap((group) => list.filter((c) => c.group === group));
}

/**
 * Holds the commands the mounted parts of the panel offer and runs them by their keys: one keydown
 * listener for the whole panel. Single keys never fire while the focus is in a text box (only
 * Ctrl/⌘ combinations and Escape do; Escape there leaves the box), nor while a dialog is open
 * (it has the keys), nor for a key press something else already handled.
 */
export function CommandsProvider({ children }: { children: ReactNode }) {
  const registry = useRef<Registry>({ sources: new Map() }).current;
  const [mac, setMac] = useState(false);
  useEffect(() => setMac(isMac(navigator.platform)), []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || document.querySelector('dialog[open]')) return;
      const typing = isTypingTarget(event.target);
      const command = findShortcut(
        event,
        typing,
        allCommands(registry).filter((c) => c.enabled !== false),
      );
      if (command) {
        event.preventDefault();
        command.run();
      } else if (typing && event.key === 'Escape') (event.target as HTMLElement).blur();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [registry]);

  const all = useCallback(() => allCommands(registry), [registry]);
  const value = useMemo(() => ({ registry, all, mac }), [registry, all, mac]);
  return <CommandsContext.Provider value={value}>{children}</CommandsContext.Provider>;
}

export function useCommandsContext(): CommandsContextValue {
  const value = useContext(CommandsContext);
  if (!value) throw new Error('useCommandsContext outside CommandsProvider');
  return value;
}

/**
 * Offers `commands` while the calling component is mounted, as `source`. Called on every render
 * with that render's commands (their closures see the latest state); nothing re-renders for it.
 */
export function useRegisterCommands(source: string, commands: readonly Command[]): void {
  const { registry } = useCommandsContext();
  useLayoutEffect(() => {
    registry.sources.set(source, commands);
  });
  useLayoutEffect(() => () => void registry.sources.delete(source), [registry, source]);
}
