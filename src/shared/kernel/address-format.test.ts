import { describe, expect, it } from 'vitest';
import { addressText, domesticAddressLine } from './address-format.ts';

const name = (code: string) => ({ DEU: 'Vācija' })[code] ?? code;

describe('one way to write an address', () => {
  it('a novads address: street and flat, the town in the nominative, the novads, the postcode last', () => {
    expect(
      domesticAddressLine({
        street: 'Rīgas iela',
        building: '20',
        flat: '4',
        settlement: 'Bauska',
        municipalityCode: 'LV-016',
        postcode: 'LV-3901',
      }),
    ).toBe('Rīgas iela 20-4, Bauska, Bauskas novads, LV-3901');
  });
  it('a state city is its own municipality; without a settlement the municipality’s town is named', () => {
    expect(
      domesticAddressLine({ street: 'Brīvības iela', building: '1', municipalityCode: 'LV-RIX', postcode: 'LV-1010' }),
    ).toBe('Brīvības iela 1, Rīga, LV-1010');
    expect(
      domesticAddressLine({ street: 'Skolas iela', building: '3', municipalityCode: 'LV-113', postcode: 'LV-4201' }),
    ).toBe('Skolas iela 3, Valmiera, Valmieras novads, LV-4201');
  });
  it('shows a line as recorded, adding a missing novads before the postcode, and the country of an address abroad', () => {
    const line = 'Skolas iela 3, Valmiera, Valmieras novads, LV-4201';
    expect(addressText({ country: 'LVA', addressLine: line, municipalityCode: 'LV-113' }, name)).toBe(line);
    expect(
      addressText(
        { country: 'LVA', addressLine: 'Skolas iela 3, Valmiera, LV-4201', municipalityCode: 'LV-113' },
        name,
      ),
    ).toBe(line);
    expect(
      addressText({ country: 'DEU', addressLine: 'Hauptstraße 5, 10115 Berlin', municipalityCode: null }, name),
    ).toBe('Hauptstraße 5, 10115 Berlin, Vācija');
    // A street named after the municipality does not stand for it; an empty town is the municipality's own.
    expect(
      addressText({ country: 'LVA', addressLine: 'Ogres iela 1, Ikšķile, LV-5052', municipalityCode: 'LV-067' }, name),
    ).toBe('Ogres iela 1, Ikšķile, Ogres novads, LV-5052');
    expect(
      domesticAddressLine({
        street: 'Skolas iela',
        building: '2',
        settlement: ' ',
        municipalityCode: 'LV-067',
        postcode: 'LV-5001',
      }),
    ).toBe('Skolas iela 2, Ogre, Ogres novads, LV-5001');
  });
});
