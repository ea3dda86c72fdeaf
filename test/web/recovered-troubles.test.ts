import { describe, expect, it } from 'vitest';
import { createRecoveredTroubles } from '../../src/web/recovered-troubles.ts';

describe('troubles the web process store got over', () => {
  it('counts each kind apart, from zero, and hands out copies', () => {
    const recovered = createRecoveredTroubles();
    expect(recovered.counts()).toEqual({ busy_retry: 0, connection_lost: 0 });
    recovered.record('busy_retry');
    recovered.record('busy_retry');
    recovered.record('connection_lost');
    const counts = recovered.counts();
    counts.busy_retry = 99;
    expect(recovered.counts()).toEqual({ busy_retry: 2, connection_lost: 1 });
  });
});
