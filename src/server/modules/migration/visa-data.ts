/** What a visa case stores about its application, and what the visa procedure needs from its module. */
import type { PlainDate } from '../../../shared/kernel/plain-date.ts';
import type {
  NationalVisaDocument,
  NationalVisaGround,
  VisaPurpose,
} from '../../../shared/contracts/migration-subjects.ts';
import type { RESIDENCE_RIGHT_KINDS } from '../../../shared/contracts/register.contract.ts';

export type ResidenceRightKind = (typeof RESIDENCE_RIGHT_KINDS)[number];
import type { DbExecutor } from '../../db/database.ts';
import type { HandlerAccess } from '../cases/index.ts';
import type { MigrationRepository } from './migration.repository.ts';
import type { VisaType } from './visa.rules.ts';

/** What the case stores about the application (the steps since are its actions). */
export type VisaData = {
  visaType: VisaType;
  personId: string | null;
  givenNames: string;
  surname: string;
  sex: 'M' | 'F';
  birthDate: PlainDate;
  nationality: string;
  travelDocument: { number: string; country: string; validUntil: PlainDate };
  /** A C visa's purpose of the journey; null on a D visa (stored before grounds were named, a D case has its old purpose). */
  purpose: VisaPurpose | null;
  purposeDetail: string;
  /** A D visa's national ground; null on a C visa (and absent on a D case stored before grounds were named). */
  nationalGround?: NationalVisaGround | null;
  /** The ground's documents the application encloses (D). */
  enclosed?: NationalVisaDocument[];
  /** A D visa applied for in Latvia: the last day of the stay the applicant held. */
  currentStayUntil?: PlainDate | null;
  intendedEntry: PlainDate;
  intendedExit: PlainDate;
  entriesRequested: 'single' | 'double' | 'multiple';
  insurance: {
    insurer: string;
    policyNumber: string;
    coverageEur: number;
    validFrom: PlainDate;
    validUntil: PlainDate;
  } | null;
  means: { kind: 'cash' | 'bank-statement' | 'sponsor' | 'prepaid-accommodation'; amountEur: number };
  invitation: {
    reference: string;
    caseId: string;
    inviterName: string;
    status: string;
    periodFrom: string;
    periodUntil: string;
  } | null;
  fee: { amountCents: number; tableFrom: string; legalAct: string; exemption: string | null };
  /** An appeal's subject: the contested application and the applicant's reasons. */
  appealReason?: string | undefined;
};

/** The register's record of a right to reside, through its audit gate under the case (wired in app.ts). */
export interface ResidenceRightsPort {
  record(
    trx: DbExecutor,
    access: HandlerAccess,
    personId: string,
    right: {
      kind: ResidenceRightKind;
      documentNumber: string;
      validFrom: PlainDate;
      validUntil: PlainDate | null;
      issuedBy: string;
      legalBasis: string;
    },
  ): Promise<unknown>;
  end(
    trx: DbExecutor,
    access: HandlerAccess,
    personId: string,
    ending: { documentNumber: string; endsOn: PlainDate; legalBasis: string; sourceDocument: string },
  ): Promise<unknown>;
}

export interface VisaProcedureDeps {
  repository: MigrationRepository;
  today: () => PlainDate;
  issuingState: string;
  residenceRights: ResidenceRightsPort;
}
