/** Where the browser fetches a visa's documents: the endpoints' paths with the visa's number filled in. */
import { visaEndingPdf } from '../../../shared/contracts/visas.contract.ts';

/** The annulment or revocation form of a visa (PDF), for staff who may read visas. */
export const endingPdfUrl = (visaNumber: string): string =>
  visaEndingPdf.path.replace('{visaNumber}', encodeURIComponent(visaNumber));
