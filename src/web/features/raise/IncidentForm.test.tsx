// @vitest-environment jsdom
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../api-client/client';
import { SessionContext, sessionValue } from '../../app/session-context';
import { IncidentForm } from './IncidentForm';

const reference = { supportGroups: [{ key: 'desk', name: 'Service desk' }], services: [{ key: 'email', name: 'Email', defaultGroupKey: 'desk' }] };
const me = { id: 'u1', upn: 'sam@contoso.test', name: 'Sam', roles: [], supportGroups: [] };

function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function renderForm(createAnswer: () => Response) {
  const calls: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return url.endsWith('/api/reference') ? answer(200, reference) : createAnswer();
  });
  const api = createApiClient(() => 'token');
  render(
    <FluentProvider theme={teamsLightTheme}>
      <SessionContext.Provider value={sessionValue(api, me)}>
        <IncidentForm draftKey={`test-${Math.random()}`} submitLabel="Raise incident" />
      </SessionContext.Provider>
    </FluentProvider>,
  );
  return calls;
}

async function fillIn() {
  fireEvent.change(screen.getByRole('textbox', { name: /Short title/ }), { target: { value: "Can't log in 🔒" } });
  fireEvent.change(screen.getByRole('textbox', { name: /What happened/ }), { target: { value: '<b>since 9am</b>' } });
  await screen.findByRole('option', { name: 'Email' });
  fireEvent.change(screen.getByRole('combobox', { name: /Which service/ }), { target: { value: 'email' } });
  fireEvent.click(screen.getByRole('radio', { name: 'Just me' }));
  fireEvent.click(screen.getByRole('radio', { name: 'Stopped: I cannot do my work at all' }));
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.sessionStorage.clear();
});

describe('the incident form', () => {
  it('shows the priority its two answers give, never a priority field', async () => {
    renderForm(() => answer(500, {}));
    await fillIn();
    expect(screen.getByText(/^Priority: P3 \(moderate\)/)).toBeTruthy();
    expect(screen.queryByRole('combobox', { name: /priority/i })).toBeNull();
  });

  it("puts the API's field problems beside their fields and keeps everything typed", async () => {
    renderForm(() => answer(400, { error: { code: 'validation', message: '1 problem.', details: [{ field: 'title', message: 'The title is 300 characters; the limit is 255.' }] } }));
    await fillIn();
    fireEvent.click(screen.getByRole('button', { name: 'Raise incident' }));
    await screen.findByText('The title is 300 characters; the limit is 255.');
    expect(screen.getByRole('textbox', { name: /Short title/ }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/Nothing you typed was lost/)).toBeTruthy();
    expect((screen.getByRole('textbox', { name: /Short title/ }) as HTMLInputElement).value).toBe("Can't log in 🔒");
    expect((screen.getByRole('textbox', { name: /What happened/ }) as HTMLTextAreaElement).value).toBe('<b>since 9am</b>');
  });

  it('sends the same idempotency key when the person tries again after a failure', async () => {
    const calls = renderForm(() => answer(503, { error: { code: 'busy', message: 'SharePoint is busy.' } }));
    await fillIn();
    fireEvent.click(screen.getByRole('button', { name: 'Raise incident' }));
    await screen.findByText(/SharePoint is busy/);
    fireEvent.click(screen.getByRole('button', { name: 'Raise incident' }));
    await waitFor(() => expect(calls.filter((c) => c.url.endsWith('/api/incidents'))).toHaveLength(2));
    const keys = calls.filter((c) => c.url.endsWith('/api/incidents')).map((c) => (c.init.headers as Record<string, string>)['idempotency-key']);
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  it('keeps a pasted title whole (no maxlength), shows its count and the same message as the API, and sends nothing', async () => {
    const calls = renderForm(() => answer(201, {}));
    await fillIn();
    const title = screen.getByRole('textbox', { name: /Short title/ }) as HTMLInputElement;
    expect(title.hasAttribute('maxlength')).toBe(false);
    expect(screen.getByTestId('title-count').textContent).toBe("14 characters, 15 of 255 units");
    fireEvent.change(title, { target: { value: '😀'.repeat(200) } });
    expect(title.value).toBe('😀'.repeat(200));
    expect(screen.getByTestId('title-count').textContent).toBe('200 characters, 400 of 255 units');
    const message = 'The title is 200 characters, which take 400 storage units; the limit is 255 units (most characters take 1 unit, emoji and some others take 2 or more).';
    expect(screen.getByText(message)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Raise incident' }));
    await waitFor(() => expect(title.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getAllByText(message)).toHaveLength(1);
    expect(calls.filter((c) => c.url.endsWith('/api/incidents'))).toHaveLength(0);
    fireEvent.change(title, { target: { value: 'x'.repeat(255) } });
    expect(screen.getByTestId('title-count').textContent).toBe('255 of 255');
    expect(screen.queryByText(message)).toBeNull();
  });

  it('shows a control character in the title beside it, with its position', async () => {
    const calls = renderForm(() => answer(201, {}));
    await fillIn();
    fireEvent.change(screen.getByRole('textbox', { name: /Short title/ }), { target: { value: 'Printer\u0000 down' } });
    expect(screen.getByText('The title contains a control character, U+0000 (NUL), at character 8; remove it.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Raise incident' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: /Short title/ }).getAttribute('aria-invalid')).toBe('true'));
    expect(calls.filter((c) => c.url.endsWith('/api/incidents'))).toHaveLength(0);
  });

  it('checks required answers before sending anything', async () => {
    const calls = renderForm(() => answer(201, {}));
    await screen.findByRole('option', { name: 'Email' });
    fireEvent.click(screen.getByRole('button', { name: 'Raise incident' }));
    await screen.findByText('Give the incident a short title.');
    expect(screen.getByText('Choose the service that is affected.')).toBeTruthy();
    expect(screen.getByText('Say how many people are affected.')).toBeTruthy();
    expect(calls.filter((c) => c.url.endsWith('/api/incidents'))).toHaveLength(0);
  });
});
