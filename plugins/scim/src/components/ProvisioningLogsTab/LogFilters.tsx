import { Box, TextField } from '@material-ui/core';
import { ReactNode } from 'react';
import {
  LogFilterValues,
  OPERATIONS,
  RESOURCE_TYPES,
  TIME_RANGES,
} from './logFilters';

export interface LogFiltersProps {
  value: LogFilterValues;
  onChange(value: LogFilterValues): void;
}

function FilterSelect(props: {
  label: string;
  value: string;
  onChange(value: string): void;
  children: ReactNode;
}) {
  return (
    <TextField
      select
      id={`provisioning-log-filter-${props.label
        .toLowerCase()
        .replace(/ /g, '-')}`}
      label={props.label}
      value={props.value}
      onChange={e => props.onChange(e.target.value)}
      variant="outlined"
      size="small"
      // Native selects: a labelled combobox, keyboard and screen reader friendly.
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
      style={{ minWidth: 160 }}
    >
      {props.children}
    </TextField>
  );
}

/** The filter bar of the provisioning log; the caller debounces the search. */
export function LogFilters(props: LogFiltersProps) {
  const { value, onChange } = props;
  const set = (change: Partial<LogFilterValues>) =>
    onChange({ ...value, ...change });

  return (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      role="search"
      aria-label="Filter the provisioning log"
      style={{ gap: 16 }}
      mb={2}
    >
      <FilterSelect
        label="Time range"
        value={value.range}
        onChange={range => set({ range: range as LogFilterValues['range'] })}
      >
        {TIME_RANGES.map(r => (
          <option key={r.value} value={r.value}>
            {r.label}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        label="Operation"
        value={value.operation}
        onChange={operation =>
          set({ operation: operation as LogFilterValues['operation'] })
        }
      >
        <option value="">Any operation</option>
        {OPERATIONS.map(o => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        label="Resource type"
        value={value.resourceType}
        onChange={resourceType =>
          set({
            resourceType: resourceType as LogFilterValues['resourceType'],
          })
        }
      >
        <option value="">Any type</option>
        {RESOURCE_TYPES.map(t => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        label="Status"
        value={value.status}
        onChange={status =>
          set({ status: status as LogFilterValues['status'] })
        }
      >
        <option value="">Any status</option>
        <option value="success">Success</option>
        <option value="error">Error</option>
      </FilterSelect>
      <TextField
        id="provisioning-log-filter-search"
        label="Search"
        type="search"
        placeholder="userName, displayName or id"
        value={value.search}
        onChange={e => set({ search: e.target.value })}
        variant="outlined"
        size="small"
        InputLabelProps={{ shrink: true }}
        inputProps={{ maxLength: 200 }}
        style={{ minWidth: 240 }}
      />
    </Box>
  );
}
