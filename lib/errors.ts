// Expected failures (the user's mistake, or a rule of the town) carry a French message for the person;
// anything else is our bug: logged with context, and the person reads a generic message.
export class UserError extends Error {
  constructor(
    message: string,
    readonly code: string = 'user_error',
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export const GENERIC_ERROR =
  "Un problème technique empêche de terminer. Réessayez dans quelques instants ; rien n'a été enregistré.";
