/**
 * The region national numbers are read in: `--default-region` if given, else the region of the device
 * language (`de-DE` → `DE`). A language without a region (`de`) gives none: guessing `en` →
 * `US` would turn a British national number into a valid but wrong American one.
 *
 * @module
 */

import { type CountryCode, isSupportedCountry } from 'libphonenumber-js/max';
import { WaImportError } from '../errors.js';

/**
 * The ISO 3166 region of a BCP 47 tag, if it has one libphonenumber knows.
 *
 * @example
 * ```ts
 * regionFromLanguage('pt-BR'); // 'BR'
 * regionFromLanguage('de'); // undefined
 * regionFromLanguage('es-419'); // undefined (a UN M.49 area, not a country)
 * ```
 */
export function regionFromLanguage(language: string): CountryCode | undefined {
  let region: string | undefined;
  try {
    region = new Intl.Locale(language).region;
  } catch {
    return undefined;
  }
  return region !== undefined && isSupportedCountry(region) ? region : undefined;
}

/**
 * Picks the region for national numbers. An unknown `defaultRegion` is `E_INVALID_OPTION`.
 *
 * @example
 * ```ts
 * pickRegion({ defaultRegion: 'gb', language: 'de-DE' }); // 'GB'
 * pickRegion({ language: 'de-DE' }); // 'DE'
 * ```
 */
export function pickRegion(options: {
  readonly defaultRegion?: string;
  readonly language?: string;
}): CountryCode | undefined {
  if (options.defaultRegion !== undefined) {
    const region = options.defaultRegion.trim().toUpperCase();
    if (!isSupportedCountry(region)) {
      throw new WaImportError(
        'E_INVALID_OPTION',
        `region must be an ISO 3166 two-letter country code: got "${options.defaultRegion}"`,
        { hint: 'e.g. --default-region DE' },
      );
    }
    return region;
  }
  return options.language === undefined ? undefined : regionFromLanguage(options.language);
}
