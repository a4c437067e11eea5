/** The bookings, deliverables and payments REST API and its OpenAPI-facing refusals (issue 14). */
import { defineMessages } from '../define-messages.js';

export const bookingApiMessages = defineMessages({
  en: {
    'bookingApi.bookingNotFound': 'No booking has the code {code}.',
  },
  vi: {
    'bookingApi.bookingNotFound': 'Không có booking nào mã {code}.',
  },
  am: {
    'bookingApi.bookingNotFound': '{code} የሚል ኮድ ያለው ቦኪንግ የለም።',
  },
});
