import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/** Shows an error in words a person can act on; never a stack trace. */
export function ErrorMessage({ title, message }: { title: string; message: string }) {
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}
      </MessageBarBody>
    </MessageBar>
  );
}
