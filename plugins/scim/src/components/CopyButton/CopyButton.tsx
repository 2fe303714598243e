import { Box, Button, makeStyles, Typography } from '@material-ui/core';
import CheckIcon from '@material-ui/icons/Check';
import CopyIcon from '@material-ui/icons/FileCopyOutlined';
import { useEffect, useRef, useState } from 'react';

export interface CopyButtonProps {
  /** The text put on the clipboard. */
  text: string;
  /** What is copied, for screen readers: "Copy {what}", "{what} copied". */
  what: string;
}

const useStyles = makeStyles({
  /** Read out, not shown: the button itself already says "Copied". */
  visuallyHidden: {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

/** How long "Copied" stays on the button. */
const FEEDBACK_MS = 2500;

/**
 * Copies with the async Clipboard API; where it is missing (plain http),
 * falls back to `execCommand('copy')` on a hidden textarea placed next to the
 * button, so an enclosing dialog's focus trap does not steal the selection.
 */
async function copyText(text: string, container: HTMLElement | null) {
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  (container ?? document.body).appendChild(area);
  try {
    area.select();
    if (!document.execCommand?.('copy')) {
      throw new Error('The browser refused to copy');
    }
  } finally {
    area.remove();
  }
}

/** A "Copy" button, as the Entra guide names it, that says "Copied" when done. */
export function CopyButton(props: CopyButtonProps) {
  const { text, what } = props;
  const classes = useStyles();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const container = useRef<HTMLSpanElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = async () => {
    clearTimeout(timer.current);
    try {
      await copyText(text, container.current);
      setState('copied');
      timer.current = setTimeout(() => setState('idle'), FEEDBACK_MS);
    } catch {
      setState('failed');
    }
  };

  return (
    <Box component="span" display="inline-flex" flexDirection="column">
      <span ref={container}>
        <Button
          variant="outlined"
          color="primary"
          onClick={copy}
          aria-label={`Copy ${what}`}
          startIcon={state === 'copied' ? <CheckIcon /> : <CopyIcon />}
        >
          {state === 'copied' ? 'Copied' : 'Copy'}
        </Button>
      </span>
      {/* Announced by screen readers; also the visible hint when copying failed. */}
      <Typography variant="caption" role="status" aria-live="polite">
        {state === 'copied' && (
          <span className={classes.visuallyHidden}>{`${what} copied`}</span>
        )}
        {state === 'failed' &&
          'Could not copy: select the text and press Ctrl+C'}
      </Typography>
    </Box>
  );
}
