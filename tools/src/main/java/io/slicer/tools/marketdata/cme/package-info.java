/**
 * CME futures bars: {@link io.slicer.tools.marketdata.cme.CmeMinuteBars} finds and reads a gzipped file of 1-minute
 * trade bars (bar END time in UTC, minutes without trades absent) and rejects a malformed one with
 * {@link io.slicer.tools.marketdata.cme.CmeFormatException} naming file and line.
 */
package io.slicer.tools.marketdata.cme;
