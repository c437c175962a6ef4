import { LanguageSwitcher } from '@/modules/shell/language-switcher';
import { Logo } from '@/modules/ui/logo';

/** Above every signed-out page's card: the product's logo and the language switch. */
export function AuthHeader() {
  return (
    <header className="auth-header">
      <Logo />
      <LanguageSwitcher />
    </header>
  );
}
