// The off-hours chunk (lazy): loaded when the server says the team is offline (business hours).
import FORMS_CSS from '../widget/forms.css';
import OFFHOURS_CSS from '../widget/offhours.css';

export { OffHoursCard } from '../widget/offhours-card.js';
export const css = [FORMS_CSS, OFFHOURS_CSS];
