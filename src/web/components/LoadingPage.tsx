import { Spinner } from '@fluentui/react-components';

export function LoadingPage({ label = 'Loading…' }: { label?: string }) {
  return <Spinner label={label} />;
}
