import { Field, Select, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { PersonDto } from '../../../contracts/api';
import { useSession } from '../../app/session-context';
import { PageTitle } from '../../components/PageTitle';
import { PersonPicker } from '../../components/PersonPicker';
import { IncidentForm } from '../raise/IncidentForm';

const CHANNELS = [
  { value: 'Phone', label: 'Phone' },
  { value: 'Email', label: 'Email' },
  { value: 'WalkIn', label: 'Walk-in' },
  { value: 'Teams', label: 'Teams' },
] as const;

/** An analyst logs a call on behalf of a caller; the ticket belongs to the caller. */
export default function LogCallPage() {
  const { api } = useSession();
  const [caller, setCaller] = useState<PersonDto | null>(null);
  const [channel, setChannel] = useState('Phone');
  const [callerError, setCallerError] = useState<string | undefined>();
  return (
    <section aria-labelledby="log-heading">
      <PageTitle id="log-heading">Log a call for someone</PageTitle>
      <Text as="p">The ticket is the caller’s: they see it in My tickets and get the replies.</Text>
      <IncidentForm
        draftKey="itsm.draft.logcall"
        submitLabel="Log the call"
        before={
          <>
            <PersonPicker api={api} name="requester" label="Caller" required error={callerError} onSelect={setCaller} />
            <Field label="How did they contact us?" required>
              <Select name="contactChannel" value={channel} onChange={(_, d) => setChannel(d.value)}>
                {CHANNELS.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </Select>
            </Field>
          </>
        }
        extra={() => {
          const errors: Record<string, string> = caller ? {} : { requester: 'Choose the caller.' };
          setCallerError(errors.requester);
          return { body: { ...(caller ? { requesterId: caller.id } : {}), contactChannel: channel as 'Phone' }, errors };
        }}
      />
    </section>
  );
}
