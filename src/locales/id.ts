import type { LocaleTable } from './types.js';

/**
 * Indonesian. Times print with dots (`21.41.35`); that is the grammar's business. Android
 * locations read `lokasi : https://…` with a space before the colon (see the report on
 * first-word lookup); the colon-attached form is listed.
 */
export const id: LocaleTable = {
  language: 'id',
  name: 'Indonesian',
  attachedTag: ['terlampir'],
  fileAttached: ['file terlampir'],
  mediaOmitted: ['Media tidak disertakan'],
  mediaOmittedTyped: {
    image: ['gambar tidak disertakan'],
    video: ['video tidak disertakan'],
    audio: ['audio tidak disertakan'],
    sticker: ['stiker tidak disertakan'],
    gif: ['GIF tidak disertakan'],
    contact: ['Kartu kontak tidak disertakan'],
    document: ['dokumen tidak disertakan'],
  },
  deleted: [
    'Pesan ini telah dihapus', // unverified
  ],
  deletedOwn: [
    'Anda menghapus pesan ini', // unverified
  ],
  pages: ['{n} halaman'],
  location: ['lokasi:', 'Lokasi:'],
  system: [
    { kind: 'encryption', phrase: 'Pesan dan panggilan terenkripsi secara end-to-end…' }, // unverified
    { kind: 'security-code', phrase: 'Kode keamanan Anda dengan {name} telah berubah…' }, // unverified
    { kind: 'group', phrase: '{name} membuat grup "{subject}"' }, // unverified
    { kind: 'group', phrase: 'Anda membuat grup "{subject}"' }, // unverified
    { kind: 'group', phrase: '{name} menambahkan Anda' }, // unverified
    { kind: 'group', phrase: '{name} menambahkan {name}' }, // unverified
    { kind: 'group', phrase: '{name} mengeluarkan {name}' }, // unverified
    { kind: 'group', phrase: '{name} keluar' }, // unverified
  ],
};
