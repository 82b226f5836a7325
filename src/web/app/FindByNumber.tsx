import { Button, Input, Label, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { navigate } from './router';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `0 ${tokens.spacingHorizontalL} ${tokens.spacingVerticalS}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  input: { width: '12rem', maxWidth: '100%' },
  error: { color: tokens.colorPaletteRedForeground1, flexBasis: '100%' },
});

/** Ticket numbers are letters, digits and dashes (INC-1234, or an imported INC0012345), at most 48 characters. */
const NUMBER = /^[A-Z0-9][A-Z0-9-]{0,47}$/;

export function numberProblem(number: string): string | null {
  if (NUMBER.test(number)) return null;
  return number.length > 48
    ? `A ticket number has at most 48 characters; this has ${number.length}.`
    : 'A ticket number has only letters, digits and dashes, like INC-1234.';
}

/** Find a ticket by its number from any page. */
export function FindByNumber() {
  const styles = useStyles();
  const id = useId();
  const errorId = useId();
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  function submit(event: React.FormEvent) {
    event.preventDefault();
    const number = value.trim().toUpperCase();
    if (!number) return;
    // Checked here so that a pasted paragraph never reaches the server as an address.
    const wrong = numberProblem(number);
    setProblem(wrong);
    if (wrong) return;
    navigate({ name: 'ticket', number });
    setValue('');
  }
  return (
    <form role="search" aria-label="Find a ticket" className={styles.form} onSubmit={submit} data-shell-bar>
      <Label htmlFor={id}>Ticket number</Label>
      <Input id={id} className={styles.input} value={value} onChange={(_, d) => setValue(d.value)} placeholder="INC-1234"
        aria-invalid={problem ? true : undefined} aria-describedby={problem ? errorId : undefined} />
      <Button type="submit">Find</Button>
      {problem ? <span id={errorId} role="alert" className={styles.error}>{problem}</span> : null}
    </form>
  );
}
