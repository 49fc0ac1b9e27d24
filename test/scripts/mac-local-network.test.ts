import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { macLocalNetworkProblems, type BuilderConfig } from '../../scripts/package-check/inspect';

describe("the macOS build's Local Network keys", () => {
  it('are in electron-builder.yml: the permission sentence and the Bonjour type discovery browses', () => {
    const config = parse(
      readFileSync(join(import.meta.dirname, '../../electron-builder.yml'), 'utf8'),
    ) as BuilderConfig;
    expect(macLocalNetworkProblems(config)).toEqual([]);
    expect(config.mac?.extendInfo?.NSBonjourServices).toEqual(['_home-assistant._tcp']);
  });

  it('fail the packaging check when either is missing', () => {
    expect(macLocalNetworkProblems({ mac: { extendInfo: { LSUIElement: true } } })).toEqual([
      'electron-builder.yml mac.extendInfo has no NSLocalNetworkUsageDescription',
      'electron-builder.yml mac.extendInfo.NSBonjourServices lacks _home-assistant._tcp',
    ]);
    expect(
      macLocalNetworkProblems({
        mac: {
          extendInfo: { NSLocalNetworkUsageDescription: 'x', NSBonjourServices: ['_http._tcp'] },
        },
      }),
    ).toEqual(['electron-builder.yml mac.extendInfo.NSBonjourServices lacks _home-assistant._tcp']);
  });
});
