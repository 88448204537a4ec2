/**
 * A QuickFIX/J OMS client ({@link io.slicer.tools.fix.oms.OmsClient}) that sends parent orders to the gateway and
 * keeps the reports it gets back: the other side of the end-to-end tests and of the README walkthrough.
 */
package io.slicer.tools.fix.oms;
