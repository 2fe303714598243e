import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Two-core CI machines render MUI tables slowly; the default 1 s is too tight.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);
