package io.testabort.reports.cli;

import io.testabort.crash.BadInputException;
import io.testabort.reports.pytest.html.HtmlMerger;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code merge-html -i DIR -o OUT}: the pytest_html_merger replacement. */
@Command(name = "merge-html", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Merges the pytest-html reports below a folder into one report.")
final class MergeHtmlCommand implements Callable<Integer> {

  @Option(names = {"-i", "--input"}, required = true, paramLabel = "DIR", description = "folder searched recursively for *.html reports")
  Path input;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "the merged report to write")
  Path output;

  /** An {@link IOException} goes to {@link Main}: one line naming the file and the problem, exit 3. */
  @Override
  public Integer call() throws IOException {
    try {
      HtmlMerger.Result r = HtmlMerger.merge(input, output);
      if (r == null) {
        System.err.println(input + ": no pytest-html reports found");
        return Main.EXIT_NOTHING;
      }
      System.out.println("merged " + r.reports + " reports (" + r.results + " results) into " + output);
      return Main.EXIT_OK;
    } catch (BadInputException e) {
      System.err.println(e.getMessage());
      return Main.EXIT_BAD_INPUT;
    }
  }
}
