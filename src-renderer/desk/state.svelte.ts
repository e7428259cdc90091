// The page's shared state: the language, the signed-in agent and which part is shown. Signing out (or the
// server saying the session ended) returns to the sign-in with a message.
import { TEXTS, type Texts } from './i18n.js';
import type { Agent } from './api.js';

class DeskState {
  lang = $state<'nl' | 'en'>('nl');
  agent = $state<Agent | null>(null);
  view = $state<'person' | 'usage' | 'audit'>('person');
  /** Why the sign-in is shown again (session ended), as an error code. */
  endedBecause = $state<string | null>(null);
  ready = $state(false);
  t: Texts = $derived(TEXTS[this.lang]);

  setLang(lang: 'nl' | 'en') {
    this.lang = lang;
    document.documentElement.lang = lang;
  }

  /** An answer said the session is gone: back to the sign-in. */
  ended(code: string) {
    if (code !== 'signed_out') return false;
    this.agent = null;
    this.endedBecause = code;
    return true;
  }
}

export const desk = new DeskState();
