/**
 * The sample data set of spec 001 ("SEED DATA"), as the team would type it: Vietnamese names,
 * VND amounts, real-looking handles. Keys are natural keys so that seeding is idempotent.
 * Dates are relative to the day the seed runs would make tests flaky, so they are fixed
 * around the 2026 Tết and mid-year sale seasons.
 */
export const sampleUsers = [
  { username: 'lan.nguyen', email: 'lan.nguyen@bookingcenter.vn', displayName: 'Nguyễn Thị Lan', role: 'admin' },
  { username: 'minh.tran', email: 'minh.tran@bookingcenter.vn', displayName: 'Trần Quang Minh', role: 'lead' },
  { username: 'huong.le', email: 'huong.le@bookingcenter.vn', displayName: 'Lê Thu Hương', role: 'finance' },
  { username: 'an.pham', email: 'an.pham@bookingcenter.vn', displayName: 'Phạm Văn An', role: 'viewer' },
] as const;

export const sampleBrands = [
  { code: 'COCOON', name: 'Cocoon Việt Nam', description: 'Mỹ phẩm thuần chay từ nguyên liệu Việt Nam.' },
  { code: 'HANOIFOOD', name: 'Hà Nội Food', description: 'Đặc sản và đồ ăn vặt Hà Nội.' },
] as const;

export const sampleProducts = [
  { brandCode: 'COCOON', code: 'CC-BI-BAO', name: 'Nước bí đao cân bằng da 310ml', category: 'Chăm sóc da', sapoProductId: 'SAPO-10021', shopeeId: '2284019341' },
  { brandCode: 'COCOON', code: 'CC-CAFE-DL', name: 'Cà phê Đắk Lắk làm sạch da chết cơ thể', category: 'Chăm sóc cơ thể', sapoProductId: 'SAPO-10022', shopeeId: '2284019342' },
  { brandCode: 'COCOON', code: 'CC-SACHI', name: 'Dầu dưỡng tóc sachi 70ml', category: 'Chăm sóc tóc', sapoProductId: 'SAPO-10023', shopeeId: null },
  { brandCode: 'HANOIFOOD', code: 'HN-O-MAI', name: 'Ô mai sấu Hàng Đường 500g', category: 'Đồ ăn vặt', sapoProductId: 'SAPO-20011', shopeeId: '2290112201' },
  { brandCode: 'HANOIFOOD', code: 'HN-COM-VONG', name: 'Cốm làng Vòng 250g', category: 'Đặc sản', sapoProductId: 'SAPO-20012', shopeeId: null },
  { brandCode: 'HANOIFOOD', code: 'HN-MUT-TET', name: 'Hộp mứt Tết Sum Vầy', category: 'Quà Tết', sapoProductId: 'SAPO-20013', shopeeId: '2290112203' },
] as const;

