/**
 * The platform's words and their labels. Asset types are asset-service's UploadRules; document types pair the
 * form's short keys with platform-contracts' DocumentType values. Room types are free text to the API
 * ([a-z][a-z0-9_]*): this list is the console's suggestion, matching the catalog's room types where they exist.
 */

export const ASSET_TYPES = [
  { value: 'photo', label: 'Photo', accepts: 'JPEG, PNG, WebP, HEIC or AVIF images' },
  { value: 'floorplan', label: 'Floor plan', accepts: 'JPEG, PNG, WebP, HEIC or AVIF images, or a PDF' },
  { value: 'render', label: 'Render', accepts: 'JPEG, PNG, WebP, HEIC or AVIF images' },
  { value: 'document', label: 'Document', accepts: 'a PDF, or JPEG, PNG, WebP, HEIC or AVIF images' },
  { value: 'video', label: 'Video', accepts: 'MP4, MOV or WebM videos up to 1 GB (site walk-throughs)' },
];

export const ROOM_TYPES = [
  'kitchen', 'living_room', 'bedroom', 'bathroom', 'dining_room', 'home_office', 'kids_room', 'hallway',
  'laundry', 'basement', 'attic', 'garage', 'outdoor', 'other',
];

/** `key` is what the form's select holds; `apiValue` is the DocumentType value the API takes and answers. */
export const DOCUMENT_TYPES = [
  { key: 'checklist', apiValue: 'checklist_pdf', label: 'Checklist', noun: 'checklist' },
  { key: 'plan', apiValue: 'plan_pdf', label: 'Plan', noun: 'plan' },
  { key: 'estimate', apiValue: 'estimate_pdf', label: 'Estimate', noun: 'estimate' },
  { key: 'room_report', apiValue: 'room_report_pdf', label: 'Room report', noun: 'room report', needsRoom: true },
  { key: 'contract', apiValue: 'contract_draft', label: 'Contract draft', noun: 'contract draft' },
];

/** The phases a document may belong to (free text to the API: [A-Za-z][A-Za-z0-9_]*); the console offers these. */
export const DOCUMENT_PHASES = ['CHECKLIST', 'PLAN', 'PAYMENT', 'RENDER', 'CONTRACT'];

/** Who wrote a document's content (the API's generatedBy); "admin" is for administrators only. */
export const GENERATED_BY = { system: 'The platform', ai: 'AI', admin: 'An administrator' };

/** The kinds of drawing (SVG artefacts) asset-service keeps with their versions. */
export const ARTEFACT_KINDS = [
  { value: 'floorplan', label: 'Floor plan' },
  { value: 'elevation', label: 'Elevation' },
  { value: 'sketch', label: 'Sketch' },
];

export function artefactKindLabel(value) {
  return ARTEFACT_KINDS.find((kind) => kind.value === value)?.label ?? humanize(value);
}

/** What an artefact version can be exported as. */
export const EXPORT_FORMATS = [
  { value: 'pdf', label: 'PDF (vector)' },
  { value: 'png', label: 'PNG image' },
  { value: 'svg', label: 'SVG (cleaned)' },
];

export const ASSET_STATUS = {
  pending: 'Pending',
  uploaded: 'Uploaded',
  processing: 'Processing',
  ready: 'Ready',
  failed: 'Failed',
};

export const DOCUMENT_STATUS = {
  pending: 'Pending',
  rendering: 'Rendering',
  ready: 'Ready',
  failed: 'Failed',
};

export const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'CAD', 'AUD', 'SEK', 'NOK', 'DKK', 'PLN'];

