import { ConfigReader } from '@backstage/config';
import {
  DEFAULT_PROVISIONING_LOG_CONFIG,
  readProvisioningLogConfig,
} from './readProvisioningLogConfig';

describe('readProvisioningLogConfig', () => {
  it('applies defaults and reads every key', () => {
    expect(readProvisioningLogConfig(new ConfigReader({}))).toEqual(
      DEFAULT_PROVISIONING_LOG_CONFIG,
    );
    const logs = {
      enabled: false,
      keepBodies: false,
      maxBodyBytes: 1024,
      retentionDays: 7,
      maxRows: 500,
    };
    expect(
      readProvisioningLogConfig(new ConfigReader({ scim: { logs } })),
    ).toEqual(logs);
  });

  it.each(['maxBodyBytes', 'retentionDays', 'maxRows'])(
    'rejects a non-positive %s',
    key => {
      expect(() =>
        readProvisioningLogConfig(
          new ConfigReader({ scim: { logs: { [key]: 0 } } }),
        ),
      ).toThrow(`scim.logs.${key} must be a positive integer`);
    },
  );
});