export const sampleCreators = [
  { creatorKey: 'KOC-LINHBEAUTY', name: 'Nguyễn Thuỳ Linh', alias: 'Linh Beauty', gender: 'female', dob: '1998-04-12', location: 'Hà Nội', niche: 'beauty', status: 'active', priorityScore: 9, noteInternal: 'Review chân thật, tỉ lệ chốt đơn cao.',
    channel: { handle: '@linhbeauty', followerCount: 820000, avgView10: 145000, avgEngagementRate: '0.0620' },
    contact: { contactType: 'owner', name: 'Nguyễn Thuỳ Linh', phone: '0912345678', zalo: '0912345678', email: 'linhbeauty.work@gmail.com' } },
  { creatorKey: 'KOC-HOANGANHREVIEW', name: 'Đỗ Hoàng Anh', alias: 'Hoàng Anh Review', gender: 'male', dob: '1995-09-30', location: 'TP. Hồ Chí Minh', niche: 'lifestyle', status: 'active', priorityScore: 7, noteInternal: null,
    channel: { handle: '@hoanganhreview', followerCount: 356000, avgView10: 61000, avgEngagementRate: '0.0480' },
    contact: { contactType: 'manager', name: 'Vũ Minh Tuấn', phone: '0987654321', zalo: '0987654321', email: 'tuan.booking@hoanganh.vn' } },
  { creatorKey: 'KOL-MAIANHCOOKING', name: 'Phạm Mai Anh', alias: 'Mai Anh Nấu Ăn', gender: 'female', dob: '1990-01-18', location: 'Hà Nội', niche: 'food', status: 'active', priorityScore: 8, noteInternal: 'Hợp ngành hàng đồ ăn, quà Tết.',
    channel: { handle: '@maianhnauan', followerCount: 1250000, avgView10: 310000, avgEngagementRate: '0.0710' },
    contact: { contactType: 'agency', name: 'Công ty TNHH Sao Việt Media', phone: '02439998888', zalo: null, email: 'booking@saovietmedia.vn' } },
  { creatorKey: 'KOC-BAOTRAMSKIN', name: 'Lê Bảo Trâm', alias: 'Trâm Skincare', gender: 'female', dob: '2000-11-02', location: 'Đà Nẵng', niche: 'beauty', status: 'watchlist', priorityScore: 5, noteInternal: 'Từng trễ deadline 2 lần, theo dõi thêm.',
    channel: { handle: '@tramskincare', followerCount: 98000, avgView10: 22000, avgEngagementRate: '0.0550' },
    contact: { contactType: 'owner', name: 'Lê Bảo Trâm', phone: '0905111222', zalo: '0905111222', email: null } },
  { creatorKey: 'KOC-DUCANHEATS', name: 'Ngô Đức Anh', alias: 'Đức Anh Ăn Gì', gender: 'male', dob: '1997-06-25', location: 'TP. Hồ Chí Minh', niche: 'food', status: 'active', priorityScore: 6, noteInternal: null,
    channel: { handle: '@ducanhangi', followerCount: 540000, avgView10: 98000, avgEngagementRate: '0.0590' },
    contact: { contactType: 'owner', name: 'Ngô Đức Anh', phone: '0938222333', zalo: '0938222333', email: 'ducanh.eats@gmail.com' } },
  { creatorKey: 'KOC-THAOVY', name: 'Trịnh Thảo Vy', alias: 'Thảo Vy Daily', gender: 'female', dob: '2001-03-08', location: 'Cần Thơ', niche: 'lifestyle', status: 'blacklist', priorityScore: 2, noteInternal: 'Vi phạm cam kết độc quyền ngành hàng (2025).',
    channel: { handle: '@thaovydaily', followerCount: 210000, avgView10: 35000, avgEngagementRate: '0.0400' },
    contact: { contactType: 'owner', name: 'Trịnh Thảo Vy', phone: '0939444555', zalo: null, email: null } },
] as const;

export const sampleTags = [
  { name: 'beauty', description: 'Làm đẹp, chăm sóc da', creators: ['KOC-LINHBEAUTY', 'KOC-BAOTRAMSKIN'] },
  { name: 'food', description: 'Ẩm thực, review đồ ăn', creators: ['KOL-MAIANHCOOKING', 'KOC-DUCANHEATS'] },
  { name: 'chot-don-tot', description: 'Tỉ lệ chuyển đổi đơn hàng cao', creators: ['KOC-LINHBEAUTY', 'KOC-DUCANHEATS'] },
] as const;

export const sampleCampaigns = [
  {
    code: 'CC-TET-2026', name: 'Chiến dịch Tết 2026 – Cocoon', brandCode: 'COCOON', channel: 'tiktok', objective: 'sale',
    description: [
      '## Key message', 'Tết này da khoẻ tự nhiên cùng mỹ phẩm thuần chay Việt.', '',
      '## Do', '- Quay cận cảnh kết cấu sản phẩm', '- Gắn giỏ hàng TikTok Shop', '',
      "## Don't", '- Không so sánh với thương hiệu khác', '',
      '## Hashtags', '#cocoonvietnam #tetxanh #thuanchay', '',
      '## CTA', 'Nhập mã COCOONTET giảm 15% trên TikTok Shop',
    ].join('\n'),
    startDate: '2026-01-05', endDate: '2026-02-15', budgetPlanned: '150000000', kpiView: 3000000, kpiOrder: 2500, kpiRevenue: '450000000',
    status: 'running', ownerUsername: 'minh.tran',
    products: [{ brandCode: 'COCOON', productCode: 'CC-BI-BAO', priority: 1, note: 'Sản phẩm chủ lực' }, { brandCode: 'COCOON', productCode: 'CC-CAFE-DL', priority: 2, note: null }],
    creators: [{ creatorKey: 'KOC-LINHBEAUTY', role: 'main', note: 'Video chính ngày 10/01' }, { creatorKey: 'KOC-BAOTRAMSKIN', role: 'supporting', note: 'Theo dõi deadline' }, { creatorKey: 'KOC-HOANGANHREVIEW', role: 'trial', note: null }],
  },
  {
    code: 'HNF-MUT-TET-2026', name: 'Mứt Tết Sum Vầy 2026', brandCode: 'HANOIFOOD', channel: 'multi', objective: 'launch',
    description: '## Key message\nHộp mứt Tết Sum Vầy – quà Tết đậm vị Hà Nội.\n\n## CTA\nĐặt trước trên Shopee để nhận quà tặng.',
    startDate: '2026-01-10', endDate: '2026-02-10', budgetPlanned: '80000000', kpiView: 1500000, kpiOrder: null, kpiRevenue: null,
    status: 'planned', ownerUsername: 'minh.tran',
    products: [{ brandCode: 'HANOIFOOD', productCode: 'HN-MUT-TET', priority: 1, note: 'Hero SKU' }, { brandCode: 'HANOIFOOD', productCode: 'HN-O-MAI', priority: 2, note: 'Bán kèm' }],
    creators: [{ creatorKey: 'KOL-MAIANHCOOKING', role: 'main', note: 'Livestream nấu mứt' }, { creatorKey: 'KOC-DUCANHEATS', role: 'supporting', note: null }],
  },
] as const;

