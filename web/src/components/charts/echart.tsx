import { Box, Loader, Center } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { ChartOption, ChartInstance } from './echarts-setup';

export type { ChartOption };

interface EChartProps {
  option: ChartOption;
  height: number;
  /** What the chart shows, for screen readers (the chart itself is an image to them). */
  label: string;
  testId?: string;
}

/**
 * One ECharts chart: loads the library on first use, draws `option` (replacing the previous one), follows the
 * container's width, and disposes of the chart when unmounted. `data-rendered` turns true once drawn.
 */
export function EChart({ option, height, label, testId }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ChartInstance | null>(null);
  const [isReady, setReady] = useState(false);
  const [isRendered, setRendered] = useState(false);

  useEffect(() => {
    let isCancelled = false;
    let observer: ResizeObserver | undefined;
    void import('./echarts-setup').then(({ init }) => {
      if (isCancelled || !container.current) return;
      const instance = init(container.current, undefined, { renderer: 'svg' });
      chart.current = instance;
      instance.on('finished', () => setRendered(true));
      observer = new ResizeObserver(() => instance.resize());
      observer.observe(container.current);
      setReady(true);
    });
    return () => {
      isCancelled = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (isReady) chart.current?.setOption(option, { notMerge: true });
  }, [isReady, option]);

  return (
    <Box pos="relative" h={height} role="img" aria-label={label} data-testid={testId} data-rendered={isRendered ? 'true' : 'false'}>
      <div ref={container} style={{ width: '100%', height: '100%' }} />
      {!isReady && (
        <Center pos="absolute" inset={0}>
          <Loader size="sm" aria-label="Loading the chart" />
        </Center>
      )}
    </Box>
  );
}
