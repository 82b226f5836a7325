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
});

/** Find a ticket by its number from any page. */
export function FindByNumber() {
  const styles = useStyles();
  const id = useId();
  const [value, setValue] = useState('');
  function submit(event: React.FormEvent) {
    event.preventDefault();
    const number = value.trim().toUpperCase();
    if (!number) return;
    navigate({ name: 'ticket', number });
    setValue('');
  }
  return (
    <form role="search" aria-label="Find a ticket" className={styles.form} onSubmit={submit} data-shell-bar>
      <Label htmlFor={id}>Ticket number</Label>
      <Input id={id} className={styles.input} value={value} onChange={(_, d) => setValue(d.value)} placeholder="INC-1234" />
      <Button type="submit">Find</Button>
    </form>
  );
}
