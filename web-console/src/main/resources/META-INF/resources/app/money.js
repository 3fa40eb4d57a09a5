/**
 * Exact decimal arithmetic for estimates. Amounts are BigInt counts of 10^-scale units, never floats: 0.1 + 0.2
 * must be 0.30. The sums mirror asset-service's (DocumentContentRules): each line total is quantity × unit price
 * rounded half-up to cents, the subtotal their sum, tax = subtotal × rate rounded half-up, total = subtotal + tax.
 */

export const INPUT_SCALE = 6; // the API accepts six decimals of quantity, price and tax rate
const CENTS = 2;
const DECIMAL = /^(\d{1,15})(?:[.,](\d*))?$/;
const TEN = 10n;

/** "12,5" or "12.50" → {units: 12500000n, scale: 6}, or null when it is no non-negative decimal of ≤ 6 decimals. */
export function parseDecimal(text, scale = INPUT_SCALE) {
  const match = DECIMAL.exec(String(text ?? '').trim());
  if (!match) {
    return null;
  }
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > scale) {
    return null;
  }
  return BigInt(match[1]) * TEN ** BigInt(scale) + BigInt((fraction || '0').padEnd(scale, '0'));
}

/** Divides by 10^drop, rounding half up (amounts are never negative). */
function roundHalfUp(units, drop) {
  if (drop <= 0) {
    return units * TEN ** BigInt(-drop);
  }
  const divisor = TEN ** BigInt(drop);
  return (units + divisor / 2n) / divisor;
}

/** The plain decimal text of units at a scale: (12345n, 2) → "123.45". */
export function toDecimalText(units, scale, { trim = false } = {}) {
  const digits = units.toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  let fraction = scale ? digits.slice(-scale) : '';
  if (trim) {
    fraction = fraction.replace(/0+$/, '');
  }
  return fraction ? `${whole}.${fraction}` : whole;
}

/** The text the API is sent: "12,50" → "12.5". */
export function normalizeDecimal(text) {
  const units = parseDecimal(text);
  return units == null ? null : toDecimalText(units, INPUT_SCALE, { trim: true });
}

/** Quantity × unit price in cents, or null while either is not a number yet. */
export function lineTotalCents(quantity, unitPrice) {
  const q = parseDecimal(quantity);
  const p = parseDecimal(unitPrice);
  if (q == null || p == null) {
    return null;
  }
  return roundHalfUp(q * p, 2 * INPUT_SCALE - CENTS);
}

/** A tax rate typed as a percentage ("20", "5.5") as the API's fraction ("0.2", "0.055"), or null. */
export function percentToRate(percent) {
  const units = parseDecimal(percent, INPUT_SCALE - 2); // percent with 4 decimals = rate with 6
  if (units == null || units > 100n * TEN ** BigInt(INPUT_SCALE - 2)) {
    return null;
  }
  return toDecimalText(units, INPUT_SCALE, { trim: true });
}

/** {lines: [cents|null], subtotal, tax, total} in cents; lines that are not complete count as nothing. */
export function estimateTotals(lines, taxPercent) {
  const lineCents = lines.map((line) => lineTotalCents(line.quantity, line.unitPrice));
  const subtotal = lineCents.reduce((sum, cents) => sum + (cents ?? 0n), 0n);
  const rate = parseDecimal(percentToRate(taxPercent || '0') ?? '0');
  const tax = roundHalfUp(subtotal * rate, INPUT_SCALE);
  return { lines: lineCents, subtotal, tax, total: subtotal + tax };
}

/** Cents as money text in the user's locale ("€1,234.50"); Intl formats the decimal string exactly. */
export function formatCents(cents, currency) {
  const text = toDecimalText(cents, CENTS);
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 })
      .format(text);
  } catch {
    return `${text} ${currency}`;
  }
}

/** A decimal amount as the APIs send it ("9.90") as money text; the text itself when it is no amount. */
export function formatMoney(text, currency) {
  const cents = parseDecimal(text, CENTS);
  return cents == null ? `${text} ${currency}` : formatCents(cents, currency);
}
