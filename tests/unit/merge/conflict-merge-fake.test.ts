/** The resolver against the in-memory replica (the same suite runs on PouchDB in tests/integration/sync). */
import { conflictMergeContract } from '../../support/conflict-merge-contract.ts';
import { FakeConflictReplica } from '../../support/fake-conflict-replica.ts';

conflictMergeContract('in-memory fake', async () => ({ replica: new FakeConflictReplica() }));
