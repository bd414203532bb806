/**
 * report-tools as a library: the contract of a report format ({@link io.testabort.reports.ReportPatcher},
 * one implementation per format in the sub-packages), and patching several reports as one, put back
 * byte for byte when any of them fails ({@link io.testabort.reports.ReportSet},
 * {@link io.testabort.reports.Rollback}). The CLI ({@code cli}) is a thin layer over it.
 */
package io.testabort.reports;
