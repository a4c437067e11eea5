/** The tab layout's notes and the language menu of the add-on. */
import { defineMessages } from '../define-messages.js';

export const sheetMessages = defineMessages({
  en: {
    'layout.requiredSuffix': ', required',
    'layout.computedNote': 'Computed by the server, read-only',
    'layout.syncStatusNote': 'Sync status. Pick “delete” to delete the row, “take theirs” / “keep mine” on a conflict.',
    'layout.bookkeepingNote': 'Booking Center bookkeeping, do not edit.',
    'language.label': 'Language',
    'language.followSheet': 'Same as the spreadsheet',
    'language.saved': 'Booking Center now speaks {language}.',
  },
  vi: {
    'layout.requiredSuffix': ', bắt buộc',
    'layout.computedNote': 'Tính bởi máy chủ, chỉ đọc',
    'layout.syncStatusNote': 'Trạng thái đồng bộ. Chọn “delete” để xoá dòng, “take theirs” / “keep mine” khi xung đột.',
    'layout.bookkeepingNote': 'Cột dùng riêng cho Booking Center, đừng sửa.',
    'language.label': 'Ngôn ngữ',
    'language.followSheet': 'Theo bảng tính',
    'language.saved': 'Booking Center đã chuyển sang {language}.',
  },
  am: {
    'layout.requiredSuffix': '፣ የግድ ያስፈልጋል',
    'layout.computedNote': 'በአገልጋዩ የሚሰላ፣ ለንባብ ብቻ',
    'layout.syncStatusNote': 'የማመሳሰል ሁኔታ። ረድፉን ለማጥፋት “delete” ይምረጡ፤ ግጭት ሲኖር “take theirs” / “keep mine” ይምረጡ።',
    'layout.bookkeepingNote': 'የBooking Center መዝገብ ነው፤ አይቀይሩት።',
    'language.label': 'ቋንቋ',
    'language.followSheet': 'እንደ ሰንጠረዡ',
    'language.saved': 'Booking Center አሁን በ{language} ይናገራል።',
  },
});