export const sampleBookings = [
  { code: 'BK-0001', campaignCode: 'CC-TET-2026', creatorKey: 'KOC-LINHBEAUTY', productCode: 'CC-BI-BAO', bookingType: 'video_only', briefSummary: '1 video review nước bí đao, gắn giỏ hàng', startDate: '2026-01-05', endDate: '2026-01-20', totalFeeAgreed: '25000000', deliverablesCountPlanned: 1, status: 'completed',
    deliverables: [{ deliverableType: 'video_feed', title: 'Review nước bí đao', deadlineShoot: '2026-01-08', deadlinePost: '2026-01-10', quantity: 1, fee: '25000000', status: 'posted' }] },
  { code: 'BK-0002', campaignCode: 'CC-TET-2026', creatorKey: 'KOC-BAOTRAMSKIN', productCode: 'CC-CAFE-DL', bookingType: 'combo', briefSummary: '1 video + 1 story tẩy da chết cà phê', startDate: '2026-01-08', endDate: '2026-01-25', totalFeeAgreed: '12000000', deliverablesCountPlanned: 2, status: 'in_progress',
    deliverables: [{ deliverableType: 'video_feed', title: 'Tẩy da chết cà phê Đắk Lắk', deadlineShoot: '2026-01-12', deadlinePost: '2026-01-15', quantity: 1, fee: '9000000', status: 'posted' },
      { deliverableType: 'video_story', title: 'Story nhắc mã giảm giá', deadlineShoot: null, deadlinePost: '2026-01-18', quantity: 1, fee: '3000000', status: 'shooting' }] },
  { code: 'BK-0003', campaignCode: 'HNF-MUT-TET-2026', creatorKey: 'KOL-MAIANHCOOKING', productCode: 'HN-MUT-TET', bookingType: 'live', briefSummary: 'Livestream 60 phút làm mứt Tết', startDate: '2026-01-15', endDate: '2026-01-30', totalFeeAgreed: '40000000', deliverablesCountPlanned: 1, status: 'confirmed',
    deliverables: [{ deliverableType: 'live', title: 'Livestream Mứt Tết Sum Vầy', deadlineShoot: null, deadlinePost: '2026-01-25', quantity: 1, fee: '40000000', status: 'scheduled' }] },
] as const;

export const sampleVideos = [
  { bookingCode: 'BK-0001', deliverableTitle: 'Review nước bí đao', platformVideoId: '7456120098812345601', url: 'https://www.tiktok.com/@linhbeauty/video/7456120098812345601', title: 'Nước bí đao có thần thánh như lời đồn?', postDate: '2026-01-10',
    snapshots: [{ snapshotTime: '2026-01-11T09:00:00+07:00', viewCount: 185000, likeCount: 12400, commentCount: 830, shareCount: 410, saveCount: 2900 },
      { snapshotTime: '2026-01-17T09:00:00+07:00', viewCount: 412000, likeCount: 27800, commentCount: 1650, shareCount: 990, saveCount: 6100 }] },
  { bookingCode: 'BK-0002', deliverableTitle: 'Tẩy da chết cà phê Đắk Lắk', platformVideoId: '7457333012345678902', url: 'https://www.tiktok.com/@tramskincare/video/7457333012345678902', title: 'Da mịn đón Tết với cà phê Đắk Lắk', postDate: '2026-01-16',
    snapshots: [{ snapshotTime: '2026-01-17T09:00:00+07:00', viewCount: 36000, likeCount: 2100, commentCount: 95, shareCount: 40, saveCount: 310 }] },
] as const;

