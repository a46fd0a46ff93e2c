/**
 * Turns an inbox error response into one readable line, showing the server's words verbatim:
 * `{"reason": …}`, Django REST Framework's `{"detail": …}`, `{"non_field_errors": […]}` and
 * per-field arrays (`chat_text: This field is required.`), nested ones included
 * (`media_files[1].b64_content: Invalid base64.`).
 *
 * @module
 */

/** Longest excerpt of a non-JSON body. */
const maxExcerptChars = 200;
/** Longest description of a JSON error body. */
const maxDescriptionChars = 2_000;
/** Keys whose messages are shown without a field prefix, in this order. */
const generalKeys = ['reason', 'detail', 'non_field_errors'] as const;

/**
 * Describes an error body: the messages of a JSON error object joined by `; `, or a short
 * excerpt of any other body. Returns `''` for an empty body.
 *
 * @example
 * ```ts
 * describeErrorBody('{"chat_text":["This field is required."]}');
 * // 'chat_text: This field is required.'
 * describeErrorBody('{"reason":"Chat already exists"}'); // 'Chat already exists'
 * describeErrorBody('<html><title>502 Bad Gateway</title>…'); // '502 Bad Gateway'
 * ```
 */
export function describeErrorBody(body: string): string {
  const text = body.trim();
  if (text === '') return '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return excerpt(text);
  }
  const lines: string[] = [];
  if (isRecord(parsed)) {
    for (const key of generalKeys) {
      if (key in parsed) collect(parsed[key], '', lines);
    }
    for (const [key, value] of Object.entries(parsed)) {
      if (!(generalKeys as readonly string[]).includes(key)) collect(value, key, lines);
    }
  } else {
    collect(parsed, '', lines);
  }
  const description = lines.join('; ');
  return description.length > maxDescriptionChars
    ? `${description.slice(0, maxDescriptionChars)}…`
    : description;
}

/** Adds the messages found in `value` to `lines`, prefixed by their field path. */
function collect(value: unknown, path: string, lines: string[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      // DRF lists plain messages for a field, and one error object per item of a list field.
      collect(item, isRecord(item) || Array.isArray(item) ? `${path}[${index}]` : path, lines);
    });
  } else if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) {
      const nested = key === 'non_field_errors' ? path : path === '' ? key : `${path}.${key}`;
      collect(item, nested, lines);
    }
  } else if (value !== null && value !== undefined) {
    const message = typeof value === 'string' ? value : JSON.stringify(value);
    lines.push(path === '' ? message : `${path}: ${message}`);
  }
}

/** A short, single-line excerpt of a non-JSON body (an HTML page's title when it has one). */
function excerpt(text: string): string {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1];
  const line = (title ?? text).replace(/\s+/g, ' ').trim();
  return line.length > maxExcerptChars ? `${line.slice(0, maxExcerptChars)}…` : line;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
