/**
 * The operator console: an embedded Jetty 12 server beside the engine, never on its decision thread. A single-page
 * blotter ({@code blotter.html}) with live updates over server-sent events, per-order and desk-wide kill-switch
 * buttons, a JSON API ({@link io.slicer.tools.console.OperatorConsole}), Prometheus metrics
 * ({@link io.slicer.tools.console.ConsoleMetrics}) and JSON-lines lifecycle logs
 * ({@link io.slicer.tools.console.LifecycleLog}).
 *
 * <p>Access: bearer tokens from the environment ({@link io.slicer.tools.console.ConsoleAccess}): the trader's may act,
 * the viewer's may only look. Every action reaches the engine as a control input carrying the role and the reason,
 * and is answered only once the engine acknowledged it (journaled and forced to disk when the engine journals).
 *
 * <p>Reads the engine only through its thread-safe views ({@code SlicerEngine#progress}, {@code EngineCounters},
 * {@code LatencySamples}, the ring's backlog) and, when given the journal directory, by tailing the journal for each
 * order's last decision. Depends on the engine and the journal; nothing depends on it but the command line.
 */
package io.slicer.tools.console;
