/**
 * Tags as people type them ("Oak, kitchen ,oak") and as the API keeps them: trimmed, lower-case, each once,
 * empty ones dropped. The API checks the limits (≤ 20 tags of 1–50 characters) and says which one is wrong.
 */
export function parseTags(text) {
  const tags = String(text ?? '').split(',').map((tag) => tag.trim().toLowerCase()).filter(Boolean);
  return [...new Set(tags)];
}

export function formatTags(tags) {
  return (tags ?? []).join(', ');
}
