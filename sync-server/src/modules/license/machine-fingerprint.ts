import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * The hash a licence is bound to. It mixes the OS machine id with the MAC addresses of the
 * machine's physical network cards: a cloned VM keeps the machine id but normally gets new
 * MACs, so a clone does not pass as the original. Virtual interfaces (docker, veth, ifb)
 * are left out because they come and go and would break a licence on a restart.
 */
export function computeMachineFingerprint(): string {
  const parts = ['booking-center-machine-v1', readMachineId() ?? `host:${hostname()}`, ...readPhysicalMacAddresses()];
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}

function readMachineId(): string | undefined {
  for (const path of ['/etc/machine-id', '/var/lib/dbus/machine-id']) {
    try {
      const id = readFileSync(path, 'utf8').trim();
      if (id) return id;
    } catch {
      // not on this system; try the next place
    }
  }
  return undefined;
}

function readPhysicalMacAddresses(): string[] {
  const netDir = '/sys/class/net';
  if (!existsSync(netDir)) return [];
  return readdirSync(netDir)
    .filter((name) => existsSync(`${netDir}/${name}/device`))
    .map((name) => readFileSync(`${netDir}/${name}/address`, 'utf8').trim().toLowerCase())
    .filter((mac) => mac && mac !== '00:00:00:00:00:00')
    .sort();
}
