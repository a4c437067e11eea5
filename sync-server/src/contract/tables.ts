import type { EnumName } from './enums.js';
import type {
  ColumnDefinition,
  ColumnType,
  ComputedColumn,
  Label,
  NaturalKey,
  ReferenceDefinition,
  TableDefinition,
  TableName,
} from './table-definition.js';

// Plain-language labels, shared by every column of the same name. A missing entry falls
// back to the column name, so adding a column never breaks the sheet.
const labels: Record<string, Label> = {
  code: { en: 'Code', vi: 'Mã', am: 'ኮድ' },
  name: { en: 'Name', vi: 'Tên', am: 'ስም' },
  description: { en: 'Description', vi: 'Mô tả', am: 'መግለጫ' },
  brand_code: { en: 'Brand code', vi: 'Mã thương hiệu', am: 'የብራንድ ኮድ' },
  category: { en: 'Category', vi: 'Danh mục', am: 'ምድብ' },
  sapo_id: { en: 'Sapo product ID', vi: 'Mã sản phẩm Sapo', am: 'የSapo ምርት መለያ' },
  shopee_id: { en: 'Shopee ID', vi: 'Mã Shopee', am: 'የShopee መለያ' },
  creator_key: { en: 'Creator key', vi: 'Mã creator', am: 'የይዘት ፈጣሪ መለያ' },
  alias: { en: 'Alias', vi: 'Biệt danh', am: 'ሌላ ስም' },
  gender: { en: 'Gender', vi: 'Giới tính', am: 'ጾታ' },
  dob: { en: 'Date of birth', vi: 'Ngày sinh', am: 'የትውልድ ቀን' },
  location: { en: 'Location', vi: 'Khu vực', am: 'አካባቢ' },
  niche: { en: 'Niche', vi: 'Lĩnh vực', am: 'ዘርፍ' },
  status: { en: 'Status', vi: 'Trạng thái', am: 'ሁኔታ' },
  priority_score: { en: 'Priority (1-10)', vi: 'Độ ưu tiên (1-10)', am: 'ቅድሚያ (1-10)' },
  note_internal: { en: 'Internal note', vi: 'Ghi chú nội bộ', am: 'የውስጥ ማስታወሻ' },
  platform: { en: 'Platform', vi: 'Nền tảng', am: 'መድረክ' },
  handle: { en: 'Handle', vi: 'Tên kênh', am: 'የአካውንት ስም' },
  profile_url: { en: 'Profile link', vi: 'Link kênh', am: 'የመገለጫ ሊንክ' },
  external_id: { en: 'Platform ID', vi: 'ID nền tảng', am: 'የመድረክ መለያ' },
  follower_count: { en: 'Followers', vi: 'Người theo dõi', am: 'ተከታዮች' },
  avg_view_10: { en: 'Average views (last 10)', vi: 'View trung bình (10 video)', am: 'አማካይ እይታዎች (የመጨረሻዎቹ 10)' },
  avg_engagement_rate: { en: 'Average engagement rate', vi: 'Tỷ lệ tương tác TB', am: 'አማካይ የተሳትፎ መጠን' },
  contact_type: { en: 'Contact type', vi: 'Loại liên hệ', am: 'የዕውቂያ አይነት' },
  phone: { en: 'Phone', vi: 'Số điện thoại', am: 'ስልክ' },
  zalo: { en: 'Zalo', vi: 'Zalo', am: 'Zalo' },
  email: { en: 'Email', vi: 'Email', am: 'ኢሜይል' },
  wechat: { en: 'WeChat', vi: 'WeChat', am: 'WeChat' },
  is_primary: { en: 'Primary contact', vi: 'Liên hệ chính', am: 'ዋና ዕውቂያ' },
  note: { en: 'Note', vi: 'Ghi chú', am: 'ማስታወሻ' },
  channel: { en: 'Channel', vi: 'Kênh', am: 'ቻናል' },
  objective: { en: 'Objective', vi: 'Mục tiêu', am: 'ዓላማ' },
  start_date: { en: 'Start date', vi: 'Ngày bắt đầu', am: 'የመጀመሪያ ቀን' },
  end_date: { en: 'End date', vi: 'Ngày kết thúc', am: 'የማብቂያ ቀን' },
  budget_planned: { en: 'Planned budget', vi: 'Ngân sách dự kiến', am: 'የታቀደ በጀት' },
  kpi_view: { en: 'KPI views', vi: 'KPI lượt xem', am: 'KPI እይታዎች' },
  kpi_order: { en: 'KPI orders', vi: 'KPI đơn hàng', am: 'KPI ትዕዛዞች' },
  kpi_revenue: { en: 'KPI revenue', vi: 'KPI doanh thu', am: 'KPI ገቢ' },
  owner_username: { en: 'Owner (username)', vi: 'Người phụ trách', am: 'ኃላፊ (የተጠቃሚ ስም)' },
  campaign_code: { en: 'Campaign code', vi: 'Mã chiến dịch', am: 'የዘመቻ ኮድ' },
  product_code: { en: 'Product code', vi: 'Mã sản phẩm', am: 'የምርት ኮድ' },
  priority: { en: 'Priority', vi: 'Thứ tự ưu tiên', am: 'ቅድሚያ' },
  role: { en: 'Role', vi: 'Vai trò', am: 'ሚና' },
  booking_type: { en: 'Booking type', vi: 'Loại booking', am: 'የቦኪንግ አይነት' },
  brief_summary: { en: 'Brief summary', vi: 'Tóm tắt brief', am: 'የብሪፍ ማጠቃለያ' },
  total_fee_agreed: { en: 'Agreed fee', vi: 'Phí đã chốt', am: 'የተስማሙበት ክፍያ' },
  currency: { en: 'Currency', vi: 'Tiền tệ', am: 'ምንዛሪ' },
  deliverables_count_planned: { en: 'Planned deliverables', vi: 'Số hạng mục dự kiến', am: 'የታቀዱ የሚቀርቡ ይዘቶች ብዛት' },
  internal_note: { en: 'Internal note', vi: 'Ghi chú nội bộ', am: 'የውስጥ ማስታወሻ' },
  booking_code: { en: 'Booking code', vi: 'Mã booking', am: 'የቦኪንግ ኮድ' },
  deliverable_code: { en: 'Deliverable code', vi: 'Mã hạng mục', am: 'የሚቀርብ ይዘት ኮድ' },
  deliverable_type: { en: 'Deliverable type', vi: 'Loại hạng mục', am: 'የሚቀርብ ይዘት አይነት' },
  title: { en: 'Title', vi: 'Tiêu đề', am: 'ርዕስ' },
  script_link: { en: 'Script link', vi: 'Link kịch bản', am: 'የስክሪፕት ሊንክ' },
  requirements: { en: 'Requirements', vi: 'Yêu cầu', am: 'መስፈርቶች' },
  deadline_shoot: { en: 'Shoot deadline', vi: 'Hạn quay', am: 'የቀረጻ ቀነ ገደብ' },
  deadline_post: { en: 'Post deadline', vi: 'Hạn đăng', am: 'የመለጠፊያ ቀነ ገደብ' },
  quantity: { en: 'Quantity', vi: 'Số lượng', am: 'ብዛት' },
  fee: { en: 'Fee', vi: 'Phí', am: 'ክፍያ' },
  deliverable_title: { en: 'Deliverable title', vi: 'Tiêu đề hạng mục', am: 'የሚቀርብ ይዘት ርዕስ' },
  platform_video_id: { en: 'Video ID', vi: 'ID video', am: 'የቪዲዮ መለያ' },
  url: { en: 'Video link', vi: 'Link video', am: 'የቪዲዮ ሊንክ' },
  post_date: { en: 'Post date', vi: 'Ngày đăng', am: 'የተለጠፈበት ቀን' },
  thumbnail_url: { en: 'Thumbnail link', vi: 'Link ảnh bìa', am: 'የሽፋን ምስል ሊንክ' },
  snapshot_time: { en: 'Snapshot time', vi: 'Thời điểm ghi nhận', am: 'የተመዘገበበት ጊዜ' },
  view_count: { en: 'Views', vi: 'Lượt xem', am: 'እይታዎች' },
  like_count: { en: 'Likes', vi: 'Lượt thích', am: 'ላይኮች' },
  comment_count: { en: 'Comments', vi: 'Bình luận', am: 'አስተያየቶች' },
  share_count: { en: 'Shares', vi: 'Chia sẻ', am: 'ማጋራቶች' },
  save_count: { en: 'Saves', vi: 'Lượt lưu', am: 'ማስቀመጦች' },
  engagement_rate: { en: 'Engagement rate', vi: 'Tỷ lệ tương tác', am: 'የተሳትፎ መጠን' },
  code_type: { en: 'Code type', vi: 'Loại mã', am: 'የኮድ አይነት' },
  code_value: { en: 'Code', vi: 'Giá trị mã', am: 'የኮድ እሴት' },
  target_url: { en: 'Target link', vi: 'Link đích', am: 'የመድረሻ ሊንክ' },
  is_active: { en: 'Active', vi: 'Đang dùng', am: 'በጥቅም ላይ' },
  order_code: { en: 'Order code', vi: 'Mã đơn hàng', am: 'የትዕዛዝ ኮድ' },
  order_id_external: { en: 'External order ID', vi: 'ID đơn bên ngoài', am: 'የውጭ ትዕዛዝ መለያ' },
  order_date: { en: 'Order time', vi: 'Thời gian đặt hàng', am: 'የትዕዛዝ ጊዜ' },
  revenue: { en: 'Revenue', vi: 'Doanh thu', am: 'ገቢ' },
  source_platform: { en: 'Source platform', vi: 'Nền tảng nguồn', am: 'የምንጭ መድረክ' },
  amount: { en: 'Amount', vi: 'Số tiền', am: 'የገንዘብ መጠን' },
  exchange_rate: { en: 'Exchange rate', vi: 'Tỷ giá', am: 'የምንዛሪ ተመን' },
  // The *_vnd columns hold the amount in the tenant's base currency (VND unless it chose another): the name is 001's.
  amount_vnd: { en: 'Amount (base currency)', vi: 'Số tiền quy đổi', am: 'የገንዘብ መጠን (በመሠረታዊ ምንዛሪ)' },
  total_fee_vnd: { en: 'Agreed fee (base currency)', vi: 'Phí đã chốt quy đổi', am: 'የተስማሙበት ክፍያ (በመሠረታዊ ምንዛሪ)' },
  revenue_vnd: { en: 'Revenue (base currency)', vi: 'Doanh thu quy đổi', am: 'ገቢ (በመሠረታዊ ምንዛሪ)' },
  rate_date: { en: 'Rate date', vi: 'Ngày áp dụng', am: 'የተመኑ ቀን' },
  rate_to_base: { en: 'Rate to base currency', vi: 'Tỷ giá quy đổi', am: 'ወደ መሠረታዊ ምንዛሪ ተመን' },
  source: { en: 'Source', vi: 'Nguồn', am: 'ምንጭ' },
  payment_date: { en: 'Payment date', vi: 'Ngày thanh toán', am: 'የክፍያ ቀን' },
  payment_method: { en: 'Payment method', vi: 'Hình thức thanh toán', am: 'የክፍያ ዘዴ' },
  invoice_number: { en: 'Invoice number', vi: 'Số hóa đơn', am: 'የኢንቮይስ ቁጥር' },
  created_by_username: { en: 'Created by (username)', vi: 'Người tạo', am: 'የፈጠረው (የተጠቃሚ ስም)' },
  payment_ref: { en: 'Payment reference', vi: 'Mã thanh toán', am: 'የክፍያ ማጣቀሻ' },
  health_flags: { en: 'Health flags', vi: 'Cảnh báo', am: 'ማስጠንቀቂያዎች' },
  creators_count: { en: 'Creators', vi: 'Số creator', am: 'የይዘት ፈጣሪዎች' },
  products_count: { en: 'Products', vi: 'Số sản phẩm', am: 'ምርቶች' },
  budget_committed: { en: 'Committed budget', vi: 'Ngân sách đã chốt', am: 'ቃል የተገባ በጀት' },
  budget_actual: { en: 'Actual spend', vi: 'Đã chi', am: 'ትክክለኛ ወጪ' },
  progress_percent: { en: 'Progress %', vi: 'Tiến độ %', am: 'ሂደት %' },
  roas: { en: 'ROAS', vi: 'ROAS', am: 'ROAS' },
  row_version: { en: 'Version', vi: 'Phiên bản', am: 'ስሪት' },
  updated_at: { en: 'Last changed', vi: 'Cập nhật lúc', am: 'መጨረሻ የተቀየረው' },
  // Issue 14: the execution read-outs right of the Bookings, Deliverables and Videos tabs.
  paid: { en: 'Paid', vi: 'Đã trả', am: 'የተከፈለ' },
  remaining: { en: 'Still to pay', vi: 'Còn phải trả', am: 'የሚቀረው ክፍያ' },
  deliverables_posted: { en: 'Deliverables posted', vi: 'Hạng mục đã đăng', am: 'የተለጠፉ ይዘቶች' },
  deliverables_planned: { en: 'Deliverables planned', vi: 'Hạng mục dự kiến', am: 'የታቀዱ ይዘቶች' },
  views: { en: 'Views', vi: 'Lượt xem', am: 'እይታዎች' },
  orders: { en: 'Orders', vi: 'Đơn hàng', am: 'ትዕዛዞች' },
  cpv: { en: 'Cost per view', vi: 'Chi phí mỗi lượt xem', am: 'ዋጋ በአንድ እይታ' },
  cpo: { en: 'Cost per order', vi: 'Chi phí mỗi đơn', am: 'ዋጋ በአንድ ትዕዛዝ' },
  booking_flags: { en: 'Flags', vi: 'Cảnh báo', am: 'ማሳሰቢያዎች' },
  is_overdue: { en: 'Overdue', vi: 'Quá hạn', am: 'ጊዜው ያለፈበት' },
  days_to_deadline: { en: 'Days to deadline', vi: 'Số ngày đến hạn', am: 'እስከ ቀነ ገደቡ ያሉ ቀናት' },
  latest_views: { en: 'Latest views', vi: 'Lượt xem mới nhất', am: 'የቅርብ ጊዜ እይታዎች' },
  latest_snapshot_at: { en: 'Latest snapshot', vi: 'Lần ghi số liệu gần nhất', am: 'የቅርብ ጊዜ ቅጽበታዊ መረጃ' },
  // Issue 14: the rest of the KOC database (tags, notes, rate cards).
  tag_name: { en: 'Tag', vi: 'Thẻ', am: 'መለያ ቃል' },
  note_type: { en: 'Note type', vi: 'Loại ghi chú', am: 'የማስታወሻ አይነት' },
  content: { en: 'Content', vi: 'Nội dung', am: 'ይዘት' },
  price: { en: 'Price', vi: 'Giá', am: 'ዋጋ' },
  valid_from: { en: 'Valid from', vi: 'Áp dụng từ', am: 'ከዚህ ቀን ጀምሮ የሚሰራ' },
  valid_to: { en: 'Valid until', vi: 'Áp dụng đến', am: 'እስከዚህ ቀን የሚሰራ' },
  // Issue 14, item 8: the creator scorecard right of the Creators tab.
  campaigns_count: { en: 'Campaigns', vi: 'Số chiến dịch', am: 'ዘመቻዎች' },
  bookings_count: { en: 'Bookings', vi: 'Số booking', am: 'ቦኪንጎች' },
  on_time_rate: { en: 'Posted on time (share)', vi: 'Tỷ lệ đăng đúng hạn', am: 'በሰዓቱ የተለጠፉ (ድርሻ)' },
  rejection_count: { en: 'Drafts rejected', vi: 'Số lần bị từ chối', am: 'ውድቅ የተደረጉ ረቂቆች' },
  avg_views_per_video: { en: 'Average views per video', vi: 'View TB mỗi video', am: 'አማካይ እይታዎች በአንድ ቪዲዮ' },
  total_paid: { en: 'Total paid', vi: 'Tổng đã trả', am: 'በአጠቃላይ የተከፈለ' },
  last_collaboration: { en: 'Last collaboration', vi: 'Lần hợp tác gần nhất', am: 'የመጨረሻው ትብብር' },
};

