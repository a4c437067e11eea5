/** Table titles (tab names) and column labels (key table.<table> and column.<column>). */
import { defineMessages } from '../define-messages.js';

export const tableMessages = defineMessages({
  en: {},
  vi: {},
  am: {},
});
