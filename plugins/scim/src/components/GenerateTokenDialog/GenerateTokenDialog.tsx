import { CopyTextButton } from '@backstage/core-components';
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
import { useState } from 'react';
import { scimAdminApiRef } from '../../api/ScimAdminApi';

export interface GenerateTokenDialogProps {
  open: boolean;
  maxValidityDays: number;
  /** Called when the dialog closes; `created` tells whether a token was made. */
  onClose: (created: boolean) => void;
}

const CUSTOM = 'custom';

/** Choose a validity, generate, then show the token once with a Copy button. */
export function GenerateTokenDialog(props: GenerateTokenDialogProps) {
  const { open, maxValidityDays, onClose } = props;
  const api = useApi(scimAdminApiRef);
  const [choice, setChoice] = useState<string>('365');
  const [customDays, setCustomDays] = useState('');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [created, setCreated] = useState<CreatedScimToken>();

  const days = choice === CUSTOM ? Number(customDays) : Number(choice);
  const daysValid =
    Number.isInteger(days) && days >= 1 && days <= maxValidityDays;

  const reset = () => {
    setChoice('365');
    setCustomDays('');
    setDescription('');
    setError(undefined);
    setCreated(undefined);
  };

  const close = () => {
    const wasCreated = created !== undefined;
    reset();
    onClose(wasCreated);
  };

  const generate = async () => {
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
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      onClose={created ? undefined : close}
      aria-labelledby="generate-token-title"
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id="generate-token-title">
        {created ? 'Token generated' : 'Generate token'}
      </DialogTitle>
      {created ? (
        <>
          <DialogContent>
            <Alert severity="warning">
              Copy this token now and paste it as the Secret token in Entra. You
              will not be able to see it again.
            </Alert>
            <Box mt={2} display="flex" alignItems="center">
              <TextField
                id="scim-token"
                label="Token"
                value={created.token}
                fullWidth
                variant="outlined"
                InputProps={{
                  readOnly: true,
                  style: { fontFamily: 'monospace' },
                }}
                helperText={`Valid until ${new Date(
                  created.expiresAt,
                ).toLocaleString()}`}
              />
              <CopyTextButton
                text={created.token}
                aria-label="Copy token"
                tooltipText="Token copied"
              />
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
            <FormControl component="fieldset">
              <FormLabel component="legend">
                How long should the token remain valid?
              </FormLabel>
              <RadioGroup
                aria-label="Token validity"
                value={choice}
                onChange={(_, value) => setChoice(value)}
              >
                {TOKEN_VALIDITY_PRESETS_DAYS.filter(
                  d => d <= maxValidityDays,
                ).map(d => (
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
                error={customDays !== '' && !daysValid}
                helperText={`A whole number of days from 1 to ${maxValidityDays}`}
                inputProps={{ min: 1, max: maxValidityDays }}
                margin="normal"
                fullWidth
              />
            )}
            <TextField
              id="scim-token-description"
              label="Description (optional)"
              value={description}
              onChange={e => setDescription(e.target.value)}
              inputProps={{ maxLength: 255 }}
              margin="normal"
              fullWidth
            />
            {error && <Alert severity="error">{error}</Alert>}
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