function labelOf(name: string): Label {
  return labels[name] ?? { en: name, vi: name, am: name };
}

type ColumnOptions = Partial<Omit<ColumnDefinition, 'name' | 'type' | 'label'>> & { db?: string | false };

/** A column; by default it writes the database column of the same name. `db: false` for key-only cells. */
function column(name: string, type: ColumnType, options: ColumnOptions = {}): ColumnDefinition {
  const { db, ...rest } = options;
  const dbColumn = db === false ? undefined : (db ?? name);
  return { name, type, isRequired: false, label: labelOf(name), ...rest, ...(dbColumn ? { dbColumn } : {}) };
}

function required(name: string, type: ColumnType, options: ColumnOptions = {}): ColumnDefinition {
  return column(name, type, { ...options, isRequired: true });
}

function enumColumn(name: string, enumName: EnumName, options: ColumnOptions = {}): ColumnDefinition {
  return column(name, 'enum', { ...options, enumName });
}

function computed(name: string, type: ColumnType, description: string, options: { isSpend?: boolean; dbColumn?: string } = {}): ComputedColumn {
  return { name, type, label: labelOf(name), description, ...options };
}

/** A currency code cell: three letters, read in any case and stored upper case (VND, USD, ETB). */
function currencyColumn(): ColumnDefinition {
  return required('currency', 'text', { defaultValue: 'VND', textKind: 'currency' });
}

