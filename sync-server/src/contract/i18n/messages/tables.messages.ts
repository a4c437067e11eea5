/** Table titles (tab names) and column labels (key table.<table> and column.<column>), and the creator reads of issue 14. */
import { defineMessages } from '../define-messages.js';

export const tableMessages = defineMessages({
  en: {
    'creator.notFound': 'There is no creator {creatorKey}, or you may not see it.',
  },
  vi: {
    'creator.notFound': 'Không có creator {creatorKey}, hoặc bạn không được xem creator này.',
  },
  am: {
    'creator.notFound': '{creatorKey} የሚባል የይዘት ፈጣሪ የለም፣ ወይም እርስዎ እንዲያዩት አልተፈቀደም።',
  },
});
