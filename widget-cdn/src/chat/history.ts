// The past-conversations chunk (lazy): loaded when the visitor has conversations besides the current one.
import HISTORY_CSS from '../widget/history.css';
import type { ChatHost } from './chat-host.js';
import { HistoryController } from './history-controller.js';

export function startHistory(host: ChatHost): HistoryController {
  host.view.addStyle(HISTORY_CSS);
  return new HistoryController(host);
}
