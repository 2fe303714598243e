import { WarningPanel } from '@backstage/core-components';
import { describeEntraError } from './entraError';

/** A Graph failure as a warning that says what failed and what to fix; `what` is lower case. */
export function EntraErrorPanel(props: { error: unknown; what: string }) {
  const { title, message, retryAfterSeconds } = describeEntraError(props.error);
  return (
    <WarningPanel
      severity="warning"
      title={`Could not read the ${props.what}: ${title}`}
      defaultExpanded
      message={
        <>
          {message}
          {retryAfterSeconds !== undefined &&
            ` Try again in ${retryAfterSeconds} seconds.`}
        </>
      }
    />
  );
}
