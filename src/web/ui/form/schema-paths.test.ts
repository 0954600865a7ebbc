import { describe, expect, it } from 'vitest';
import { ResidentDeclarationBody } from '../../../shared/contracts/register.contract.ts';
import { saveMyContact } from '../../../shared/contracts/identity.contract.ts';
import { CorrectionRequestResident } from '../../../shared/contracts/cases.contract.ts';
import { emptyValueAt, isRequiredAt, maxLengthAt, schemaAt } from './schema-paths.ts';

describe('what a form reads from the contract about a field', () => {
  it('finds fields inside objects, the chosen kind of a union and list items', () => {
    expect(schemaAt(ResidentDeclarationBody, 'address.postcode')).toBeDefined();
    expect(schemaAt(ResidentDeclarationBody, 'address.addressLine')).toBeDefined();
    expect(schemaAt(ResidentDeclarationBody, 'additionalAddresses.0.validFrom')).toBeDefined();
    expect(schemaAt(ResidentDeclarationBody, 'address.nothing')).toBeUndefined();
  });

  it('marks required what the schema does not take empty, and optional the rest', () => {
    expect(isRequiredAt(ResidentDeclarationBody, 'housingBasis')).toBe(true);
    expect(isRequiredAt(ResidentDeclarationBody, 'address.street')).toBe(true);
    expect(isRequiredAt(ResidentDeclarationBody, 'address.flat')).toBe(false);
    expect(isRequiredAt(ResidentDeclarationBody, 'additionalAddresses.0.validUntil')).toBe(false);
    expect(isRequiredAt(CorrectionRequestResident, 'requestedValue')).toBe(false);
    expect(isRequiredAt(saveMyContact.body, 'email')).toBe(false);
  });

  it('sends for an empty optional field what the contract takes for nothing', () => {
    expect(emptyValueAt(ResidentDeclarationBody, 'address.flat')).toBeUndefined();
    expect(emptyValueAt(saveMyContact.body, 'email')).toBeNull();
    expect(emptyValueAt(ResidentDeclarationBody, 'housingBasis')).toBe('');
  });

  it('reads a text field’s maximum through trims and transforms', () => {
    expect(maxLengthAt(ResidentDeclarationBody, 'housingBasis')).toBe(200);
    expect(maxLengthAt(CorrectionRequestResident, 'explanation')).toBe(2000);
    expect(maxLengthAt(CorrectionRequestResident, 'requestedValue')).toBe(200);
  });
});
