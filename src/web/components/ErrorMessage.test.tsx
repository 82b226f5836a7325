// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorMessage } from './ErrorMessage';

afterEach(cleanup);

describe('an error message', () => {
  it('keeps its title and message apart in the text a screen reader reads', () => {
    render(<ErrorMessage title="Take did not go through" message="INC0002536 changed since you opened it." />);
    expect(screen.getByRole('alert').textContent).toBe('Take did not go through INC0002536 changed since you opened it.');
  });
});
