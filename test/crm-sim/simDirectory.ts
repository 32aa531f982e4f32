import { CrmCode } from '../../shared/crm/statusCodes';
import type { AccessTokenDefinition } from '../../shared/token/definition';
import { fail } from './simErrors';
import type { AccountKey, ClassificationKey, KeyedIdentifier, ParticipantKey } from './simIdentifiers';
import type { SimClassification, SimData, SimParticipant, SimUnit, SimUser } from './simData';

/** The CRM's reference data, read-only: participants and their accounts, classifications, users, units. */
export class SimDirectory {
  constructor(private readonly data: SimData) {}

  get definition(): AccessTokenDefinition {
    return this.data.definition;
  }

  get participants(): readonly SimParticipant[] {
    return this.data.participants;
  }

  get classifications(): readonly SimClassification[] {
    return this.data.classifications;
  }

  participant(ref: KeyedIdentifier<ParticipantKey>): SimParticipant {
    const found = this.data.participants.find((p) => p[ref.key] === ref.value);
    return found ?? fail(CrmCode.participantNotFound, `No rewards participant has ${ref.key} ${ref.value}.`);
  }

  /** The participant that holds an accounts receivable (an account belongs to one participant). */
  participantOfAccount(ref: KeyedIdentifier<AccountKey>): SimParticipant {
    const found = this.data.participants.find((p) => p.accounts_receivable[ref.key] === ref.value);
    return found ?? fail(CrmCode.accountNotFound, `No accounts receivable has ${ref.key} ${ref.value}.`);
  }

  classification(ref: KeyedIdentifier<ClassificationKey>): SimClassification {
    const found = this.data.classifications.find((c) => c[ref.key] === ref.value);
    return found ?? fail(CrmCode.classificationNotFound, `No access token classification has ${ref.key} ${ref.value}.`);
  }

  participantById(id: string | null): SimParticipant | null {
    return this.data.participants.find((p) => p.id === id) ?? null;
  }

  classificationById(id: string | null): SimClassification | null {
    return this.data.classifications.find((c) => c.id === id) ?? null;
  }

  user(id: string): SimUser | null {
    return this.data.users.find((u) => u.id === id) ?? null;
  }

  unit(id: string | null): SimUnit | null {
    return this.data.units.find((u) => u.id === id) ?? null;
  }

  /** Who made the seed tokens when the data file does not say. */
  get firstUser(): SimUser {
    const [first] = this.data.users;
    if (!first) throw new Error('The simulator data has no users.');
    return first;
  }
}
