/** The bookings, deliverables and payments REST API and its OpenAPI-facing refusals (issue 14). */
import { defineMessages } from '../define-messages.js';

export const bookingApiMessages = defineMessages({
  en: {
    'bookingApi.bookingNotFound': 'No booking has the code {code}.',
    'bookingApi.deliverableNotFound': 'Booking {code} has no deliverable titled “{title}”.',
    'bookingApi.deliverableAmbiguous': 'Booking {code} has {count} deliverables titled “{title}”. Give each its own title on the deliverables tab, then try again.',
    'bookingApi.paymentNotFound': 'No payment has the reference {key}.',
    'bookingApi.alreadyInStatus': 'This {thing} is already “{status}”.',
    'bookingApi.rejectNeedsNote': 'Say why the draft is rejected: the creator needs the reason to fix it.',
    'bookingApi.bookingCannotMove': 'Booking {code} can’t go from “{from}” to “{to}”.',
    'bookingApi.deliverableCannotMove': 'Deliverable “{title}” of booking {code} can’t go from “{from}” to “{to}”.',
    'bookingApi.paymentCannotMove': 'Payment {key} can’t go from “{from}” to “{to}”.',
    'bookingApi.cursorOutOfDate': 'This page link is no longer valid. Open the list again from the first page.',
  },
  vi: {
    'bookingApi.bookingNotFound': 'Không có booking nào mã {code}.',
    'bookingApi.deliverableNotFound': 'Booking {code} không có hạng mục nào tên “{title}”.',
    'bookingApi.deliverableAmbiguous': 'Booking {code} có {count} hạng mục cùng tên “{title}”. Hãy đặt tên riêng cho từng hạng mục ở tab hạng mục booking, rồi thử lại.',
    'bookingApi.paymentNotFound': 'Không có khoản thanh toán nào mã {key}.',
    'bookingApi.alreadyInStatus': 'Trạng thái của {thing} này đã là “{status}”.',
    'bookingApi.rejectNeedsNote': 'Hãy ghi lý do từ chối bản nháp: creator cần biết lý do để sửa.',
    'bookingApi.bookingCannotMove': 'Booking {code} không thể chuyển từ “{from}” sang “{to}”.',
    'bookingApi.deliverableCannotMove': 'Hạng mục “{title}” của booking {code} không thể chuyển từ “{from}” sang “{to}”.',
    'bookingApi.paymentCannotMove': 'Khoản thanh toán {key} không thể chuyển từ “{from}” sang “{to}”.',
    'bookingApi.cursorOutOfDate': 'Liên kết trang này không còn dùng được. Hãy mở lại danh sách từ trang đầu.',
  },
  am: {
    'bookingApi.bookingNotFound': '{code} የሚል ኮድ ያለው ቦኪንግ የለም።',
    'bookingApi.deliverableNotFound': 'ቦኪንግ {code} “{title}” የሚል ርዕስ ያለው የሚቀርብ ይዘት የለውም።',
    'bookingApi.deliverableAmbiguous': 'ቦኪንግ {code} “{title}” የሚል ርዕስ ያላቸው {count} የሚቀርቡ ይዘቶች አሉት። በየሚቀርቡ ይዘቶች ትር ላይ ለእያንዳንዱ የራሱን ርዕስ ይስጡ፣ ከዚያ እንደገና ይሞክሩ።',
    'bookingApi.paymentNotFound': '{key} የሚል መለያ ያለው ክፍያ የለም።',
    'bookingApi.alreadyInStatus': 'ይህ {thing} አስቀድሞ “{status}” ነው።',
    'bookingApi.rejectNeedsNote': 'ረቂቁ ለምን እንዳልተቀበለ ይጻፉ፦ ይዘት ፈጣሪው ለማስተካከል ምክንያቱን ማወቅ አለበት።',
    'bookingApi.bookingCannotMove': 'ቦኪንግ {code} ከ“{from}” ወደ “{to}” መሄድ አይችልም።',
    'bookingApi.deliverableCannotMove': 'የቦኪንግ {code} የሚቀርብ ይዘት “{title}” ከ“{from}” ወደ “{to}” መሄድ አይችልም።',
    'bookingApi.paymentCannotMove': 'ክፍያ {key} ከ“{from}” ወደ “{to}” መሄድ አይችልም።',
    'bookingApi.cursorOutOfDate': 'ይህ የገጽ አገናኝ ከእንግዲህ አይሰራም። ዝርዝሩን ከመጀመሪያው ገጽ እንደገና ይክፈቱ።',
  },
});
