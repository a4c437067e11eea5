/**
 * The fee a creator's rate card proposes: for each request, the live card of that creator and
 * deliverable type valid on that day (valid_from and valid_to inclusive, an empty bound open),
 * with its price in the tenant's base currency. Set-based: one statement for the cards of the
 * whole batch, one for their conversion (modules/currencies, the one place amounts convert).
 */
import { getTableDefinition, type EnumValue } from '../../contract/index.js';
import type { SqlDb } from '../../platform/database/sql-transaction.js';
import { convertToBaseCurrency, findBaseCurrency } from '../currencies/exchange-rates.repository.js';

export type RateCardDeliverableType = EnumValue<'rate_card_deliverable_type'>;

export type FeeRequest = {
  creatorId: string;
  deliverableType: RateCardDeliverableType;
  /** "YYYY-MM-DD": the day the fee applies on (a booking: its start date). */
  onDate: string;
};

export type ProposedFee = FeeRequest & {
  /** The card that applies; null when the creator has none valid on that day for that type. */
  rateCard: {
    id: string;
    /** Canonical decimal text, in the card's currency. */
    price: string;
    currency: string;
    description: string | null;
    validFrom: string | null;
    validTo: string | null;
    /** "platform:handle" of the channel the price is for; null for any channel. */
    channel: string | null;
  } | null;
  baseCurrency: string;
  /** The price in the base currency at the rate of onDate; null without a card or without a rate. */
  basePrice: string | null;
};

type CardRow = {
  key: number;
  id: string | null;
  price: string | null;
  currency: string | null;
  description: string | null;
  valid_from: string | null;
  valid_to: string | null;
  channel: string | null;
};

// When cards overlap, the one that started latest is the creator's current price; among equals
// the last one written.
const CARDS_SQL = `
  SELECT r.key, c.id::text AS id, trim_scale(c.price)::text AS price, c.currency, c.description,
         to_char(c.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(c.valid_to, 'YYYY-MM-DD') AS valid_to,
         (SELECT ch.platform::text || ':' || ch.handle FROM creator_channels ch WHERE ch.id = c.channel_id) AS channel
  FROM jsonb_to_recordset($1::jsonb) AS r(key int, creator_id uuid, deliverable_type text, on_date date)
  LEFT JOIN LATERAL (
    SELECT x.* FROM creator_rate_cards x
    WHERE x.creator_id = r.creator_id AND x.deliverable_type::text = r.deliverable_type
      AND x.deleted_at IS NULL AND x.is_active
      AND (x.valid_from IS NULL OR x.valid_from <= r.on_date)
      AND (x.valid_to IS NULL OR x.valid_to >= r.on_date)
    ORDER BY x.valid_from DESC NULLS LAST, x.updated_at DESC, x.id
    LIMIT 1
  ) c ON true
  ORDER BY r.key`;

/** One proposal per request, in the requests' order. */
export async function proposeFees(db: SqlDb, requests: readonly FeeRequest[]): Promise<ProposedFee[]> {
  if (requests.length === 0) return [];
  const parameter = JSON.stringify(requests.map((request, key) => ({ key, creator_id: request.creatorId, deliverable_type: request.deliverableType, on_date: request.onDate })));
  const cards = await db.$queryRawUnsafe<CardRow[]>(CARDS_SQL, parameter);
  const cardByKey = new Map(cards.map((card) => [Number(card.key), card]));
  const converted = await convertToBaseCurrency(
    db,
    getTableDefinition('creator_rate_cards'),
    cards
      .filter((card) => card.id !== null)
      .map((card) => ({ key: Number(card.key), id: card.id!, currency: card.currency!, amount: card.price!, rate: null, day: requests[Number(card.key)]!.onDate, isInstant: false })),
  );
  const convertedByKey = new Map(converted.map((entry) => [entry.key, entry]));
  // Without a card there is nothing to convert, but the answer still names the base currency.
  const baseCurrency = converted[0]?.baseCurrency ?? (await findBaseCurrency(db));
  return requests.map((request, key) => {
    const card = cardByKey.get(key);
    const conversion = convertedByKey.get(key);
    return {
      ...request,
      rateCard: card?.id
        ? { id: card.id, price: card.price!, currency: card.currency!, description: card.description, validFrom: card.valid_from, validTo: card.valid_to, channel: card.channel }
        : null,
      baseCurrency: conversion?.baseCurrency ?? baseCurrency,
      basePrice: conversion?.baseAmount ?? null,
    };
  });
}

