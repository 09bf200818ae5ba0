// The floor under every start-up row: Node 24 starting a script that does
// its first real work at once (it prints the `[command]` line an action
// prints before starting a tool).
import { setTimeout } from 'node:timers';

process.stdout.write('[command]true\n');
setTimeout(() => {}, 10_000);
