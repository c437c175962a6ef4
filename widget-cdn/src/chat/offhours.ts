// The off-hours chunk (lazy): loaded when the server says the team is offline (business hours).
import FORMS_CSS from '../widget/forms.css';
import OFFHOURS_CSS from '../widget/offhours.css';
import type { ChatHost } from './chat-host.js';
import { OffHoursController } from './offhours-controller.js';

export function startOffHours(host: ChatHost): OffHoursController {
  host.view.addStyle(FORMS_CSS);
  host.view.addStyle(OFFHOURS_CSS);
  return new OffHoursController(host);
}