/** A row's own rate to the base currency (Decimal(18,6): twelve digits before the point); empty: the Exchange rates tab's. */
function exchangeRateColumn(): ColumnDefinition {
  return column('exchange_rate', 'money', { min: 0, max: 999_999_999_999 });
}

/** `amount` in the tenant's base currency, stored in `name`: the write door fills it (modules/currencies). */
function baseAmount(name: string, amountColumn: string, options: { isSpend?: boolean } = {}): ComputedColumn {
  return computed(name, 'money', `${amountColumn} in the tenant's base currency: × exchange_rate, or × the Exchange rates tab's rate on or before the row's date. Filled by the server.`, { ...options, dbColumn: name });
}

function reference(
  name: string,
  table: ReferenceDefinition['table'],
  dbColumn: string,
  match: Record<string, string>,
  options: { isRequired?: boolean; copies?: ReferenceDefinition['copies'] } = {},
): ReferenceDefinition {
  return {
    name,
    table,
    dbColumn,
    match: Object.entries(match).map(([column, targetColumn]) => ({ column, targetColumn })),
    isRequired: options.isRequired ?? true,
    ...(options.copies ? { copies: options.copies } : {}),
  };
}

function key(columns: readonly string[], nullableColumns: readonly string[] = []): NaturalKey {
  return nullableColumns.length ? { columns, nullableColumns } : { columns };
}

