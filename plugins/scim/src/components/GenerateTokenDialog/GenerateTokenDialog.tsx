import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  CreatedScimToken,
  TOKEN_VALIDITY_PRESETS_DAYS,
} from '@internal/backstage-plugin-scim-common';
import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormLabel,
  Radio,
  RadioGroup,
  TextField,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { useEffect, useId, useRef, useState } from 'react';
import { scimAdminApiRef } from '../../api/ScimAdminApi';
import { errorMessage } from '../../utils/errors';
import { CopyButton } from '../CopyButton';

export interface GenerateTokenDialogProps {
  open: boolean;
  /** Longest validity the backend accepts (`scim.tokens.maxValidityDays`). */
  maxValidityDays: number;
  /** Called when the dialog closes; `created` tells whether a token was made. */
  onClose: (created: boolean) => void;
}

const CUSTOM = 'custom';
const DAY_MS = 24 * 60 * 60 * 1000;
const DESCRIPTION_MAX_LENGTH = 255;

/** The longest preset up to a year that the backend allows, else Custom. */
function defaultChoice(presets: readonly number[]): string {
  const fitting = presets.filter(d => d <= 365);
  return fitting.length ? String(fitting[fitting.length - 1]) : CUSTOM;
}

/** Step 1 chooses a validity and generates; step 2 shows the token once, with Copy. */
export function GenerateTokenDialog(props: GenerateTokenDialogProps) {
  const { open, maxValidityDays, onClose } = props;
  const api = useApi(scimAdminApiRef);
  const titleId = useId();
  const presets = TOKEN_VALIDITY_PRESETS_DAYS.filter(d => d <= maxValidityDays);
  const [choice, setChoice] = useState(() => defaultChoice(presets));
  const [customDays, setCustomDays] = useState('');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [created, setCreated] = useState<CreatedScimToken>();
  const tokenInput = useRef<HTMLInputElement>(null);

  // The Generate button is gone once the token shows: move focus to the token.
  useEffect(() => {
    if (created) {
      tokenInput.current?.focus();
    }
  }, [created]);

  const days = choice === CUSTOM ? Number(customDays) : Number(choice);
  const daysValid =
    (choice !== CUSTOM || customDays.trim() !== '') &&
    Number.isInteger(days) &&
    days >= 1 &&
    days <= maxValidityDays;
  const customInvalid = choice === CUSTOM && customDays !== '' && !daysValid;

  const close = () => {
    const wasCreated = created !== undefined;
    setChoice(defaultChoice(presets));
    setCustomDays('');
    setDescription('');
    setError(undefined);
    setCreated(undefined); // the secret leaves memory with the dialog
    onClose(wasCreated);
  };

  const generate = async () => {
    if (!daysValid || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      setCreated(
        await api.createToken({
          validityDays: days,
          description: description.trim() || undefined,
        }),
      );
    } catch (e) {
      setError(`Could not generate the token: ${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      onClose={(_, reason) => {
        // Once the token shows, only Done closes: a stray click must not lose it.
        if (!created && !busy && reason) close();
      }}
      aria-labelledby={titleId}
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id={titleId}>
        {created ? 'Token generated' : 'Generate token'}
      </DialogTitle>
      {created ? (
        <>
          <DialogContent>
            <Alert severity="warning">
              <strong>
                Copy this token now: you will not be able to see it again.
              </strong>{' '}
              Paste it as the Secret token of the Entra provisioning
              configuration.
            </Alert>
            <Box
              mt={2}
              display="flex"
              alignItems="flex-start"
              style={{ gap: 8 }}
            >
              <TextField
                id="scim-token"
                label="Token"
                value={created.token}
                fullWidth
                variant="outlined"
                size="small"
                inputRef={tokenInput}
                onFocus={e => e.target.select()}
                InputProps={{
                  readOnly: true,
                  style: { fontFamily: 'monospace' },
                }}
                helperText={`Valid until ${new Date(
                  created.expiresAt,
                ).toLocaleString()}`}
              />
              <CopyButton text={created.token} what="token" />
            </Box>
          </DialogContent>
          <DialogActions>
            <Button onClick={close} color="primary" variant="contained">
              Done
            </Button>
          </DialogActions>
        </>
      ) : (
        <>
          <DialogContent>
            <FormControl component="fieldset" disabled={busy}>
              <FormLabel component="legend">
                How long should the token remain valid?
              </FormLabel>
              <RadioGroup
                name="scim-token-validity"
                value={choice}
                onChange={(_, value) => setChoice(value)}
              >
                {presets.map(d => (
                  <FormControlLabel
                    key={d}
                    value={String(d)}
                    control={<Radio />}
                    label={`${d} days`}
                  />
                ))}
                <FormControlLabel
                  value={CUSTOM}
                  control={<Radio />}
                  label="Custom"
                />
              </RadioGroup>
            </FormControl>
            {choice === CUSTOM && (
              <TextField
                id="scim-token-days"
                label="Days"
                type="number"
                value={customDays}
                onChange={e => setCustomDays(e.target.value)}
                error={customInvalid}
                helperText={
                  customInvalid
                    ? `Enter a whole number of days from 1 to ${maxValidityDays}`
                    : `From 1 to ${maxValidityDays} days`
                }
                inputProps={{ min: 1, max: maxValidityDays, step: 1 }}
                disabled={busy}
                margin="normal"
                fullWidth
              />
            )}
            <TextField
              id="scim-token-description"
              label="Description (optional)"
              placeholder="Entra production tenant"
              value={description}
              onChange={e => setDescription(e.target.value)}
              inputProps={{ maxLength: DESCRIPTION_MAX_LENGTH }}
              helperText="Helps you recognise the token in the list"
              disabled={busy}
              margin="normal"
              fullWidth
            />
            {daysValid && (
              <Box mt={1} color="text.secondary" fontSize="body2.fontSize">
                Expires on{' '}
                {new Date(Date.now() + days * DAY_MS).toLocaleDateString()}.
              </Box>
            )}
            {busy && <Progress />}
            {error && (
              <Box mt={2}>
                <Alert severity="error">{error}</Alert>
              </Box>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={close} disabled={busy}>
              Cancel
            </Button>
            <Button
              onClick={generate}
              color="primary"
              variant="contained"
              disabled={busy || !daysValid}
            >
              Generate token
            </Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}
