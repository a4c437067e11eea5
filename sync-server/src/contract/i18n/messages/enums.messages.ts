/**
 * The label of every enum value (key enum.<enum>.<value>), as people type and read them; codes
 * stay English in exports and for programs.
 *
 * A label is read back to its code on import and push (enum-labels.ts), so within one enum no
 * two values may share a label in any language, and no label may be another value's code.
 * Vietnamese labels are lower case, the way a planner types them in a cell ("đang chạy");
 * brand names (TikTok, Shopee…) stay as they are in every language. docs/i18n.md lists them all.
 */
import { defineMessages } from '../define-messages.js';

export const enumMessages = defineMessages({
  en: {
    'enum.gender.female': 'Female',
    'enum.gender.male': 'Male',
    'enum.gender.other': 'Other',

    'enum.creator_status.active': 'Active',
    'enum.creator_status.watchlist': 'Watchlist',
    'enum.creator_status.blacklist': 'Blacklist',

    'enum.channel_platform.tiktok': 'TikTok',
    'enum.channel_platform.youtube': 'YouTube',
    'enum.channel_platform.instagram': 'Instagram',
    'enum.channel_platform.shopee_live': 'Shopee Live',
    'enum.channel_platform.other': 'Other',

    'enum.contact_type.owner': 'Creator',
    'enum.contact_type.manager': 'Manager',
    'enum.contact_type.agency': 'Agency',

    'enum.campaign_channel.tiktok': 'TikTok',
    'enum.campaign_channel.multi': 'Multi-channel',

    'enum.campaign_objective.awareness': 'Awareness',
    'enum.campaign_objective.traffic': 'Traffic',
    'enum.campaign_objective.sale': 'Sales',
    'enum.campaign_objective.launch': 'Launch',
    'enum.campaign_objective.clearance': 'Clearance',

    'enum.campaign_status.draft': 'Draft',
    'enum.campaign_status.planned': 'Planned',
    'enum.campaign_status.running': 'Running',
    'enum.campaign_status.paused': 'Paused',
    'enum.campaign_status.finished': 'Finished',
    'enum.campaign_status.canceled': 'Canceled',

    'enum.campaign_creator_role.main': 'Main',
    'enum.campaign_creator_role.supporting': 'Supporting',
    'enum.campaign_creator_role.trial': 'Trial',

    'enum.booking_type.video_only': 'Video only',
    'enum.booking_type.live': 'Livestream',
    'enum.booking_type.combo': 'Combo (video + live)',
    'enum.booking_type.barter': 'Barter',
    'enum.booking_type.affiliate_only': 'Affiliate only',

    'enum.booking_status.negotiating': 'Negotiating',
    'enum.booking_status.confirmed': 'Confirmed',
    'enum.booking_status.in_progress': 'In progress',
    'enum.booking_status.completed': 'Completed',
    'enum.booking_status.canceled': 'Canceled',

    'enum.deliverable_type.video_feed': 'Feed video',
    'enum.deliverable_type.video_story': 'Story video',
    'enum.deliverable_type.live': 'Livestream',
    'enum.deliverable_type.series': 'Series',
    'enum.deliverable_type.short': 'Short video',
    'enum.deliverable_type.other': 'Other',

    'enum.deliverable_status.planned': 'Planned',
    'enum.deliverable_status.shooting': 'Shooting',
    'enum.deliverable_status.waiting_approve': 'Waiting for approval',
    'enum.deliverable_status.scheduled': 'Scheduled',
    'enum.deliverable_status.posted': 'Posted',
    'enum.deliverable_status.rejected': 'Rejected',
    'enum.deliverable_status.canceled': 'Canceled',

    'enum.video_channel.tiktok': 'TikTok',
    'enum.video_channel.other': 'Other',

    'enum.video_status.posted': 'Posted',
    'enum.video_status.deleted': 'Deleted',
    'enum.video_status.hidden': 'Hidden',
    'enum.video_status.pending': 'Pending',

    'enum.tracking_code_type.voucher': 'Voucher',
    'enum.tracking_code_type.link': 'Link',
    'enum.tracking_code_type.referral_code': 'Referral code',

    'enum.tracking_platform.tiktok_shop': 'TikTok Shop',
    'enum.tracking_platform.web': 'Website',
    'enum.tracking_platform.shopee': 'Shopee',
    'enum.tracking_platform.other': 'Other',

    'enum.payment_method.bank_transfer': 'Bank transfer',
    'enum.payment_method.cash': 'Cash',
    'enum.payment_method.other': 'Other',

    'enum.payment_status.planned': 'Planned',
    'enum.payment_status.pending': 'Pending',
    'enum.payment_status.paid': 'Paid',
    'enum.payment_status.canceled': 'Canceled',

    'enum.creator_note_type.call': 'Call',
    'enum.creator_note_type.meeting': 'Meeting',
    'enum.creator_note_type.complaint': 'Complaint',
    'enum.creator_note_type.compliment': 'Compliment',

    'enum.rate_card_deliverable_type.video_single': 'Single video',
    'enum.rate_card_deliverable_type.series': 'Series',
    'enum.rate_card_deliverable_type.live': 'Livestream',
    'enum.rate_card_deliverable_type.combo': 'Combo (video + live)',
    'enum.rate_card_deliverable_type.other': 'Other',
  },
  vi: {
    'enum.gender.female': 'nữ',
    'enum.gender.male': 'nam',
    'enum.gender.other': 'khác',

    'enum.creator_status.active': 'hoạt động',
    'enum.creator_status.watchlist': 'theo dõi',
    'enum.creator_status.blacklist': 'danh sách đen',

    'enum.channel_platform.tiktok': 'TikTok',
    'enum.channel_platform.youtube': 'YouTube',
    'enum.channel_platform.instagram': 'Instagram',
    'enum.channel_platform.shopee_live': 'Shopee Live',
    'enum.channel_platform.other': 'khác',

    'enum.contact_type.owner': 'chính chủ',
    'enum.contact_type.manager': 'quản lý',
    'enum.contact_type.agency': 'agency',

    'enum.campaign_channel.tiktok': 'TikTok',
    'enum.campaign_channel.multi': 'đa kênh',

    'enum.campaign_objective.awareness': 'nhận diện thương hiệu',
    'enum.campaign_objective.traffic': 'kéo traffic',
    'enum.campaign_objective.sale': 'bán hàng',
    'enum.campaign_objective.launch': 'ra mắt sản phẩm',
    'enum.campaign_objective.clearance': 'xả hàng',

    'enum.campaign_status.draft': 'nháp',
    'enum.campaign_status.planned': 'đã lên kế hoạch',
    'enum.campaign_status.running': 'đang chạy',
    'enum.campaign_status.paused': 'tạm dừng',
    'enum.campaign_status.finished': 'đã kết thúc',
    'enum.campaign_status.canceled': 'đã huỷ',

    'enum.campaign_creator_role.main': 'chính',
    'enum.campaign_creator_role.supporting': 'hỗ trợ',
    'enum.campaign_creator_role.trial': 'thử nghiệm',

    'enum.booking_type.video_only': 'chỉ video',
    'enum.booking_type.live': 'livestream',
    'enum.booking_type.combo': 'combo (video + live)',
    'enum.booking_type.barter': 'đổi sản phẩm (barter)',
    'enum.booking_type.affiliate_only': 'chỉ affiliate',

    'enum.booking_status.negotiating': 'đang đàm phán',
    'enum.booking_status.confirmed': 'đã chốt',
    'enum.booking_status.in_progress': 'đang thực hiện',
    'enum.booking_status.completed': 'hoàn thành',
    'enum.booking_status.canceled': 'đã huỷ',

    'enum.deliverable_type.video_feed': 'video feed',
    'enum.deliverable_type.video_story': 'video story',
    'enum.deliverable_type.live': 'livestream',
    'enum.deliverable_type.series': 'series',
    'enum.deliverable_type.short': 'video ngắn',
    'enum.deliverable_type.other': 'khác',

    'enum.deliverable_status.planned': 'đã lên kế hoạch',
    'enum.deliverable_status.shooting': 'đang quay',
    'enum.deliverable_status.waiting_approve': 'chờ duyệt',
    'enum.deliverable_status.scheduled': 'đã lên lịch đăng',
    'enum.deliverable_status.posted': 'đã đăng',
    'enum.deliverable_status.rejected': 'bị từ chối',
    'enum.deliverable_status.canceled': 'đã huỷ',

    'enum.video_channel.tiktok': 'TikTok',
    'enum.video_channel.other': 'khác',

    'enum.video_status.posted': 'đã đăng',
    'enum.video_status.deleted': 'đã xoá',
    'enum.video_status.hidden': 'đã ẩn',
    'enum.video_status.pending': 'chờ đăng',

    'enum.tracking_code_type.voucher': 'voucher',
    'enum.tracking_code_type.link': 'link',
    'enum.tracking_code_type.referral_code': 'mã giới thiệu',

    'enum.tracking_platform.tiktok_shop': 'TikTok Shop',
    'enum.tracking_platform.web': 'website',
    'enum.tracking_platform.shopee': 'Shopee',
    'enum.tracking_platform.other': 'khác',

    'enum.payment_method.bank_transfer': 'chuyển khoản',
    'enum.payment_method.cash': 'tiền mặt',
    'enum.payment_method.other': 'khác',

    'enum.payment_status.planned': 'đã lên kế hoạch',
    'enum.payment_status.pending': 'chờ thanh toán',
    'enum.payment_status.paid': 'đã thanh toán',
    'enum.payment_status.canceled': 'đã huỷ',

    'enum.creator_note_type.call': 'cuộc gọi',
    'enum.creator_note_type.meeting': 'gặp mặt',
    'enum.creator_note_type.complaint': 'phàn nàn',
    'enum.creator_note_type.compliment': 'khen ngợi',

    'enum.rate_card_deliverable_type.video_single': 'video lẻ',
    'enum.rate_card_deliverable_type.series': 'series',
    'enum.rate_card_deliverable_type.live': 'livestream',
    'enum.rate_card_deliverable_type.combo': 'combo (video + live)',
    'enum.rate_card_deliverable_type.other': 'khác',
  },
  am: {
    'enum.gender.female': 'ሴት',
    'enum.gender.male': 'ወንድ',
    'enum.gender.other': 'ሌላ',

    'enum.creator_status.active': 'ንቁ',
    'enum.creator_status.watchlist': 'የክትትል ዝርዝር',
    'enum.creator_status.blacklist': 'ጥቁር መዝገብ',

    'enum.channel_platform.tiktok': 'TikTok',
    'enum.channel_platform.youtube': 'YouTube',
    'enum.channel_platform.instagram': 'Instagram',
    'enum.channel_platform.shopee_live': 'Shopee Live',
    'enum.channel_platform.other': 'ሌላ',

    'enum.contact_type.owner': 'የይዘት ፈጣሪው ራሱ',
    'enum.contact_type.manager': 'ማናጀር',
    'enum.contact_type.agency': 'ኤጀንሲ',

    'enum.campaign_channel.tiktok': 'TikTok',
    'enum.campaign_channel.multi': 'ባለብዙ ቻናል',

    'enum.campaign_objective.awareness': 'ግንዛቤ መፍጠር',
    'enum.campaign_objective.traffic': 'ትራፊክ መሳብ',
    'enum.campaign_objective.sale': 'ሽያጭ',
    'enum.campaign_objective.launch': 'ምርት ማስጀመር',
    'enum.campaign_objective.clearance': 'ክምችት ማጽዳት',

    'enum.campaign_status.draft': 'ረቂቅ',
    'enum.campaign_status.planned': 'የታቀደ',
    'enum.campaign_status.running': 'በሂደት ላይ',
    'enum.campaign_status.paused': 'ለጊዜው የቆመ',
    'enum.campaign_status.finished': 'የተጠናቀቀ',
    'enum.campaign_status.canceled': 'የተሰረዘ',

    'enum.campaign_creator_role.main': 'ዋና',
    'enum.campaign_creator_role.supporting': 'ረዳት',
    'enum.campaign_creator_role.trial': 'ሙከራ',

    'enum.booking_type.video_only': 'ቪዲዮ ብቻ',
    'enum.booking_type.live': 'ቀጥታ ስርጭት',
    'enum.booking_type.combo': 'ጥምር (ቪዲዮ + ቀጥታ ስርጭት)',
    'enum.booking_type.barter': 'በምርት ልውውጥ',
    'enum.booking_type.affiliate_only': 'አፊሊዬት ብቻ',

    'enum.booking_status.negotiating': 'በድርድር ላይ',
    'enum.booking_status.confirmed': 'የተረጋገጠ',
    'enum.booking_status.in_progress': 'በመከናወን ላይ',
    'enum.booking_status.completed': 'የተጠናቀቀ',
    'enum.booking_status.canceled': 'የተሰረዘ',

    'enum.deliverable_type.video_feed': 'የፊድ ቪዲዮ',
    'enum.deliverable_type.video_story': 'የስቶሪ ቪዲዮ',
    'enum.deliverable_type.live': 'ቀጥታ ስርጭት',
    'enum.deliverable_type.series': 'ተከታታይ',
    'enum.deliverable_type.short': 'አጭር ቪዲዮ',
    'enum.deliverable_type.other': 'ሌላ',

    'enum.deliverable_status.planned': 'የታቀደ',
    'enum.deliverable_status.shooting': 'በቀረጻ ላይ',
    'enum.deliverable_status.waiting_approve': 'ማጽደቅ በመጠበቅ ላይ',
    'enum.deliverable_status.scheduled': 'ቀጠሮ የተያዘለት',
    'enum.deliverable_status.posted': 'የተለጠፈ',
    'enum.deliverable_status.rejected': 'ውድቅ የተደረገ',
    'enum.deliverable_status.canceled': 'የተሰረዘ',

    'enum.video_channel.tiktok': 'TikTok',
    'enum.video_channel.other': 'ሌላ',

    'enum.video_status.posted': 'የተለጠፈ',
    'enum.video_status.deleted': 'የተወገደ',
    'enum.video_status.hidden': 'የተደበቀ',
    'enum.video_status.pending': 'በመጠባበቅ ላይ',

    'enum.tracking_code_type.voucher': 'ቫውቸር',
    'enum.tracking_code_type.link': 'ሊንክ',
    'enum.tracking_code_type.referral_code': 'የሪፈራል ኮድ',

    'enum.tracking_platform.tiktok_shop': 'TikTok Shop',
    'enum.tracking_platform.web': 'ድረ ገጽ',
    'enum.tracking_platform.shopee': 'Shopee',
    'enum.tracking_platform.other': 'ሌላ',

    'enum.payment_method.bank_transfer': 'የባንክ ዝውውር',
    'enum.payment_method.cash': 'ጥሬ ገንዘብ',
    'enum.payment_method.other': 'ሌላ',

    'enum.payment_status.planned': 'የታቀደ',
    'enum.payment_status.pending': 'በመጠባበቅ ላይ',
    'enum.payment_status.paid': 'የተከፈለ',
    'enum.payment_status.canceled': 'የተሰረዘ',

    'enum.creator_note_type.call': 'የስልክ ጥሪ',
    'enum.creator_note_type.meeting': 'ስብሰባ',
    'enum.creator_note_type.complaint': 'ቅሬታ',
    'enum.creator_note_type.compliment': 'ምስጋና',

    'enum.rate_card_deliverable_type.video_single': 'ነጠላ ቪዲዮ',
    'enum.rate_card_deliverable_type.series': 'ተከታታይ',
    'enum.rate_card_deliverable_type.live': 'ቀጥታ ስርጭት',
    'enum.rate_card_deliverable_type.combo': 'ጥምር (ቪዲዮ + ቀጥታ ስርጭት)',
    'enum.rate_card_deliverable_type.other': 'ሌላ',
  },
});
