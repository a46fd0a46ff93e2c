/**
 * The media stage, public face: pair the log's attachment references with export files, and
 * tell their MIME types.
 *
 * @module
 */

export {
  detectMimeType,
  FALLBACK_MIME_TYPE,
  type MimeTypeDetection,
  type MimeTypeSource,
  SNIFF_BYTES,
  sniffMimeType,
} from './mime-type.js';
export { type MediaMatch, type MediaPair, type MediaPairing, pairMedia, uniqueMedia } from './pair-media.js';
