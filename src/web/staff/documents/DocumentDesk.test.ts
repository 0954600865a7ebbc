/**
 * The document desk on a person's card, rendered to markup with the desk's answer already loaded: it offers only
 * the documents the server says the person may apply for, says none can be applied for when none may, and says
 * what taking the application does next (it reads as a statement, not as a missing control).
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import lv from '../../../shared/i18n/lv.json' with { type: 'json' };
import { I18nProvider } from '../../i18n/I18nProvider.tsx';
import { DocumentDesk } from './DocumentDesk.tsx';

const PERSON = '00000000-0000-4000-8000-000000000001';

function desk(documentTypes: string[]): string {
  const client = new QueryClient();
  client.setQueryData(['desk-applications', PERSON], { applications: [], elsewhere: [], documentTypes });
  return renderToStaticMarkup(
    createElement(
      QueryClientProvider,
      { client },
      createElement(
        I18nProvider,
        null,
        createElement(DocumentDesk, { personId: PERSON, personName: 'Jānis Bērziņš', permitEndsOn: null }),
      ),
    ),
  );
}

/** The document types the desk's select offers. */
const offered = (html: string) =>
  [...(/<select id="new-documentType"[^>]*>(.*?)<\/select>/.exec(html)?.[1] ?? '').matchAll(/value="([^"]*)"/g)].map(
    (m) => m[1],
  );

describe('the document desk', () => {
  it('offers a citizen only a passport and an identity card', () => {
    const html = desk(['passport', 'identity-card']);
    expect(offered(html)).toEqual(['passport', 'identity-card']);
    expect(html).not.toContain(lv['documents.type.residence-permit-card']);
  });

  it('offers a foreigner the residence permit card alone', () => {
    expect(offered(desk(['residence-permit-card']))).toEqual(['residence-permit-card']);
  });

  it('takes no application when the person may apply for no document, and says why', () => {
    const html = desk([]);
    expect(html).toContain(lv['documents.desk.noTypes']);
    expect(html).not.toContain(lv['documents.desk.submit']);
  });

  it('says what taking the application does: issuing is proposed at once, and a second officer approves it where required', () => {
    expect(desk(['passport'])).toContain(lv['documents.desk.propose']);
    expect(lv['documents.desk.propose']).toMatch(/izsniegšana tiek ierosināta uzreiz/);
    expect(lv['documents.desk.propose']).toMatch(/apstiprina otrs dokumentu darbinieks/);
  });
});
