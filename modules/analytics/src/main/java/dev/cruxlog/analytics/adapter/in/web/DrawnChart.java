package dev.cruxlog.analytics.adapter.in.web;

/**
 * A chart as a page embeds it: its element's id, its heading, and the JSON analytics-charts.js
 * draws from (in a data attribute, so the Content-Security-Policy needs no inline script).
 */
public record DrawnChart(String id, String name, String data) {
}
