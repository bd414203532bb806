package io.testabort.reports.cli;

import io.testabort.reports.pytest.CompiledReportCsv;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "json-to-csv",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Flattens a combined report (combine-json) to CSV: name,outcome,duration,keywords (pytest-abort's convert_compiled_json_to_csv).",
      "Exit 0: written, 1: no tests (header only), 3: IN is not a combined report (nothing written)."
    })
final class JsonToCsvCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "IN", description = "combined JSON report")
  Path in;

  @Parameters(index = "1", paramLabel = "OUT", description = "CSV file to write")
  Path out;

  @Override
  public Integer call() throws Exception {
    int rows = CompiledReportCsv.convert(in, out);
    spec.commandLine().getOut().println("wrote " + rows + " tests to " + out);
    return rows == 0 ? Main.EXIT_NOTHING : Main.EXIT_OK;
  }
}