export const sampleTrackingAssets = [
  { campaignCode: 'CC-TET-2026', bookingCode: 'BK-0001', creatorKey: 'KOC-LINHBEAUTY', codeType: 'voucher', codeValue: 'COCOONTET', platform: 'tiktok_shop', targetUrl: null, note: 'Giảm 15%',
    conversions: [{ orderCode: 'TTS-260111-0001', orderDate: '2026-01-11T20:15:00+07:00', revenue: '295000', productCode: 'CC-BI-BAO', quantity: 1 },
      { orderCode: 'TTS-260111-0002', orderDate: '2026-01-11T21:40:00+07:00', revenue: '590000', productCode: 'CC-BI-BAO', quantity: 2 }] },
] as const;

export const samplePayments = [
  { paymentRef: 'PAY-BK-0001-1', bookingCode: 'BK-0001', amount: '12500000', paymentDate: '2026-01-06', paymentMethod: 'bank_transfer', status: 'paid', invoiceNumber: 'HD-2026-0012', note: 'Cọc 50%' },
  { paymentRef: 'PAY-BK-0001-2', bookingCode: 'BK-0001', amount: '12500000', paymentDate: '2026-01-21', paymentMethod: 'bank_transfer', status: 'paid', invoiceNumber: 'HD-2026-0031', note: 'Thanh toán nốt sau nghiệm thu' },
  { paymentRef: 'PAY-BK-0002-1', bookingCode: 'BK-0002', amount: '12000000', paymentDate: '2026-01-26', paymentMethod: 'bank_transfer', status: 'planned', invoiceNumber: null, note: null },
  { paymentRef: 'PAY-BK-0003-1', bookingCode: 'BK-0003', amount: '20000000', paymentDate: '2026-01-12', paymentMethod: 'bank_transfer', status: 'pending', invoiceNumber: null, note: 'Cọc livestream' },
] as const;

export const sampleTemplates = [
  { name: 'Brief video TikTok chuẩn', templateType: 'brief', channel: 'tiktok',
    content: '## Key message\n{{key_message}}\n\n## Do\n- {{do}}\n\n## Don\'t\n- {{dont}}\n\n## Hashtags\n{{hashtags}}\n\n## CTA\n{{cta}}',
    variables: [{ name: 'key_message', description: 'Thông điệp chính' }, { name: 'do', description: 'Nên làm' }, { name: 'dont', description: 'Không nên' }, { name: 'hashtags', description: 'Hashtag bắt buộc' }, { name: 'cta', description: 'Lời kêu gọi hành động' }] },
  { name: 'Tin nhắn mời hợp tác', templateType: 'chat_message', channel: 'general',
    content: 'Chào {{creator_name}}, bên mình là {{brand_name}}. Bên mình muốn mời bạn tham gia chiến dịch {{campaign_name}} từ {{start_date}} đến {{end_date}}. Bạn báo giá giúp mình nhé!',
    variables: [{ name: 'creator_name' }, { name: 'brand_name' }, { name: 'campaign_name' }, { name: 'start_date' }, { name: 'end_date' }] },
] as const;

export const sampleRules = [
  { name: 'Cảnh báo deliverable trễ hạn', description: 'Deliverable quá deadline_post mà chưa đăng.', scope: 'booking',
    conditionJson: { field: 'deadline_post', op: 'lt', value: 'today', and: { field: 'status', op: 'neq', value: 'posted' } }, actionJson: { type: 'flag', code: 'AT_RISK_DEADLINE' } },
  { name: 'Chặn booking creator blacklist', description: 'Không cho tạo booking mới với creator trong blacklist.', scope: 'creator',
    conditionJson: { field: 'status', op: 'eq', value: 'blacklist' }, actionJson: { type: 'block', message: 'Creator đang trong blacklist' } },
] as const;
