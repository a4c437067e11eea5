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
  code: { en: 'Code', vi: 'Mã' },
  name: { en: 'Name', vi: 'Tên' },
  description: { en: 'Description', vi: 'Mô tả' },
  brand_code: { en: 'Brand code', vi: 'Mã thương hiệu' },
  category: { en: 'Category', vi: 'Danh mục' },
  sapo_id: { en: 'Sapo product ID', vi: 'Mã sản phẩm Sapo' },
  shopee_id: { en: 'Shopee ID', vi: 'Mã Shopee' },
  creator_key: { en: 'Creator key', vi: 'Mã creator' },
  alias: { en: 'Alias', vi: 'Biệt danh' },
  gender: { en: 'Gender', vi: 'Giới tính' },
  dob: { en: 'Date of birth', vi: 'Ngày sinh' },
  location: { en: 'Location', vi: 'Khu vực' },
  niche: { en: 'Niche', vi: 'Lĩnh vực' },
  status: { en: 'Status', vi: 'Trạng thái' },
  priority_score: { en: 'Priority (1-10)', vi: 'Độ ưu tiên (1-10)' },
  note_internal: { en: 'Internal note', vi: 'Ghi chú nội bộ' },
  platform: { en: 'Platform', vi: 'Nền tảng' },
  handle: { en: 'Handle', vi: 'Tên kênh' },
  profile_url: { en: 'Profile link', vi: 'Link kênh' },
  external_id: { en: 'Platform ID', vi: 'ID nền tảng' },
  follower_count: { en: 'Followers', vi: 'Người theo dõi' },
  avg_view_10: { en: 'Average views (last 10)', vi: 'View trung bình (10 video)' },
  avg_engagement_rate: { en: 'Average engagement rate', vi: 'Tỷ lệ tương tác TB' },
  contact_type: { en: 'Contact type', vi: 'Loại liên hệ' },
  phone: { en: 'Phone', vi: 'Số điện thoại' },
  zalo: { en: 'Zalo', vi: 'Zalo' },
  email: { en: 'Email', vi: 'Email' },
  wechat: { en: 'WeChat', vi: 'WeChat' },
  is_primary: { en: 'Primary contact', vi: 'Liên hệ chính' },
  note: { en: 'Note', vi: 'Ghi chú' },
  channel: { en: 'Channel', vi: 'Kênh' },
  objective: { en: 'Objective', vi: 'Mục tiêu' },
  start_date: { en: 'Start date', vi: 'Ngày bắt đầu' },
  end_date: { en: 'End date', vi: 'Ngày kết thúc' },
  budget_planned: { en: 'Planned budget', vi: 'Ngân sách dự kiến' },
  kpi_view: { en: 'KPI views', vi: 'KPI lượt xem' },
  kpi_order: { en: 'KPI orders', vi: 'KPI đơn hàng' },
  kpi_revenue: { en: 'KPI revenue', vi: 'KPI doanh thu' },
  owner_username: { en: 'Owner (username)', vi: 'Người phụ trách' },
  campaign_code: { en: 'Campaign code', vi: 'Mã chiến dịch' },
  product_code: { en: 'Product code', vi: 'Mã sản phẩm' },
  priority: { en: 'Priority', vi: 'Thứ tự ưu tiên' },
  role: { en: 'Role', vi: 'Vai trò' },
  booking_type: { en: 'Booking type', vi: 'Loại booking' },
  brief_summary: { en: 'Brief summary', vi: 'Tóm tắt brief' },
  total_fee_agreed: { en: 'Agreed fee', vi: 'Phí đã chốt' },
  currency: { en: 'Currency', vi: 'Tiền tệ' },
  deliverables_count_planned: { en: 'Planned deliverables', vi: 'Số hạng mục dự kiến' },
  internal_note: { en: 'Internal note', vi: 'Ghi chú nội bộ' },
  booking_code: { en: 'Booking code', vi: 'Mã booking' },
  deliverable_code: { en: 'Deliverable code', vi: 'Mã hạng mục' },
  deliverable_type: { en: 'Deliverable type', vi: 'Loại hạng mục' },
  title: { en: 'Title', vi: 'Tiêu đề' },
  script_link: { en: 'Script link', vi: 'Link kịch bản' },
  requirements: { en: 'Requirements', vi: 'Yêu cầu' },
  deadline_shoot: { en: 'Shoot deadline', vi: 'Hạn quay' },
  deadline_post: { en: 'Post deadline', vi: 'Hạn đăng' },
  quantity: { en: 'Quantity', vi: 'Số lượng' },
  fee: { en: 'Fee', vi: 'Phí' },
  deliverable_title: { en: 'Deliverable title', vi: 'Tiêu đề hạng mục' },
  platform_video_id: { en: 'Video ID', vi: 'ID video' },
  url: { en: 'Video link', vi: 'Link video' },
  post_date: { en: 'Post date', vi: 'Ngày đăng' },
  thumbnail_url: { en: 'Thumbnail link', vi: 'Link ảnh bìa' },
  snapshot_time: { en: 'Snapshot time', vi: 'Thời điểm ghi nhận' },
  view_count: { en: 'Views', vi: 'Lượt xem' },
  like_count: { en: 'Likes', vi: 'Lượt thích' },
  comment_count: { en: 'Comments', vi: 'Bình luận' },
  share_count: { en: 'Shares', vi: 'Chia sẻ' },
  save_count: { en: 'Saves', vi: 'Lượt lưu' },
  engagement_rate: { en: 'Engagement rate', vi: 'Tỷ lệ tương tác' },
  code_type: { en: 'Code type', vi: 'Loại mã' },
  code_value: { en: 'Code', vi: 'Giá trị mã' },
  target_url: { en: 'Target link', vi: 'Link đích' },
  is_active: { en: 'Active', vi: 'Đang dùng' },
  order_code: { en: 'Order code', vi: 'Mã đơn hàng' },
  order_id_external: { en: 'External order ID', vi: 'ID đơn bên ngoài' },
  order_date: { en: 'Order time', vi: 'Thời gian đặt hàng' },
  revenue: { en: 'Revenue', vi: 'Doanh thu' },
  source_platform: { en: 'Source platform', vi: 'Nền tảng nguồn' },
  amount: { en: 'Amount', vi: 'Số tiền' },
  exchange_rate: { en: 'Exchange rate', vi: 'Tỷ giá' },
  amount_vnd: { en: 'Amount (VND)', vi: 'Số tiền (VND)' },
  payment_date: { en: 'Payment date', vi: 'Ngày thanh toán' },
  payment_method: { en: 'Payment method', vi: 'Hình thức thanh toán' },
  invoice_number: { en: 'Invoice number', vi: 'Số hóa đơn' },
  created_by_username: { en: 'Created by (username)', vi: 'Người tạo' },
  payment_ref: { en: 'Payment reference', vi: 'Mã thanh toán' },
  health_flags: { en: 'Health flags', vi: 'Cảnh báo' },
  creators_count: { en: 'Creators', vi: 'Số creator' },
  products_count: { en: 'Products', vi: 'Số sản phẩm' },
  budget_committed: { en: 'Committed budget', vi: 'Ngân sách đã chốt' },
  budget_actual: { en: 'Actual spend', vi: 'Đã chi' },
  progress_percent: { en: 'Progress %', vi: 'Tiến độ %' },
  roas: { en: 'ROAS', vi: 'ROAS' },
  row_version: { en: 'Version', vi: 'Phiên bản' },
  updated_at: { en: 'Last changed', vi: 'Cập nhật lúc' },
};

