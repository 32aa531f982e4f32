import { configure } from '@testing-library/react';

// findBy*/waitFor wait for a condition, not a duration: on a machine shared with other builds the
// condition can take seconds to come true, so the ceiling is far above what a passing run needs.
configure({ asyncUtilTimeout: 15_000 });
