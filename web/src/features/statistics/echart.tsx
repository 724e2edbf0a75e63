/**
 * A small React wrapper of ECharts: one chart on a div, its option set on every change, resized with the window
 * (and with its box, so the elder mode's larger type or an opening menu re-lays it out), disposed on unmount.
 */
import * as echarts from 'echarts';
import { useEffect, useRef } from 'react';

/** The option of a chart, as ECharts takes it. */
export type ChartOption = echarts.EChartsOption;

/** A chart of `option`, `height` tall and as wide as its container. */
export function EChart(props: { option: ChartOption; height: number; ariaLabel: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(resize);
    observer?.observe(element);
    return () => {
      window.removeEventListener('resize', resize);
      observer?.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(props.option, { notMerge: true });
  }, [props.option]);

  return <div ref={box} role="img" aria-label={props.ariaLabel} style={{ width: '100%', height: props.height }} />;
}
