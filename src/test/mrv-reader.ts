/**
 * An independent reader of a visa's machine-readable zone for tests, written from ICAO Doc 9303 Part 7's
 * field table alone (it shares no code with the kernel's builder): MRV-A has two lines of 44 characters,
 * MRV-B two of 36; each number, birth date and expiry carries its own check digit; there is no composite.
 */
const VALUES = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function check(field: string): string {
  const weights = [7, 3, 1];
  let total = 0;
  [...field].forEach((ch, i) => {
    const value = ch === '<' ? 0 : VALUES.indexOf(ch);
    if (value < 0) throw new Error(`not an MRZ character: ${ch}`);
    total += value * (weights[i % 3] as number);
  });
  return String(total % 10);
}

export function readMrvIndependently(lines: readonly string[]) {
  const [one = '', two = ''] = lines;
  const width = one.length;
  if (lines.length !== 2 || (width !== 44 && width !== 36) || two.length !== width)
    throw new Error(`not a visa zone: ${lines.map((l) => l.length).join('/')}`);
  if (one[0] !== 'V') throw new Error('a visa zone starts with V');
  const name = one.slice(5).replace(/<+$/, '');
  const [surname = '', given = ''] = name.split('<<');
  const number = two.slice(0, 9);
  const birth = two.slice(13, 19);
  const validUntil = two.slice(21, 27);
  const valid = check(number) === two[9] && check(birth) === two[19] && check(validUntil) === two[27];
  return {
    format: width === 44 ? 'MRV-A' : 'MRV-B',
    type: one[1],
    issuingState: one.slice(2, 5),
    surname: surname.replaceAll('<', ' '),
    givenNames: given.replaceAll('<', ' '),
    number: number.replace(/<+$/, ''),
    nationality: two.slice(10, 13),
    birth,
    sex: two[20],
    validUntil,
    optional: two.slice(28).replace(/<+$/, ''),
    valid,
  };
}
