import { Box, makeStyles } from '@material-ui/core';
import { ReactNode } from 'react';

const useStyles = makeStyles(theme => ({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(0.5),
    margin: theme.spacing(2, 0),
    '& dt': { color: theme.palette.text.secondary },
    '& dd': { margin: 0, overflowWrap: 'anywhere' },
  },
}));

/** Label and value pairs as a description list, labels in one column. */
export function FactList(props: { facts: Array<[string, ReactNode]> }) {
  const classes = useStyles();
  return (
    <dl className={classes.facts}>
      {props.facts.map(([label, value]) => (
        <Box key={label} display="contents">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </Box>
      ))}
    </dl>
  );
}