/** Every table shows these two read-only columns: the sheet sync needs them to detect conflicts. */
const bookkeepingColumns: readonly ComputedColumn[] = [
  computed('row_version', 'integer', 'Bumped by the database on every real change; a push with an older version is a conflict.'),
  computed('updated_at', 'datetime', 'When the row last changed.'),
];

type TableInput = Omit<TableDefinition, 'computedColumns' | 'label'> & { label: Label; computedColumns?: readonly ComputedColumn[] };

function table(input: TableInput): TableDefinition {
  return { ...input, computedColumns: [...(input.computedColumns ?? []), ...bookkeepingColumns] };
}

/**
 * The import templates: 001's 15 and issue 13's exchange rates, in dependency order (a table only
 * references tables before it; the rates come before the amounts they convert).
 */
export const tableDefinitions: readonly TableDefinition[] = [
  table({
    name: 'brands',
    entity: 'brand',
    dbTable: 'brands',
    label: { en: 'Brands', vi: 'Thương hiệu', am: 'ብራንዶች' },
    columns: [required('code', 'text'), required('name', 'text'), column('description', 'text', { textKind: 'long' })],
    naturalKeys: [key(['code'])],
    references: [],
  }),
  table({
    name: 'products',
    entity: 'product',
    dbTable: 'products',
    label: { en: 'Products', vi: 'Sản phẩm', am: 'ምርቶች' },
    columns: [
      required('brand_code', 'text', { db: false }),
      required('code', 'text'),
      required('name', 'text'),
      column('category', 'text'),
      column('sapo_id', 'text', { db: 'sapo_product_id' }),
      column('shopee_id', 'text'),
    ],
    naturalKeys: [key(['brand_code', 'code'])],
    references: [reference('brand', 'brands', 'brand_id', { brand_code: 'code' })],
  }),
  table({
    name: 'creators',
    entity: 'creator',
    dbTable: 'creators',
    label: { en: 'Creators (KOC/KOL)', vi: 'Creator (KOC/KOL)', am: 'የይዘት ፈጣሪዎች (KOC/KOL)' },
    columns: [
      required('creator_key', 'text'),
      required('name', 'text'),
      column('alias', 'text'),
      enumColumn('gender', 'gender'),
      column('dob', 'date'),
      column('location', 'text'),
      column('niche', 'text'),
      enumColumn('status', 'creator_status', { isRequired: true, defaultValue: 'active' }),
      column('priority_score', 'integer', { min: 1, max: 10 }),
      column('note_internal', 'text', { textKind: 'long' }),
    ],
    naturalKeys: [key(['creator_key'])],
    references: [],
    // Issue 14, item 8: the creator's scorecard, computed for a page of creators at once
    // (modules/creators/creator-scorecard.repository.ts).
    computedColumns: [
      computed('campaigns_count', 'integer', 'Distinct campaigns of its bookings that are not canceled.'),
      computed('bookings_count', 'integer', 'Its bookings that are not canceled.'),
      computed('on_time_rate', 'decimal', 'Share (0-1) of its posted deliverables with a deadline posted on or before it, by the linked video\'s post date; empty while none can be measured.'),
      computed('rejection_count', 'integer', 'Times one of its drafts was rejected, from the history.'),
      computed('avg_views_per_video', 'integer', 'Mean views of its videos at their latest snapshot.'),
      computed('roas', 'decimal', 'Revenue attributed to it divided by total paid.', { isSpend: true }),
      computed('total_paid', 'money', 'Its paid payments, in the base currency.', { isSpend: true }),
      computed('last_collaboration', 'date', 'Latest end date (else start date) of its bookings that are not canceled.'),
    ],
  }),
  table({
    name: 'creator_channels',
    entity: 'creator_channel',
    dbTable: 'creator_channels',
    label: { en: 'Creator channels', vi: 'Kênh của creator', am: 'የይዘት ፈጣሪ ቻናሎች' },
    columns: [
      required('creator_key', 'text', { db: false }),
      enumColumn('platform', 'channel_platform', { isRequired: true }),
      required('handle', 'text'),
      column('profile_url', 'text', { textKind: 'link' }),
      column('external_id', 'text'),
      column('follower_count', 'integer', { min: 0 }),
      column('avg_view_10', 'integer', { min: 0 }),
      column('avg_engagement_rate', 'decimal', { min: 0 }),
    ],
    naturalKeys: [key(['platform', 'handle']), key(['platform', 'external_id'])],
    references: [reference('creator', 'creators', 'creator_id', { creator_key: 'creator_key' })],
  }),
  table({
    name: 'creator_contacts',
    entity: 'creator_contact',
    dbTable: 'creator_contacts',
    label: { en: 'Creator contacts', vi: 'Liên hệ của creator', am: 'የይዘት ፈጣሪ ዕውቂያዎች' },
    columns: [
      required('creator_key', 'text', { db: false }),
      enumColumn('contact_type', 'contact_type', { isRequired: true }),
      required('name', 'text'),
      column('phone', 'text', { textKind: 'phone', mask: 'phone' }),
      // A Zalo account is a phone number.
      column('zalo', 'text', { textKind: 'phone', mask: 'phone' }),
      column('email', 'text', { mask: 'email' }),
      column('wechat', 'text', { mask: 'handle' }),
      required('is_primary', 'boolean', { defaultValue: false }),
      column('note', 'text', { textKind: 'long' }),
    ],
    naturalKeys: [key(['creator_key', 'contact_type', 'name'])],
    references: [reference('creator', 'creators', 'creator_id', { creator_key: 'creator_key' })],
  }),
  // Issue 14: the rest of 001 B, the KOC database. Tags come before the map that uses them.
  table({
    name: 'creator_tags',
    entity: 'creator_tag',
    dbTable: 'creator_tags',
    label: { en: 'Creator tags', vi: 'Thẻ creator', am: 'የይዘት ፈጣሪ መለያ ቃላት' },
    columns: [required('name', 'text'), column('description', 'text', { textKind: 'long' })],
    naturalKeys: [key(['name'])],
    references: [],
  }),
  table({
    name: 'creator_tag_map',
    entity: 'creator_tag_map',
    dbTable: 'creator_tag_maps',
    label: { en: 'Creator tag map', vi: 'Gắn thẻ creator', am: 'የይዘት ፈጣሪዎች መለያ ቃላት' },
    columns: [required('creator_key', 'text', { db: false }), required('tag_name', 'text', { db: false })],
    naturalKeys: [key(['creator_key', 'tag_name'])],
    references: [
      reference('creator', 'creators', 'creator_id', { creator_key: 'creator_key' }),
      reference('tag', 'creator_tags', 'tag_id', { tag_name: 'name' }),
    ],
  }),
  table({
    name: 'creator_notes',
    entity: 'creator_note',
    dbTable: 'creator_notes',
    label: { en: 'Creator notes', vi: 'Ghi chú về creator', am: 'የይዘት ፈጣሪ ማስታወሻዎች' },
    columns: [
      required('creator_key', 'text', { db: false }),
      enumColumn('note_type', 'creator_note_type', { isRequired: true }),
      required('title', 'text'),
      // Markdown. Required: the column is NOT NULL (default '') and an empty cell reads as null.
      required('content', 'text', { textKind: 'long' }),
      column('created_by_username', 'text', { db: false }),
    ],
    // The table has no date of its own (only created_at): a creator's note is known by its title,
    // so a re-import updates the note instead of adding it again.
    naturalKeys: [key(['creator_key', 'title'])],
    references: [
      reference('creator', 'creators', 'creator_id', { creator_key: 'creator_key' }),
      reference('author', 'users', 'user_id', { created_by_username: 'username' }, { isRequired: false }),
    ],
  }),
  table({
    name: 'creator_rate_cards',
    entity: 'creator_rate_card',
    dbTable: 'creator_rate_cards',
    label: { en: 'Creator rate cards', vi: 'Bảng giá creator', am: 'የይዘት ፈጣሪ የዋጋ ዝርዝሮች' },
    columns: [
      required('creator_key', 'text', { db: false }),
      // The channel the price is for, when the creator prices channels differently.
      enumColumn('platform', 'channel_platform', { db: false }),
      column('handle', 'text', { db: false }),
      enumColumn('deliverable_type', 'rate_card_deliverable_type', { isRequired: true }),
      column('description', 'text', { textKind: 'long' }),
      required('price', 'money', { min: 0, isSpend: true }),
      currencyColumn(),
      column('valid_from', 'date'),
      column('valid_to', 'date'),
    ],
    naturalKeys: [key(['creator_key', 'deliverable_type', 'valid_from'], ['valid_from'])],
    references: [
      reference('creator', 'creators', 'creator_id', { creator_key: 'creator_key' }),
      reference('channel', 'creator_channels', 'channel_id', { platform: 'platform', handle: 'handle' }, { isRequired: false }),
    ],
  }),
  table({
    // Issue 13: 1 `currency` = rate_to_base units of the tenant's base currency from rate_date on,
    // until a later rate of the same currency. Before bookings, conversions and payments, which
    // convert at these rates in the same import or push.
    name: 'exchange_rates',
    entity: 'exchange_rate',
    dbTable: 'exchange_rates',
    label: { en: 'Exchange rates', vi: 'Tỷ giá', am: 'የምንዛሪ ተመኖች' },
    columns: [
      required('currency', 'text', { textKind: 'currency' }),
      required('rate_date', 'date'),
      // Decimal(18,6); more than 0 (modules/currencies/currency.rules.ts).
      required('rate_to_base', 'money', { min: 0, max: 999_999_999_999 }),
      column('source', 'text'),
    ],
    naturalKeys: [key(['currency', 'rate_date'])],
    references: [],
  }),
  table({
    name: 'campaigns',
    entity: 'campaign',
    dbTable: 'campaigns',
    label: { en: 'Campaigns', vi: 'Chiến dịch', am: 'ዘመቻዎች' },
    columns: [
      required('code', 'text'),
      required('name', 'text'),
      required('brand_code', 'text', { db: false }),
      enumColumn('channel', 'campaign_channel', { isRequired: true, defaultValue: 'tiktok' }),
      enumColumn('objective', 'campaign_objective', { isRequired: true }),
      column('description', 'text', { textKind: 'long' }),
      column('start_date', 'date'),
      column('end_date', 'date'),
      column('budget_planned', 'money', { min: 0, isSpend: true }),
      // bigint in the database; a JS number is exact up to 2^53.
      column('kpi_view', 'integer', { min: 0, max: Number.MAX_SAFE_INTEGER }),
      column('kpi_order', 'integer', { min: 0 }),
      column('kpi_revenue', 'money', { min: 0 }),
      enumColumn('status', 'campaign_status', { isRequired: true, defaultValue: 'draft' }),
      column('owner_username', 'text', { db: false }),
    ],
    naturalKeys: [key(['code'])],
    references: [
      reference('brand', 'brands', 'brand_id', { brand_code: 'code' }),
      reference('owner', 'users', 'owner_id', { owner_username: 'username' }, { isRequired: false }),
    ],
    // Computed by the Campaigns module (000 sections 4.5, 4.6 and 5); imports ignore them.
    computedColumns: [
      computed('health_flags', 'text', 'Comma-separated flags: OVER_BUDGET, MISSING_CREATOR, MISSING_PRODUCT, DATE_INVALID, KPI_MISSING...'),
      computed('creators_count', 'integer', 'Creators assigned to the campaign.'),
      computed('products_count', 'integer', 'Products assigned to the campaign.'),
      computed('budget_committed', 'money', 'Sum of the agreed fees of its bookings.', { isSpend: true }),
      computed('budget_actual', 'money', 'Sum of its paid payments.', { isSpend: true }),
      computed('progress_percent', 'decimal', 'Planning progress now, execution progress once deliverables exist.'),
      computed('roas', 'decimal', 'Attributed revenue divided by actual spend.', { isSpend: true }),
    ],
  }),
  table({
    name: 'campaign_products',
    entity: 'campaign_product',
    dbTable: 'campaign_products',
    label: { en: 'Campaign products', vi: 'Sản phẩm trong chiến dịch', am: 'የዘመቻ ምርቶች' },
    columns: [
      required('campaign_code', 'text', { db: false }),
      required('brand_code', 'text', { db: false }),
      required('product_code', 'text', { db: false }),
      required('priority', 'integer', { defaultValue: 1, min: 1 }),
      column('note', 'text', { textKind: 'long' }),
    ],
    naturalKeys: [key(['campaign_code', 'brand_code', 'product_code'])],
    references: [
      reference('campaign', 'campaigns', 'campaign_id', { campaign_code: 'code' }),
      reference('product', 'products', 'product_id', { brand_code: 'brand_code', product_code: 'code' }),
    ],
  }),
  table({
    name: 'campaign_creators',
    entity: 'campaign_creator',
    dbTable: 'campaign_creators',
    label: { en: 'Campaign creators', vi: 'Creator trong chiến dịch', am: 'የዘመቻ የይዘት ፈጣሪዎች' },
    columns: [
      required('campaign_code', 'text', { db: false }),
      required('creator_key', 'text', { db: false }),
      enumColumn('role', 'campaign_creator_role', { isRequired: true, defaultValue: 'main' }),
      column('note', 'text', { textKind: 'long' }),
    ],
    naturalKeys: [key(['campaign_code', 'creator_key'])],
    references: [
      reference('campaign', 'campaigns', 'campaign_id', { campaign_code: 'code' }),
      reference('creator', 'creators', 'creator_id', { creator_key: 'creator_key' }),
    ],
  }),
  table({
    name: 'bookings',
    entity: 'booking',
    dbTable: 'bookings',
    label: { en: 'Bookings', vi: 'Booking', am: 'ቦኪንጎች' },
    columns: [
      required('code', 'text'),
      required('campaign_code', 'text', { db: false }),
      required('brand_code', 'text', { db: false }),
      required('creator_key', 'text', { db: false }),
      enumColumn('platform', 'channel_platform', { db: false }),
      column('handle', 'text', { db: false }),
      column('product_code', 'text', { db: false }),
      enumColumn('booking_type', 'booking_type', { isRequired: true }),
      column('brief_summary', 'text', { textKind: 'long' }),
      column('start_date', 'date'),
      column('end_date', 'date'),
      required('total_fee_agreed', 'money', { defaultValue: 0, min: 0, isSpend: true }),
      currencyColumn(),
      exchangeRateColumn(),
      column('deliverables_count_planned', 'integer', { min: 0 }),
      enumColumn('status', 'booking_status', { isRequired: true, defaultValue: 'negotiating' }),
      column('internal_note', 'text', { textKind: 'long' }),
    ],
    naturalKeys: [key(['code'])],
    references: [
      reference('campaign', 'campaigns', 'campaign_id', { campaign_code: 'code' }),
      reference('brand', 'brands', 'brand_id', { brand_code: 'code' }),
      reference('creator', 'creators', 'creator_id', { creator_key: 'creator_key' }),
      reference('channel', 'creator_channels', 'channel_id', { platform: 'platform', handle: 'handle' }, { isRequired: false }),
      reference('product_focus', 'products', 'product_focus_id', { brand_code: 'brand_code', product_code: 'code' }, { isRequired: false }),
    ],
    // Issue 14, item 7: the booking's execution as the Bookings tab shows it right of its cells,
    // computed for a page of bookings at once (modules/bookings/booking-facts.repository.ts).
    computedColumns: [
      baseAmount('total_fee_vnd', 'total_fee_agreed', { isSpend: true }),
      computed('paid', 'money', 'Sum of its paid payments, in the base currency.', { isSpend: true }),
      computed('remaining', 'money', 'total_fee_vnd minus paid: what is still to pay.', { isSpend: true }),
      computed('deliverables_posted', 'integer', 'Deliverables posted.'),
      computed('deliverables_planned', 'integer', 'Deliverables not canceled.'),
      computed('views', 'integer', 'Views of its videos, at their latest snapshot.'),
      computed('orders', 'integer', 'Orders attributed to its tracking codes and links.'),
      computed('revenue', 'money', 'Revenue of those orders, in the base currency.'),
      computed('roas', 'decimal', 'Revenue divided by what was paid.', { isSpend: true }),
      computed('cpv', 'decimal', 'Paid divided by views: cost per view.', { isSpend: true }),
      computed('cpo', 'decimal', 'Paid divided by orders: cost per order.', { isSpend: true }),
      computed('booking_flags', 'text', 'Comma-separated: DELIVERABLE_OVERDUE, UNPAID_AFTER_COMPLETION, OVERPAID.'),
    ],
  }),
  table({
    name: 'booking_deliverables',
    entity: 'booking_deliverable',
    dbTable: 'booking_deliverables',
    label: { en: 'Booking deliverables', vi: 'Hạng mục booking', am: 'የቦኪንግ የሚቀርቡ ይዘቶች' },
    columns: [
      required('booking_code', 'text', { db: false }),
      enumColumn('deliverable_type', 'deliverable_type', { isRequired: true }),
      required('title', 'text'),
      column('script_link', 'text', { textKind: 'link' }),
      column('requirements', 'text', { textKind: 'long' }),
      column('deadline_shoot', 'date'),
      column('deadline_post', 'date'),
      required('quantity', 'integer', { defaultValue: 1, min: 1 }),
      column('fee', 'money', { min: 0, isSpend: true }),
      enumColumn('status', 'deliverable_status', { isRequired: true, defaultValue: 'planned' }),
      column('deliverable_code', 'text', { isExtra: true }),
    ],
    naturalKeys: [key(['deliverable_code']), key(['booking_code', 'deliverable_type', 'title', 'deadline_post'], ['deadline_post'])],
    references: [reference('booking', 'bookings', 'booking_id', { booking_code: 'code' })],
    computedColumns: [
      computed('is_overdue', 'boolean', 'deadline_post has passed and it is not posted or canceled.'),
      computed('days_to_deadline', 'integer', 'Days from today to deadline_post; negative once passed.'),
    ],
  }),
  table({
    name: 'videos',
    entity: 'video',
    dbTable: 'videos',
    label: { en: 'Videos', vi: 'Video', am: 'ቪዲዮዎች' },
    columns: [
      required('booking_code', 'text', { db: false }),
      column('deliverable_title', 'text', { db: false }),
      enumColumn('channel', 'video_channel', { isRequired: true, defaultValue: 'tiktok' }),
      column('platform_video_id', 'text'),
      column('url', 'text', { textKind: 'link' }),
      // A TikTok caption runs to 2,200 characters.
      column('title', 'text', { textKind: 'long' }),
      column('post_date', 'date'),
      column('thumbnail_url', 'text', { textKind: 'link' }),
      enumColumn('status', 'video_status', { isRequired: true, defaultValue: 'posted' }),
    ],
    naturalKeys: [key(['channel', 'platform_video_id']), key(['url'])],
    references: [
      reference('booking', 'bookings', 'booking_id', { booking_code: 'code' }, {
        copies: [
          { dbColumn: 'campaign_id', targetDbColumn: 'campaign_id' },
          { dbColumn: 'creator_id', targetDbColumn: 'creator_id' },
        ],
      }),
      reference('deliverable', 'booking_deliverables', 'booking_deliverable_id', { booking_code: 'booking_code', deliverable_title: 'title' }, { isRequired: false }),
    ],
    computedColumns: [
      computed('latest_views', 'integer', 'Views at its latest snapshot.'),
      computed('latest_snapshot_at', 'datetime', 'When that snapshot was taken.'),
    ],
  }),
  table({
    name: 'video_snapshots',
    entity: 'video_snapshot',
    dbTable: 'video_metric_snapshots',
    label: { en: 'Video snapshots', vi: 'Số liệu video', am: 'የቪዲዮ መለኪያዎች' },
    columns: [
      enumColumn('channel', 'video_channel', { isRequired: true, defaultValue: 'tiktok', db: false }),
      required('platform_video_id', 'text', { db: false }),
      required('snapshot_time', 'datetime'),
      // bigint in the database; a JS number is exact up to 2^53.
      required('view_count', 'integer', { defaultValue: 0, min: 0, max: Number.MAX_SAFE_INTEGER }),
      required('like_count', 'integer', { defaultValue: 0, min: 0 }),
      required('comment_count', 'integer', { defaultValue: 0, min: 0 }),
      required('share_count', 'integer', { defaultValue: 0, min: 0 }),
      required('save_count', 'integer', { defaultValue: 0, min: 0 }),
      column('engagement_rate', 'decimal', { min: 0 }),
    ],
    naturalKeys: [key(['channel', 'platform_video_id', 'snapshot_time'])],
    references: [reference('video', 'videos', 'video_id', { channel: 'channel', platform_video_id: 'platform_video_id' })],
  }),
  table({
    name: 'tracking_assets',
    entity: 'tracking_asset',
    dbTable: 'tracking_assets',
    label: { en: 'Tracking codes', vi: 'Mã theo dõi', am: 'የመከታተያ ኮዶች' },
    columns: [
      required('campaign_code', 'text', { db: false }),
      column('booking_code', 'text', { db: false }),
      column('creator_key', 'text', { db: false }),
      enumColumn('code_type', 'tracking_code_type', { isRequired: true }),
      required('code_value', 'text'),
      enumColumn('platform', 'tracking_platform', { isRequired: true }),
      column('target_url', 'text', { textKind: 'link' }),
      column('note', 'text', { textKind: 'long' }),
      required('is_active', 'boolean', { defaultValue: true }),
    ],
    naturalKeys: [key(['platform', 'code_type', 'code_value'])],
    references: [
      reference('campaign', 'campaigns', 'campaign_id', { campaign_code: 'code' }),
      reference('booking', 'bookings', 'booking_id', { booking_code: 'code' }, { isRequired: false }),
      reference('creator', 'creators', 'creator_id', { creator_key: 'creator_key' }, { isRequired: false }),
    ],
  }),
  table({
    name: 'conversions',
    entity: 'conversion',
    dbTable: 'tracking_conversions',
    label: { en: 'Conversions', vi: 'Đơn hàng ghi nhận', am: 'የተመዘገቡ ትዕዛዞች' },
    columns: [
      enumColumn('platform', 'tracking_platform', { isRequired: true, db: false }),
      enumColumn('code_type', 'tracking_code_type', { isRequired: true, db: false }),
      required('code_value', 'text', { db: false }),
      required('order_code', 'text'),
      column('order_id_external', 'text'),
      column('order_date', 'datetime'),
      required('revenue', 'money', { defaultValue: 0, min: 0 }),
      currencyColumn(),
      exchangeRateColumn(),
      column('source_platform', 'text'),
      column('brand_code', 'text', { db: false }),
      column('product_code', 'text', { db: false }),
      column('quantity', 'integer', { min: 0 }),
    ],
    naturalKeys: [key(['platform', 'code_type', 'code_value', 'order_code'])],
    references: [
      reference('tracking_asset', 'tracking_assets', 'tracking_asset_id', { platform: 'platform', code_type: 'code_type', code_value: 'code_value' }),
      reference('product', 'products', 'product_id', { brand_code: 'brand_code', product_code: 'code' }, { isRequired: false }),
    ],
    computedColumns: [baseAmount('revenue_vnd', 'revenue')],
  }),
  table({
    name: 'payments',
    entity: 'payment',
    dbTable: 'payments',
    label: { en: 'Payments', vi: 'Thanh toán', am: 'ክፍያዎች' },
    columns: [
      required('booking_code', 'text', { db: false }),
      required('campaign_code', 'text', { db: false }),
      required('creator_key', 'text', { db: false }),
      required('amount', 'money', { min: 0, isSpend: true }),
      currencyColumn(),
      exchangeRateColumn(),
      // amount_vnd (001's template column) is filled by the server now: see computedColumns.
      column('payment_date', 'date'),
      enumColumn('payment_method', 'payment_method', { isRequired: true, defaultValue: 'bank_transfer' }),
      enumColumn('status', 'payment_status', { isRequired: true, defaultValue: 'planned' }),
      column('invoice_number', 'text'),
      column('note', 'text', { textKind: 'long' }),
      column('created_by_username', 'text', { db: false }),
      column('payment_ref', 'text', { isExtra: true }),
    ],
    // Not the status: a payment moves planned → pending → paid in its row, and a key cell changed
    // on a pulled row reads as another payment (issue 14: finance marks paid in the sheet).
    naturalKeys: [key(['payment_ref']), key(['booking_code', 'payment_date', 'amount'], ['payment_date'])],
    references: [
      reference('booking', 'bookings', 'booking_id', { booking_code: 'code' }),
      reference('campaign', 'campaigns', 'campaign_id', { campaign_code: 'code' }),
      reference('creator', 'creators', 'creator_id', { creator_key: 'creator_key' }),
      reference('created_by', 'users', 'created_by_id', { created_by_username: 'username' }, { isRequired: false }),
    ],
    computedColumns: [baseAmount('amount_vnd', 'amount', { isSpend: true })],
  }),
];

