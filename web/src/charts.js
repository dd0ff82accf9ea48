/*
 * charts.js - the parts of Apache ECharts the dashboard uses, and nothing
 * else (bar and line charts, axes, tooltips, legends, the ARIA description;
 * the SVG renderer), so the bundle stays small.
 *
 * Colours are given per actor or per source from one palette in the order
 * those names are first asked for, so a donor keeps its colour in every
 * chart of the page.
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, AriaComponent, GridComponent, LegendComponent,
             TooltipComponent, SVGRenderer]);

const PALETTE = ['#2f6fb0', '#e07b22', '#3a9a48', '#c83e3e', '#7d5bb5', '#8c5a45',
                 '#d364a8', '#6f7780', '#b5a22a', '#1fa3b5', '#274e7d', '#a15d0f',
                 '#256b31', '#8f2424', '#523a80', '#5b3a2c'];
const colours = new Map();
/* The page's font: ECharts measures text with it, so it must be a real
 * family list rather than 'inherit'. */
const pageFont = () => getComputedStyle(document.documentElement).fontFamily ||
    'system-ui, "DejaVu Sans", sans-serif';

export function colourOf(name) {
    if (!colours.has(name)) colours.set(name, PALETTE[colours.size % PALETTE.length]);
    return colours.get(name);
}

const live = new Set();

/* A chart in container (which gets role="img" and a label); option as for
 * ECharts' setOption.  Returns the instance, disposed by dispose(container). */
export function makeChart(container, option, label) {
    dispose(container);
    container.setAttribute('role', 'img');
    container.setAttribute('aria-label', label);
    const chart = echarts.init(container, null, { renderer: 'svg' });
    chart.setOption({
        aria: { enabled: true, label: { description: label } },
        animation: false,
        textStyle: { fontFamily: pageFont() },
        ...option,
    });
    live.add(chart);
    return chart;
}

export function dispose(container) {
    const old = echarts.getInstanceByDom(container);
    if (old) {
        live.delete(old);
        old.dispose();
    }
}

/* Charts in a hidden tab have no size; they are resized when shown. */
export function resizeAll() {
    for (const c of live) {
        if (!c.isDisposed()) c.resize();
    }
}

window.addEventListener('resize', resizeAll);