function labelOf(name: string): Label {
  return labels[name] ?? { en: name, vi: name };
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

function computed(name: string, type: ColumnType, description: string, options: { isSpend?: boolean } = {}): ComputedColumn {
  return { name, type, label: labelOf(name), description, ...options };
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

/** The 15 import templates of 001, in dependency order (a table only references tables before it). */
export const tableDefinitions: readonly TableDefinition[] = [
  table({
    name: 'brands',
    entity: 'brand',
    dbTable: 'brands',
    label: { en: 'Brands', vi: 'Thương hiệu' },
    columns: [required('code', 'text'), required('name', 'text'), column('description', 'text', { textKind: 'long' })],
    naturalKeys: [key(['code'])],
    references: [],
  }),
  table({
    name: 'products',
    entity: 'product',
    dbTable: 'products',
    label: { en: 'Products', vi: 'Sản phẩm' },
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
    label: { en: 'Creators (KOC/KOL)', vi: 'Creator (KOC/KOL)' },
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
  }),
  table({
    name: 'creator_channels',
    entity: 'creator_channel',
    dbTable: 'creator_channels',
    label: { en: 'Creator channels', vi: 'Kênh của creator' },
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
    label: { en: 'Creator contacts', vi: 'Liên hệ của creator' },
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
  table({
    name: 'campaigns',
    entity: 'campaign',
    dbTable: 'campaigns',
    label: { en: 'Campaigns', vi: 'Chiến dịch' },
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
    label: { en: 'Campaign products', vi: 'Sản phẩm trong chiến dịch' },
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
    label: { en: 'Campaign creators', vi: 'Creator trong chiến dịch' },
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
    label: { en: 'Bookings', vi: 'Booking' },
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
      required('currency', 'text', { defaultValue: 'VND' }),
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
  }),
  table({
    name: 'booking_deliverables',
    entity: 'booking_deliverable',
    dbTable: 'booking_deliverables',
    label: { en: 'Booking deliverables', vi: 'Hạng mục booking' },
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
  }),
  table({
    name: 'videos',
    entity: 'video',
    dbTable: 'videos',
    label: { en: 'Videos', vi: 'Video' },
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
  }),
  table({
    name: 'video_snapshots',
    entity: 'video_snapshot',
    dbTable: 'video_metric_snapshots',
    label: { en: 'Video snapshots', vi: 'Số liệu video' },
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
    label: { en: 'Tracking codes', vi: 'Mã theo dõi' },
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
    label: { en: 'Conversions', vi: 'Đơn hàng ghi nhận' },
    columns: [
      enumColumn('platform', 'tracking_platform', { isRequired: true, db: false }),
      enumColumn('code_type', 'tracking_code_type', { isRequired: true, db: false }),
      required('code_value', 'text', { db: false }),
      required('order_code', 'text'),
      column('order_id_external', 'text'),
      column('order_date', 'datetime'),
      required('revenue', 'money', { defaultValue: 0, min: 0 }),
      required('currency', 'text', { defaultValue: 'VND' }),
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
  }),
  table({
    name: 'payments',
    entity: 'payment',
    dbTable: 'payments',
    label: { en: 'Payments', vi: 'Thanh toán' },
    columns: [
      required('booking_code', 'text', { db: false }),
      required('campaign_code', 'text', { db: false }),
      required('creator_key', 'text', { db: false }),
      required('amount', 'money', { min: 0, isSpend: true }),
      required('currency', 'text', { defaultValue: 'VND' }),
      // Decimal(18,6): twelve digits before the point.
      column('exchange_rate', 'money', { min: 0, max: 999_999_999_999 }),
      column('amount_vnd', 'money', { min: 0, isSpend: true }),
      column('payment_date', 'date'),
      enumColumn('payment_method', 'payment_method', { isRequired: true, defaultValue: 'bank_transfer' }),
      enumColumn('status', 'payment_status', { isRequired: true, defaultValue: 'planned' }),
      column('invoice_number', 'text'),
      column('note', 'text', { textKind: 'long' }),
      column('created_by_username', 'text', { db: false }),
      column('payment_ref', 'text', { isExtra: true }),
    ],
    naturalKeys: [key(['payment_ref']), key(['booking_code', 'payment_date', 'amount', 'status'], ['payment_date'])],
    references: [
      reference('booking', 'bookings', 'booking_id', { booking_code: 'code' }),
      reference('campaign', 'campaigns', 'campaign_id', { campaign_code: 'code' }),
      reference('creator', 'creators', 'creator_id', { creator_key: 'creator_key' }),
      reference('created_by', 'users', 'created_by_id', { created_by_username: 'username' }, { isRequired: false }),
    ],
  }),
];

const definitionsByName = new Map<string, TableDefinition>(tableDefinitions.map((definition) => [definition.name, definition]));

/** The definition of a template, or undefined for a name that is not one of the 15. */
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