/** "living_room" → "Living room". */
export function humanize(value) {
  if (!value) {
    return '';
  }
  const words = String(value).replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function assetTypeLabel(value) {
  return ASSET_TYPES.find((type) => type.value === value)?.label ?? humanize(value);
}

/** The type of a document the API answered (by its DocumentType value, e.g. "estimate_pdf"). */
export function documentTypeOf(apiValue) {
  return DOCUMENT_TYPES.find((type) => type.apiValue === apiValue)
    ?? { key: apiValue, apiValue, label: humanize(apiValue), noun: humanize(apiValue) };
}

/** Who can see a collection: asset-service's CollectionVisibility. */
export const VISIBILITIES = [
  { value: 'private', label: 'Private', hint: 'Only you can see it.' },
  { value: 'unlisted', label: 'Unlisted', hint: 'Anyone with its address can see it; it is not listed.' },
  { value: 'public', label: 'Public', hint: 'Anyone can see it, and it is listed in Discover.' },
];

export function visibilityOf(value) {
  return VISIBILITIES.find((visibility) => visibility.value === value) ?? { value, label: humanize(value), hint: '' };
}

/** What a link gives whoever opens it: asset-service's LinkKind. */
export const LINK_KINDS = [
  { value: 'single', label: 'One file', noun: 'one-file link', hint: 'Downloads the original of one file.' },
  { value: 'zip', label: 'ZIP download', noun: 'ZIP link', hint: 'Downloads the originals together in one ZIP file.' },
  { value: 'share', label: 'Share page', noun: 'share link', hint: 'Shows the pictures on a page; the originals stay private.' },
];

export function linkKindOf(value) {
  return LINK_KINDS.find((kind) => kind.value === value) ?? { value, label: humanize(value), noun: 'link', hint: '' };
}

export const LINK_STATUS = {
  active: 'Active',
  expired: 'Expired',
  spent: 'Used up',
  revoked: 'Revoked',
  gone: 'Files gone',
};

/** How long a new link works (ISO-8601 durations the API takes: PT1M to P30D). */
export const LINK_LIFETIMES = [
  { value: 'PT1H', label: '1 hour' },
  { value: 'P1D', label: '1 day' },
  { value: 'P7D', label: '7 days' },
  { value: 'P30D', label: '30 days' },
];

/** The audit log's entity types and what to call them. */
export const AUDITED = {
  session: 'Session',
  room: 'Room',
  asset: 'File',
  comparison: 'Comparison',
  document: 'Document',
  artefact: 'Drawing',
  library_item: 'Library item',
  collection: 'Collection',
  collection_item: 'Collection item',
  link: 'Link',
};

export const AUDIT_ACTIONS = { created: 'Created', updated: 'Changed', deleted: 'Deleted' };

/** The plans of asset-service (their limits are its configuration; /me/usage says them). */
export const PLANS = [
  { value: 'free', label: 'Free' },
  { value: 'pro', label: 'Pro' },
  { value: 'enterprise', label: 'Enterprise' },
];

export function planOf(value) {
  return PLANS.find((plan) => plan.value === value) ?? { value, label: humanize(value) };
}

/** A render's review (approvalStatus) and the decisions that move it on. */
export const REVIEW_DECISIONS = {
  draft: [{ decision: 'submit', label: 'Submit for review' }],
  pending_review: [{ decision: 'approve', label: 'Approve' }, { decision: 'reject', label: 'Reject' }],
  approved: [],
  rejected: [],
};

/** The paid processings an order can buy (order-service's ProcessingService) and what each makes. */
export const PROCESSING_SERVICES = [
  { value: 'restoration', label: 'Restoration', hint: 'Cleans noise and evens out the exposure; the result is a new photo.' },
  { value: 'render', label: 'AI render', hint: 'Restyles the photo; the result is a new render.' },
];

export function processingServiceOf(value) {
  return PROCESSING_SERVICES.find((service) => service.value === value) ?? { value, label: humanize(value), hint: '' };
}

export const ORDER_STATUS = {
  pending_payment: 'Waiting for payment',
  processing: 'Processing',
  completed: 'Completed',
  partially_failed: 'Partly failed',
  failed: 'Failed',
  refunded: 'Refunded',
  expired: 'Expired unpaid',
};

/** Orders still moving: their page refreshes itself. */
export const OPEN_ORDER_STATUSES = ['pending_payment', 'processing'];

export const JOB_STATUS = {
  queued: 'Queued',
  processing: 'Processing',
  completed: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export const NOTIFICATION_KINDS = {
  order_confirmation: 'Order confirmation',
  processing_complete: 'Processing complete',
  session_expiring: 'Session expiring',
  share_link_created: 'Share link made',
};

export const NOTIFICATION_STATUS = {
  queued: 'Queued',
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Failed',
  bounced: 'Bounced',
};

/** The events a user's webhook can subscribe to (order-service's). */
export const WEBHOOK_EVENTS = [
  { value: 'order.paid', label: 'Order paid' },
  { value: 'order.output.ready', label: 'A result is ready' },
  { value: 'order.completed', label: 'Order completed' },
];

export const DELIVERY_STATUS = {
  pending: 'Retrying',
  delivered: 'Delivered',
  failed: 'Given up',
};
