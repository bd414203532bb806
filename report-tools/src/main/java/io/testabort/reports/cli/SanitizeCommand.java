package io.testabort.reports.cli;

import io.testabort.crash.BadInputException;
import io.testabort.reports.pytest.html.BlobSanitizer;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sanitize PATH... [--glob]}: pytest-abort's jsonblob sanitizing over files and directories. */
@Command(name = "sanitize", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Sanitizes the data-jsonblob of pytest-html reports in place (files, or matching files in directories).")
final class SanitizeCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "report files or directories")
  List<Path> paths;

  @Option(names = "--glob", defaultValue = "*_log.html", description = "file pattern in directories (default: ${DEFAULT-VALUE})")
  String glob;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try {
      FileSystems.getDefault().getPathMatcher("glob:" + glob);
    } catch (PatternSyntaxException e) {
      // a usage error, found before any file is touched
      throw new ParameterException(spec.commandLine(),
          "Invalid value for option '--glob': " + e.getDescription() + " in '" + glob + "'");
    }
    int modified = 0;
    int failed = 0;
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try {
          files.addAll(matching(p));
        } catch (IOException e) {
          System.err.println(p + ": cannot list directory: " + e.getMessage());
          failed++;
        }
      } else {
        files.add(p);
      }
    }
    for (Path f : files) {
      try {
        if (BlobSanitizer.sanitize(f)) {
          modified++;
        }
      } catch (BadInputException e) {
        System.err.println(e.getMessage());
        failed++;
      } catch (FileSystemException e) {
        System.err.println(f + ": " + Main.problem(e));
        failed++;
      } catch (IOException | RuntimeException e) {
        System.err.println(f + ": " + e);
        failed++;
      }
    }
    System.out.println("modified=" + modified + " total=" + files.size() + " failed=" + failed);
    return failed > 0 ? Main.EXIT_BAD_INPUT : Main.EXIT_OK;
  }

  private List<Path> matching(Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, glob)) {
      for (Path p : ds) {
        if (Files.isRegularFile(p)) {
          out.add(p);
        }
      }
    }
    Collections.sort(out);
    return out;
  }
}
