import { makeStyles, Typography } from '@material-ui/core';
import CheckCircleOutline from '@material-ui/icons/CheckCircleOutline';
import ErrorOutline from '@material-ui/icons/ErrorOutline';
import RemoveCircleOutline from '@material-ui/icons/RemoveCircleOutline';
import ReportProblemOutlined from '@material-ui/icons/ReportProblemOutlined';

export type StatusKind = 'success' | 'error' | 'warning' | 'neutral';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    whiteSpace: 'nowrap',
  },
  success: { color: theme.palette.status?.ok ?? theme.palette.success.main },
  error: {
    color: theme.palette.status?.error ?? theme.palette.error.main,
    fontWeight: theme.typography.fontWeightBold as number,
  },
  warning: {
    color: theme.palette.status?.warning ?? theme.palette.warning.main,
  },
  neutral: { color: theme.palette.text.secondary },
}));

const ICONS = {
  success: CheckCircleOutline,
  error: ErrorOutline,
  warning: ReportProblemOutlined,
  neutral: RemoveCircleOutline,
};

const WORDS = {
  success: 'Success',
  error: 'Error',
  warning: 'Warning',
  neutral: 'Other',
};

/**
 * A status with its colour and icon; the icon's title says the outcome, so
 * it is not carried by colour alone.
 */
export function StatusLabel(props: { kind: StatusKind; label: string }) {
  const { kind, label } = props;
  const classes = useStyles();
  const Icon = ICONS[kind];
  return (
    <Typography
      component="span"
      variant="body2"
      className={`${classes.root} ${classes[kind]}`}
    >
      <Icon fontSize="small" titleAccess={WORDS[kind]} />
      {label}
    </Typography>
  );
}

/** HTTP status codes from 400 up are errors. */
export const httpStatusKind = (status: number): StatusKind =>
  status >= 400 ? 'error' : 'success';
