/**
 * Rows that hang on a booking must agree with it (issue 10): a payment's booking belongs to the
 * payment's campaign and creator, a video's booking to the video's campaign and creator. Checked
 * on the final state of a transaction, from either side: a changed payment or video, or a
 * booking moved to another campaign or creator.
 */
import { t } from '../../contract/i18n/translate.js';
import type { DeferredCheck } from '../../write/table-rules.js';

export const checkBookingChildren: DeferredCheck = {
  name: 'rows of a booking agree with it',
  triggers: ['payments', 'videos', 'bookings'],
  async run({ db }, touched) {
    const bookingIds = touched.get('bookings') ?? [];
    const rows = await db.$queryRawUnsafe<Array<{ table: 'payments' | 'videos'; id: string; booking_id: string; booking: string; campaign: string; creator: string; booking_campaign: string; booking_creator: string; wrong: 'campaign' | 'creator' }>>(
      `SELECT 'payments' AS "table", p.id::text AS id, b.id::text AS booking_id, b.code AS booking, pc.code AS campaign, pk.creator_key AS creator,
              bc.code AS booking_campaign, bk.creator_key AS booking_creator,
              CASE WHEN p.campaign_id <> b.campaign_id THEN 'campaign' ELSE 'creator' END AS wrong
         FROM payments p JOIN bookings b ON b.id = p.booking_id
         JOIN campaigns pc ON pc.id = p.campaign_id JOIN creators pk ON pk.id = p.creator_id
         JOIN campaigns bc ON bc.id = b.campaign_id JOIN creators bk ON bk.id = b.creator_id
        WHERE p.deleted_at IS NULL AND (p.campaign_id <> b.campaign_id OR p.creator_id <> b.creator_id)
          AND (p.id = ANY($1::uuid[]) OR b.id = ANY($3::uuid[]))
       UNION ALL
       SELECT 'videos', v.id::text, b.id::text, b.code, vc.code, vk.creator_key, bc.code, bk.creator_key,
              CASE WHEN v.campaign_id <> b.campaign_id THEN 'campaign' ELSE 'creator' END
         FROM videos v JOIN bookings b ON b.id = v.booking_id
         JOIN campaigns vc ON vc.id = v.campaign_id JOIN creators vk ON vk.id = v.creator_id
         JOIN campaigns bc ON bc.id = b.campaign_id JOIN creators bk ON bk.id = b.creator_id
        WHERE v.deleted_at IS NULL AND (v.campaign_id <> b.campaign_id OR v.creator_id <> b.creator_id)
          AND (v.id = ANY($2::uuid[]) OR b.id = ANY($3::uuid[]))`,
      touched.get('payments') ?? [],
      touched.get('videos') ?? [],
      bookingIds,
    );
    return rows.map((row) => {
      const isPayment = row.table === 'payments';
      const message =
        row.wrong === 'campaign'
          ? t(isPayment ? 'write.paymentCampaignMismatch' : 'write.videoCampaignMismatch', { campaign: row.campaign, booking: row.booking, bookingCampaign: row.booking_campaign })
          : t(isPayment ? 'write.paymentCreatorMismatch' : 'write.videoCreatorMismatch', { creator: row.creator, booking: row.booking, bookingCreator: row.booking_creator });
      return {
        subject: { table: row.table, id: row.id },
        causes: [{ table: 'bookings' as const, id: row.booking_id }],
        problem: { code: 'BOOKING_MISMATCH', column: row.wrong === 'campaign' ? 'campaign_code' : 'creator_key', value: row.wrong === 'campaign' ? row.campaign : row.creator, message },
      };
    });
  },
};
