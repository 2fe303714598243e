import { ProvisioningLogSummary } from '@internal/backstage-plugin-scim-common';
import { Box, makeStyles, Typography, useTheme } from '@material-ui/core';
import { describeBucket, summarizeBuckets } from './summarizeBuckets';

const HEIGHT = 80;
const BAR_WIDTH = 8;
const GAP = 2;

const useStyles = makeStyles(theme => ({
  svg: { width: '100%', height: HEIGHT, display: 'block' },
  legend: {
    display: 'flex',
    gap: theme.spacing(2),
    marginTop: theme.spacing(1),
  },
  swatch: {
    display: 'inline-block',
    width: 10,
    height: 10,
    marginRight: theme.spacing(0.5),
  },
}));

/**
 * Requests (and, overlaid from the bottom, errors) per hour as SVG bars.
 * The caption says the same in words; each bar has a hover title.
 */
export function RequestsPerHourChart(props: {
  buckets: ProvisioningLogSummary['buckets'];
}) {
  const { buckets } = props;
  const classes = useStyles();
  const theme = useTheme();
  const requestColor = theme.palette.primary.main;
  const errorColor = theme.palette.status?.error ?? theme.palette.error.main;
  const max = Math.max(1, ...buckets.map(b => b.requests));
  const scale = (n: number) => (n / max) * HEIGHT;
  const summary = summarizeBuckets(buckets);
  const captionId = 'provisioning-requests-chart-caption';

  return (
    <Box component="figure" m={0}>
      <svg
        className={classes.svg}
        viewBox={`0 0 ${
          Math.max(1, buckets.length) * (BAR_WIDTH + GAP)
        } ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-labelledby={captionId}
      >
        {buckets.map((b, i) => (
          <g key={b.hour}>
            <title>{describeBucket(b)}</title>
            <rect
              x={i * (BAR_WIDTH + GAP)}
              y={HEIGHT - scale(b.requests)}
              width={BAR_WIDTH}
              height={scale(b.requests)}
              fill={requestColor}
              opacity={0.6}
            />
            <rect
              x={i * (BAR_WIDTH + GAP)}
              y={HEIGHT - scale(b.errors)}
              width={BAR_WIDTH}
              height={scale(b.errors)}
              fill={errorColor}
            />
          </g>
        ))}
      </svg>
      <div className={classes.legend} aria-hidden="true">
        <Typography variant="caption">
          <span
            className={classes.swatch}
            style={{ background: requestColor, opacity: 0.6 }}
          />
          Requests
        </Typography>
        <Typography variant="caption">
          <span className={classes.swatch} style={{ background: errorColor }} />
          Errors
        </Typography>
      </div>
      <Typography component="figcaption" variant="body2" id={captionId}>
        {summary}
      </Typography>
    </Box>
  );
}
