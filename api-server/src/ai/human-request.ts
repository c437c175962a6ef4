// Whether a visitor's message asks for a person instead of the AI, in English or Ukrainian (and
// the Russian many Ukrainian visitors write). Checked before the model is called: a visitor who
// asks for a human gets one even when the model would have tried to answer, and it costs no tokens.
// Words that are also ordinary vocabulary ("human", "person", "людина") count only inside a
// request ("talk to a human") or in a short message ("human please", "потрібна людина").

/** A whole word or phrase in any script (JavaScript's `\b` only knows ASCII letters). */
const phrase = (pattern: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])`, 'u');

/** Ask for a person wherever they appear. */
const ALWAYS = [
  // English
  phrase('operators?|live (?:agent|person|operator|support)|real (?:person|human|agent|people)|human (?:agent|operator|being|support)'),
  phrase('(?:a |your )?(?:customer (?:service|support) )?representative'),
  phrase(
    '(?:talk|speak|chat) (?:to|with) (?:a |an |some |your |the )?(?:humans?|person|people|someone|somebody|agent|manager|staff|team|support|operator)',
  ),
  phrase('(?:transfer|connect|put) me (?:to|through|with)|(?:want|need|like) (?:a |an |to talk to a )?(?:human|person|agent)'),
  // Ukrainian
  phrase('оператор(?:а|ом|ові|у|и|ів)?'),
  phrase('(?:з|із|зі) (?:живою )?людиною|жив(?:а|ою|у|ій) людин(?:а|ою|у|і|и)|живого (?:оператора|працівника|консультанта)'),
  phrase(
    '(?:покличте|дайте|потрібен|потрібна|хочу|з.єднайте|переключіть)(?: мене)?(?: з| на)? (?:менеджер|консультант|працівник|співробітник|адміністратор)\\p{L}*',
  ),
  // Russian
  phrase('(?:с|со) (?:живым )?человеком|жив(?:ой|ым|ого) человек\\p{L}*|позовите (?:менеджера|человека|оператора)'),
];

/** Count only in a short message ("human please", "людина?", "менеджер"). */
const SHORT_ONLY = phrase(
  'humans?|person|agent|manager|support|людин\\p{L}*|менеджер\\p{L}*|консультант\\p{L}*|працівник\\p{L}*|человек\\p{L}*',
);
const SHORT_WORDS = 4;

/** True when the text asks for a human operator. */
export function asksForHuman(text: string): boolean {
  const normalized = text
    .toLowerCase()
    .replace(/[’‘`ʼ]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  if (!normalized) return false;
  if (ALWAYS.some((pattern) => pattern.test(normalized))) return true;
  const words = normalized.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w));
  return words.length <= SHORT_WORDS && SHORT_ONLY.test(normalized);
}
