// The error summary shared by every form: which messages it shows, and how (links to the fields, announced).
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ErrorSummary, formErrors } from '@/components/error-summary';

describe('formErrors', () => {
  it("puts the form's message first, then the first message of each field, each text once", () => {
    expect(
      formErrors(
        'Vérifiez le formulaire.',
        { email: ['Adresse invalide.', 'Trop longue.'], password: ['Vérifiez le formulaire.'], role: undefined },
        ['email'],
      ),
    ).toEqual([{ message: 'Vérifiez le formulaire.' }, { message: 'Adresse invalide.', field: 'email' }]);
  });

  it('links only the fields it is told about', () => {
    expect(
      formErrors(undefined, { name: ['Le nom est obligatoire.'], sectorId: ['Secteur inconnu.'] }, ['name']),
    ).toEqual([{ message: 'Le nom est obligatoire.', field: 'name' }, { message: 'Secteur inconnu.' }]);
  });

  it('gives nothing when nothing is wrong', () => {
    expect(formErrors(undefined, {})).toEqual([]);
  });
});

describe('<ErrorSummary>', () => {
  it('shows nothing without errors', () => {
    expect(renderToStaticMarkup(<ErrorSummary title="Il y a un problème" errors={[]} answer={{}} />)).toBe('');
  });

  it('is an alert named by its title, and a field message links to the field', () => {
    const html = renderToStaticMarkup(
      <ErrorSummary
        title="Il y a un problème"
        errors={[{ message: 'Saisissez votre identifiant.', field: 'email' }, { message: 'Réessayez.' }]}
        answer={{}}
      />,
    );
    expect(html).toMatch(/role="alert"/);
    const labelledBy = /aria-labelledby="([^"]+)"/.exec(html)![1];
    expect(html).toContain(`<h2 id="${labelledBy}" class="font-semibold text-red-800">Il y a un problème</h2>`);
    expect(html).toContain('<a href="#email" class="underline">Saisissez votre identifiant.</a>');
    expect(html).toContain('<li>Réessayez.</li>');
  });

  it('says a single message as a sentence, not a list', () => {
    const html = renderToStaticMarkup(
      <ErrorSummary title="Il y a un problème" errors={[{ message: 'Le planning a changé.' }]} answer={{}} level={3} />,
    );
    expect(html).toContain('<h3');
    expect(html).toContain('<p class="mt-1 text-red-800">Le planning a changé.</p>');
    expect(html).not.toContain('<ul');
  });
});
