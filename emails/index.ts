// The e-mail templates: one file each in emails/, listed once here. A template exports its payload schema (what the
// outbox stores, checked again when it is sent), its subject, the fields its subject needs when it needs any (checked
// leniently, so the back office lists subjects cheaply), its React Email component (default export) and, when it
// carries a single-use account link, `accountLink = true` (rendered live for the transport and masked to be kept).
// Adding a template: write its file, add a line below.
import type { ReactElement } from 'react';
import type { z } from 'zod';
import type { AccountLinkFields, AccountLinkProps } from './account-link';
import * as absenceAcknowledgment from './absence-acknowledgment';
import * as absenceDecision from './absence-decision';
import * as accountClosed from './account-closed';
import * as closureCancellation from './closure-cancellation';
import * as deadlineReminder from './deadline-reminder';
import * as familyRefused from './family-refused';
import * as familyValidated from './family-validated';
import * as invitation from './invitation';
import * as passwordReset from './password-reset';
import * as requestAcknowledgment from './request-acknowledgment';
import * as siblingsAcknowledgment from './siblings-acknowledgment';
import * as signupConfirmation from './signup-confirmation';
import * as signupExistingAccount from './signup-existing-account';
import * as waitingList from './waiting-list';

const templates = {
  'request-acknowledgment': requestAcknowledgment,
  'siblings-acknowledgment': siblingsAcknowledgment,
  'closure-cancellation': closureCancellation,
  'deadline-reminder': deadlineReminder,
  invitation,
  'password-reset': passwordReset,
  'account-closed': accountClosed,
  'signup-confirmation': signupConfirmation,
  'signup-existing-account': signupExistingAccount,
  'family-validated': familyValidated,
  'family-refused': familyRefused,
  'absence-acknowledgment': absenceAcknowledgment,
  'absence-decision': absenceDecision,
  'waiting-list': waitingList,
};

interface TemplateBase<P, S> {
  payloadSchema: z.ZodType<P>;
  subject: (fields: S) => string;
  subjectFields?: z.ZodType<S>;
}

/** A template whose payload is all it shows. */
export interface PlainEmailTemplate<P, S = P> extends TemplateBase<P, S> {
  default: (props: P) => ReactElement;
  accountLink?: undefined;
}

/** A template with a single-use account link: it is shown the link (or null, masked), never the nonce. */
export interface AccountLinkEmailTemplate<P extends AccountLinkFields, S = P> extends TemplateBase<P, S> {
  default: (props: AccountLinkProps<P>) => ReactElement;
  accountLink: true;
}

type PayloadOf<M> = M extends { payloadSchema: z.ZodType<infer P> } ? P : never;
type SubjectFieldsOf<M> = M extends { subject: (fields: infer S) => string } ? S : never;
type Checked<M, P = PayloadOf<M>> = P extends AccountLinkFields
  ? PlainEmailTemplate<P, SubjectFieldsOf<M>> | AccountLinkEmailTemplate<P, SubjectFieldsOf<M>>
  : PlainEmailTemplate<P, SubjectFieldsOf<M>>;

/** Every template, by name (the `template` column of the outbox); each entry checked against its payload type. */
export const EMAIL_TEMPLATES: { [T in keyof typeof templates]: Checked<(typeof templates)[T]> } = templates;

export type EmailTemplate = keyof typeof EMAIL_TEMPLATES;

/** What each template's payload holds (the `payload` column of the outbox). */
export type EmailPayloads = { [T in EmailTemplate]: PayloadOf<(typeof EMAIL_TEMPLATES)[T]> };

export function isEmailTemplate(name: string): name is EmailTemplate {
  return Object.hasOwn(EMAIL_TEMPLATES, name);
}

export type { AbsenceAcknowledgmentPayload } from './absence-acknowledgment';
export type { AbsenceDecisionPayload } from './absence-decision';
export type { AccountClosedPayload } from './account-closed';
export type { AccountLinkFields } from './account-link';
export type { ClosureCancellationPayload } from './closure-cancellation';
export type { DeadlineReminderPayload } from './deadline-reminder';
export type { FamilyRefusedPayload } from './family-refused';
export type { FamilyValidatedPayload } from './family-validated';
export type { InvitationPayload } from './invitation';
export type { PasswordResetPayload } from './password-reset';
export type { RequestAcknowledgmentPayload } from './request-acknowledgment';
export type { SiblingsAcknowledgmentPayload } from './siblings-acknowledgment';
export type { SignupConfirmationPayload } from './signup-confirmation';
export type { SignupExistingAccountPayload } from './signup-existing-account';
export type { WaitingListPayload } from './waiting-list';
