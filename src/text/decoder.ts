/**
 * Bytes → text, one streaming decoder per input.
 *
 * WhatsApp writes UTF-8. Files that passed through Notepad or Excel arrive as UTF-16 with a BOM,
 * or with a UTF-8 BOM. The encoding is decided once from the first bytes, then a single
 * `TextDecoder` in streaming mode carries multibyte characters split across chunks (a fresh
 * decoder per chunk would corrupt a split `€` or emoji).
 *
 * @module
 */

/** Encodings a chat log can arrive in. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

const BOM_SNIFF_BYTES = 3;

/**
 * A streaming decoder that sniffs the byte-order mark and strips it.
 *
 * @example
 * ```ts
 * const decoder = new ChatDecoder();
 * const text = decoder.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69])) + decoder.flush(); // 'hi'
 * ```
 */
export class ChatDecoder {
  #decoder: TextDecoder | undefined;
  #pending: Uint8Array = new Uint8Array(0);
  #encoding: TextEncodingName = 'utf-8';

  /** The encoding chosen from the first bytes (`utf-8` until decided). */
  get encoding(): TextEncodingName {
    return this.#encoding;
  }

  /** Decodes the next chunk; returns the text that is complete so far. */
  decode(chunk: Uint8Array): string {
    if (this.#decoder === undefined) {
      const head = this.#pending.length === 0 ? chunk : concat(this.#pending, chunk);
      if (head.length < BOM_SNIFF_BYTES && !isDecided(head)) {
        this.#pending = head;
        return '';
      }
      this.#pending = new Uint8Array(0);
      return this.#start(head);
    }
    return this.#decoder.decode(chunk, { stream: true });
  }

  /** Ends the input; returns whatever the decoder still held. */
  flush(): string {
    let text = '';
    if (this.#decoder === undefined) {
      text = this.#start(this.#pending);
      this.#pending = new Uint8Array(0);
    }
    return text + (this.#decoder as TextDecoder).decode();
  }

  #start(head: Uint8Array): string {
    const [encoding, bomLength] = sniff(head);
    this.#encoding = encoding;
    // `ignoreBOM: true` keeps a U+FEFF that is not at the very start as text; we cut the leading one ourselves.
    this.#decoder = new TextDecoder(encoding, { ignoreBOM: true });
    return this.#decoder.decode(head.subarray(bomLength), { stream: true });
  }
}

function sniff(head: Uint8Array): [TextEncodingName, number] {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return ['utf-8', 3];
  if (head[0] === 0xff && head[1] === 0xfe) return ['utf-16le', 2];
  if (head[0] === 0xfe && head[1] === 0xff) return ['utf-16be', 2];
  return ['utf-8', 0];
}

/** True when the first bytes already rule out every BOM (so no need to wait for more). */
function isDecided(head: Uint8Array): boolean {
  const first = head[0];
  if (first === undefined) return false;
  if (first === 0xff || first === 0xfe) return head.length >= 2;
  if (first === 0xef) return (head.length >= 2 && head[1] !== 0xbb) || head.length >= 3;
  return true;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
