/** What the benchmark ran on, for bench-results/latest.json and the README table. */
import { cpus, loadavg, platform, release, totalmem } from 'node:os';

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  platform: string;
  date: string;
  /** 1-minute load average when the run started (other processes compete for the cores if it is high) */
  loadAverage: number;
}

/** @example machineInfo() // { cpu: 'AMD EPYC 7B13', cores: 2, memoryGiB: 23.5, node: 'v20.20.2', … } */
export function machineInfo(now: Date = new Date()): MachineInfo {
  const list = cpus();
  return {
    cpu: (list[0]?.model ?? 'unknown').replace(/\s+/g, ' ').trim(),
    cores: list.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${platform()} ${release()}`,
    date: now.toISOString(),
    loadAverage: Math.round(loadavg()[0]! * 100) / 100,
  };
}