const definitionsByName = new Map<string, TableDefinition>(tableDefinitions.map((definition) => [definition.name, definition]));

/** The definition of a template, or undefined for a name that is not one of them. */
export function findTableDefinition(name: string): TableDefinition | undefined {
  return definitionsByName.get(name.trim().toLowerCase());
}

export function getTableDefinition(name: TableName): TableDefinition {
  const definition = definitionsByName.get(name);
  if (!definition) throw new Error(`No table definition named ${name}`);
  return definition;
}

/** The columns a template file holds: 001's columns, without the optional explicit-key extras. */
export function templateColumns(definition: TableDefinition): readonly ColumnDefinition[] {
  return definition.columns.filter((column) => !column.isExtra);
}

/**
 * The computed columns a table stores (amount_vnd…), as columns the door reads, writes and
 * audits: read-only to every writer, filled by the door's rules (ComputedColumn.dbColumn).
 */
export function storedComputedColumns(definition: TableDefinition): readonly ColumnDefinition[] {
  let stored = storedByTable.get(definition.name);
  if (!stored) {
    stored = definition.computedColumns
      .filter((computedColumn) => computedColumn.dbColumn)
      .map((computedColumn) => ({ name: computedColumn.name, type: computedColumn.type, isRequired: false, dbColumn: computedColumn.dbColumn, label: computedColumn.label, ...(computedColumn.isSpend ? { isSpend: true } : {}) }));
    storedByTable.set(definition.name, stored);
  }
  return stored;
}

const storedByTable = new Map<string, readonly ColumnDefinition[]>();
