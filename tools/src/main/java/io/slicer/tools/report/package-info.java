/**
 * The TCA report of an evaluation: {@link ReportWriter} writes {@code report.md} with its {@link Charts} (PNG files via
 * {@link ChartFiles}), {@link ComparisonTable}s and the JSON and per-episode CSV behind them; {@link TextTable} lays
 * out terminal and Markdown tables; {@link LearningCurve} reads a trainer's curve. Offline; allocates freely.
 * <p>Depends on {@link io.slicer.tools.eval} and XChart only. Used by {@link io.slicer.tools.cli}.
 */
package io.slicer.tools.report;
