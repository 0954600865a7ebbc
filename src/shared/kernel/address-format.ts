/**
 * One way to write a Latvian address, everywhere (pages, PDFs, the synthetic population): the street and
 * building (with the flat after a hyphen), the town or village, the municipality where it is a novads, and
 * the postcode last: "Rīgas iela 20-4, Bauska, Bauskas novads, LV-3901"; in a state city the city is its own
 * municipality: "Brīvības iela 1, Rīga, LV-1010". An address abroad is the line as given, then the country.
 * Pure: used by the server and the browser alike.
 */
import { findMunicipality } from './municipalities.ts';

export interface DomesticAddressParts {
  street: string;
  building: string;
  flat?: string | null | undefined;
  settlement?: string | null | undefined;
  municipalityCode: string;
  postcode: string;
}

/** The municipality a line names after the town: a novads by its name; a state city is named as the town. */
function municipalityWord(code: string | null | undefined): string | undefined {
  const m = code ? findMunicipality(code) : undefined;
  return m?.kind === 'municipality' ? m.name : undefined;
}

export function domesticAddressLine(p: DomesticAddressParts): string {
  const settlement = p.settlement?.trim() || findMunicipality(p.municipalityCode)?.town;
  return [
    `${p.street} ${p.building}${p.flat ? `-${p.flat}` : ''}`,
    settlement,
    municipalityWord(p.municipalityCode),
    p.postcode,
  ]
    .filter(Boolean)
    .join(', ');
}

const TRAILING_POSTCODE = /, (LV-\d{4})$/;

/**
 * An address as a reader sees it. A line recorded before the municipality was part of it gets the municipality
 * in its place (before the postcode) when the line does not name it; an address abroad ends with its country.
 */
export function addressText(
  a: { country: string; addressLine: string | null; municipalityCode: string | null },
  countryName: (code: string) => string,
): string {
  let line = a.addressLine ?? '';
  const municipality = municipalityWord(a.municipalityCode);
  // Named after the street (Ogres iela in Ikšķile is not Ogres novads): only the parts after it count.
  const afterStreet = line.slice(line.indexOf(',') + 1);
  if (municipality && !afterStreet.includes(municipality.replace(/ novads$/, ''))) {
    line = TRAILING_POSTCODE.test(line)
      ? line.replace(TRAILING_POSTCODE, `, ${municipality}, $1`)
      : [line, municipality].filter(Boolean).join(', ');
  }
  return [line, a.country !== 'LVA' ? countryName(a.country) : undefined].filter(Boolean).join(', ');
}
