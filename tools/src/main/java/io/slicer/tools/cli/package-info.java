/**
 * The {@code slicer} command line: {@link SlicerCli} and one class per subcommand ({@link RunCommand},
 * {@link EvaluateCommand}, {@link TrainCommand}, {@link ReplayCommand}, {@link AuditCommand}, {@link ModelCommand},
 * {@link ScheduleCommand}, {@link DemoCommand}, {@link BenchCommand}). Bad input is one line on stderr and exit code 2;
 * {@code --json} prints one document on stdout.
 * <p>The top of the project: depends on every other tools package, the journal (and its audit), the engine and policy
 * inference; nothing depends on it. Benchmark harnesses are named as classes to run in their own JVM, not compiled
 * against.
 */
package io.slicer.tools.cli;
