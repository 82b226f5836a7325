import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/** Shows an error in words a person can act on; never a stack trace. */
export function ErrorMessage({ title, message }: { title: string; message: string }) {
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {/* A space, so the alert's text reads "…did not go through. INC-1…" rather than running the two together. */}
        {' '}
        {message}
      </MessageBarBody>
    </MessageBar>
  );
}
