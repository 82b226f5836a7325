import { Text } from '@fluentui/react-components';
import { PageTitle } from '../../components/PageTitle';
import { IncidentForm } from './IncidentForm';

export function RaisePage() {
  return (
    <section aria-labelledby="raise-heading">
      <PageTitle id="raise-heading">Raise an incident</PageTitle>
      <Text as="p">Tell us what is wrong. Fields marked with an asterisk are required.</Text>
      <IncidentForm draftKey="itsm.draft.raise" submitLabel="Raise incident" />
    </section>
  );
}
