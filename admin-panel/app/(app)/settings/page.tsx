import { redirect } from 'next/navigation';

/** Settings open on the widget's look: what a new owner changes first (the AI needs a key and a decision). */
export default function SettingsIndex() {
  redirect('/settings/widget');
}
