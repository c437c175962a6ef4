'use client';

import type { ChatSummaryDto } from '@chatiq/contracts';
import { useTranslations } from 'next-intl';
import type { RefObject } from 'react';
import { type Command, useRegisterCommands } from '@/modules/commands/command-registry';
import { useMediaQuery } from '@/modules/ui/use-media-query';
import { neighbourChat } from './chat-filter';
import type { ComposerHandle } from './composer';
import { snoozePresets } from './snooze-presets';
import type { useInbox } from './use-inbox';
import { currentInboxPlace, type useInboxRoute } from './use-inbox-route';

/** The operator's clock (the snooze presets are on it). */
const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The widths where the visitor's details are not beside the chat (globals.css: the inbox's layouts). */
const DETAILS_APART = '(max-width: 1099px)';

type Options = {
  inbox: ReturnType<typeof useInbox>;
  /** The chats the list shows (after its filters), in its order. */
  visible: readonly ChatSummaryDto[];
  operatorId: string;
  route: ReturnType<typeof useInboxRoute>;
  composer: RefObject<ComposerHandle | null>;
  search: RefObject<HTMLInputElement | null>;
};

/**
 * The inbox's keyboard shortcuts and palette commands: J/K (Alt+↓/↑) to the next or previous
 * chat, / to search the list, R to reply, N for a private note, T for a quick template, A to
 * assign the chat to oneself, S to snooze it (the header's menu), E to resolve it. Letters are keys by place (`KeyJ`): they work on a
 * Ukrainian layout too. Chat actions are on only while a chat is open.
 */
export function useInboxCommands({ inbox, visible, operatorId, route, composer, search }: Options): void {
  const t = useTranslations('commands.inbox');
  const chat = inbox.selected;
  const resolved = chat?.status === 'RESOLVED';
  // Below this width the details are a view of their own (on a wide screen they are always shown).
  const detailsApart = useMediaQuery(DETAILS_APART);
  const step = (direction: 1 | -1) => {
    // From the chat the address names now: a second key press may come before the render of the first.
    const next = neighbourChat(visible, currentInboxPlace().chatId, direction);
    if (next) route.openChat(next.id);
  };
  const commands: Command[] = [
    {
      id: 'inbox:next',
      group: 'inbox',
      label: t('next'),
      shortcuts: [{ code: 'KeyJ' }, { key: 'ArrowDown', alt: true }],
      enabled: visible.length > 0,
      run: () => step(1),
    },
    {
      id: 'inbox:previous',
      group: 'inbox',
      label: t('previous'),
      shortcuts: [{ code: 'KeyK' }, { key: 'ArrowUp', alt: true }],
      enabled: visible.length > 0,
      run: () => step(-1),
    },
    { id: 'inbox:search', group: 'inbox', label: t('search'), shortcuts: [{ key: '/' }], run: () => search.current?.focus() },
    {
      id: 'chat:reply',
      group: 'chat',
      label: t('reply'),
      shortcuts: [{ code: 'KeyR' }],
      enabled: chat !== null,
      run: () => composer.current?.focus('reply'),
    },
    {
      id: 'chat:note',
      group: 'chat',
      label: t('note'),
      shortcuts: [{ code: 'KeyN' }],
      enabled: chat !== null,
      run: () => composer.current?.focus('note'),
    },
    {
      id: 'chat:templates',
      group: 'chat',
      label: t('templates'),
      shortcuts: [{ code: 'KeyT' }],
      enabled: chat !== null,
      run: () => composer.current?.openTemplates(),
    },
    {
      id: 'chat:assign-to-me',
      group: 'chat',
      label: t('assignToMe'),
      shortcuts: [{ code: 'KeyA' }],
      enabled: chat !== null && chat.assignedOperatorId !== operatorId,
      run: () => void inbox.assignToMe(),
    },
    {
      id: 'chat:resolve',
      group: 'chat',
      label: t('resolve'),
      shortcuts: [{ code: 'KeyE' }],
      enabled: chat !== null && !resolved,
      run: () => void inbox.act({ kind: 'resolve' }),
    },
    {
      id: 'chat:snooze',
      group: 'chat',
      label: t('snooze'),
      shortcuts: [{ code: 'KeyS' }],
      enabled: chat !== null && !resolved,
      // The header's menu: presets with the times they mean, and a time of one's own.
      run: () => document.querySelector<HTMLButtonElement>('.snooze > button[aria-expanded="false"]')?.click(),
    },
    {
      id: 'chat:snooze-hour',
      group: 'chat',
      label: t('snoozeHour'),
      enabled: chat !== null && !resolved,
      run: () => chat && void inbox.snooze(chat.id, snoozePresets(new Date(), zone())[0]!.until),
    },
    {
      id: 'chat:snooze-tomorrow',
      group: 'chat',
      label: t('snoozeTomorrow'),
      enabled: chat !== null && !resolved,
      run: () => chat && void inbox.snooze(chat.id, snoozePresets(new Date(), zone())[2]!.until),
    },
    { id: 'chat:reopen', group: 'chat', label: t('reopen'), enabled: resolved, run: () => void inbox.act({ kind: 'reopen' }) },
    {
      id: 'chat:details',
      group: 'chat',
      label: t('details'),
      enabled: chat !== null && detailsApart && route.view === 'chat',
      run: route.showDetails,
    },
    { id: 'chat:close', group: 'chat', label: t('backToList'), enabled: chat !== null && route.view === 'chat', run: route.up },
  ];
  useRegisterCommands('inbox', commands);
}
