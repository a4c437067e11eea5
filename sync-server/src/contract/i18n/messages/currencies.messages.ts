/** Currencies, exchange rates and amounts in the tenant's base currency. */
import { defineMessages } from '../define-messages.js';

/*
 * `{column}` is the template's column name (currency, exchange_rate), the same in every
 * language; `{currency}` and `{base}` are ISO codes (USD, VND); `{day}` is an ISO date
 * (2026-12-01), the form the Exchange rates tab's rate_date takes; amounts arrive as
 * canonical decimals (they may exceed what a JS number holds exactly).
 */
export const currencyMessages = defineMessages({
  en: {
    'currency.notACode': '{column} “{value}” is not a currency code: write its three letters, such as VND or USD',
    'currency.noExchangeRate':
      'No exchange rate for {currency} on or before {day}: add a rate for {currency} on or before {day} in the Exchange rates tab (exchange_rates.csv), or fill exchange_rate on this row.',
    'currency.rateNotPositive': '{column} must be more than 0: write how much 1 {currency} is worth in {base}.',
    'currency.baseAmountTooLarge': '{amount} {currency} is {baseAmount} {base}, more than can be stored: check {column} and the exchange rate.',
  },
  vi: {
    'currency.notACode': '{column} “{value}” không phải mã tiền tệ: hãy ghi mã 3 chữ cái, ví dụ VND hoặc USD',
    'currency.noExchangeRate':
      'Chưa có tỷ giá {currency} vào hoặc trước ngày {day}: hãy thêm tỷ giá {currency} vào hoặc trước ngày {day} trong tab Tỷ giá (exchange_rates.csv), hoặc điền exchange_rate cho dòng này.',
    'currency.rateNotPositive': '{column} phải lớn hơn 0: ghi 1 {currency} bằng bao nhiêu {base}.',
    'currency.baseAmountTooLarge': '{amount} {currency} quy đổi ra {baseAmount} {base}, quá lớn để lưu: hãy kiểm tra {column} và tỷ giá.',
  },
  am: {
    'currency.notACode': '{column} “{value}” የምንዛሪ ኮድ አይደለም፤ ሦስቱን ፊደላት ይጻፉ፣ ለምሳሌ VND ወይም USD',
    'currency.noExchangeRate':
      'ለ{currency} በ{day} ወይም ከዚያ በፊት የምንዛሪ ተመን የለም፤ በ“የምንዛሪ ተመኖች” ሉህ (exchange_rates.csv) ውስጥ ለ{currency} በ{day} ወይም ከዚያ በፊት ተመን ያክሉ፣ ወይም በዚህ ረድፍ exchange_rate ይሙሉ።',
    'currency.rateNotPositive': '{column} ከ0 በላይ መሆን አለበት፤ 1 {currency} ስንት {base} እንደሆነ ይጻፉ።',
    'currency.baseAmountTooLarge': '{amount} {currency} {baseAmount} {base} ይሆናል፣ ይህም ለማስቀመጥ በጣም ትልቅ ነው፤ {column}ን እና የምንዛሪ ተመኑን ያረጋግጡ።',
  },
});
