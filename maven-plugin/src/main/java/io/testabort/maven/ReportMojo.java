package io.testabort.maven;

import io.testabort.crash.BadInputException;
import io.testabort.crash.Collector;
import io.testabort.crash.CrashLog;
import io.testabort.crash.CrashRecord;
import io.testabort.reports.ReportSet;
import io.testabort.reports.junit.ReportDirectories;
import io.testabort.reports.summary.StepSummary;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Collects the markers crashed test JVMs left into the crash log, adds the crashes to Surefire's and
 * Failsafe's JUnit XML reports and prints them: the crashes new since the goal last reported (collected
 * now, or by the agent during the build), so a later build that did not clean does not show an earlier
 * build's crashes as its own. Bound to {@code verify} when the build goes on after failing tests
 * ({@code testFailureIgnore}); when a crash stopped the build, run {@code mvn test-abort:report} in the next
 * CI step. Running it again changes nothing.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ReportMojo extends AbstractMojo {
  private static final String FAILSAFE = "org.apache.maven.plugins:maven-failsafe-plugin";

  /** Does nothing. */
  @Parameter(property = "test-abort.skip", defaultValue = "false")
  boolean skip;

  /** Where the test JVMs keep their markers (prepare-agent's {@code dir}). */
  @Parameter(property = "test-abort.dir", defaultValue = "${project.build.directory}/test-abort")
  File dir;

  /** The JSONL crash log the collected crashes are appended to. */
  @Parameter(property = "test-abort.crashLog", defaultValue = "${project.build.directory}/test-abort/crashes.jsonl")
  File crashLog;

  /** Surefire's JUnit XML reports. */
  @Parameter(property = "test-abort.surefireReports", defaultValue = "${project.build.directory}/surefire-reports")
  File surefireReports;

  /** Failsafe's JUnit XML reports. */
  @Parameter(property = "test-abort.failsafeReports", defaultValue = "${project.build.directory}/failsafe-reports")
  File failsafeReports;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  @Override
  public void execute() throws MojoExecutionException {
    if (skip) {
      getLog().info("test-abort: skipped (test-abort.skip)");
      return;
    }
    Path markers = dir.toPath();
    Path log = crashLog.toPath();
    try {
      List<CrashRecord> collected = collect(markers, log);
      if (!Files.exists(log)) {
        getLog().info("test-abort: no crashed test JVMs" + (Files.isDirectory(markers) ? "" : " (no " + markers + ")"));
        return;
      }
      ReportedUpTo reported = new ReportedUpTo(markers.resolve(ReportedUpTo.FILE_NAME), log);
      List<CrashRecord> others = new ArrayList<>();
      List<CrashRecord> crashes = latestPerNodeid(ofThisModule(reported.newRecords(), others));
      if (crashes.isEmpty()) {
        getLog().info("test-abort: no new crashed test JVMs since the last report (crash log " + log + ")"
            + (others.isEmpty() ? "" : "; " + ofOtherModules(others.size())));
      } else {
        Map<CrashRecord, Path> patched = addToReports(crashes);
        print(collected, crashes, log, patched, others.size());
        appendStepSummary(crashes);
      }
      reported.markAllReported();
    } catch (BadInputException e) {
      throw new MojoExecutionException("test-abort: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException("test-abort: " + e, e);
    }
  }

  /**
   * The crashes of this module's test JVMs: a record names the working directory its JVM ran in (a
   * Surefire or Failsafe fork runs in its module's), so a crash log shared by the modules of a build
   * ({@code test-abort.crashLog}) puts each crash in its own module's reports only. Records without one
   * (pytest-abort's, older ones), or with one outside the build, count as this module's.
   */
  private List<CrashRecord> ofThisModule(List<CrashRecord> records, List<CrashRecord> others) {
    List<Path> modules = new ArrayList<>();
    for (MavenProject p : session.getProjects()) {
      modules.add(p.getBasedir().toPath().toAbsolutePath().normalize());
    }
    Path basedir = project.getBasedir().toPath().toAbsolutePath().normalize();
    List<CrashRecord> mine = new ArrayList<>();
    for (CrashRecord r : records) {
      Path module = moduleOf(r.string("cwd", null), modules);
      if (module == null || module.equals(basedir)) {
        mine.add(r);
      } else {
        others.add(r);
      }
    }
    return mine;
  }

  /**
   * The module whose folder holds {@code cwd} most closely (a fork may run in a folder of its module,
   * Surefire's {@code workingDirectory}); null when the record names none, or a folder outside the build:
   * then every module shows it, rather than none.
   */
  static Path moduleOf(String cwd, List<Path> modules) {
    if (cwd == null) {
      return null;
    }
    Path dir = Path.of(cwd).toAbsolutePath().normalize();
    Path best = null;
    for (Path m : modules) {
      if (dir.startsWith(m) && (best == null || m.getNameCount() > best.getNameCount())) {
        best = m;
      }
    }
    return best;
  }

  private static String ofOtherModules(int n) {
    return n + (n == 1 ? " new crash there is another module's" : " new crashes there are other modules'");
  }

  /** One record per node id, its latest: a test that crashed again since is shown as it crashed last. */
  static List<CrashRecord> latestPerNodeid(List<CrashRecord> records) {
    Map<String, CrashRecord> latest = new LinkedHashMap<>();
    for (CrashRecord r : records) {
      latest.remove(r.nodeid());
      latest.put(r.nodeid(), r);
    }
    return new ArrayList<>(latest.values());
  }

  /** New crashes of JVMs that are gone, appended to the crash log; bad markers are named and left in place. */
  private List<CrashRecord> collect(Path markers, Path log) throws BadInputException, IOException {
    if (!Files.isDirectory(markers)) {
      return List.of();
    }
    Collector.Result result = new Collector(markers, new CrashLog(log)).collect();
    for (BadInputException bad : result.invalid()) {
      getLog().warn("test-abort: " + bad.getMessage());
    }
    return result.records();
  }

  /**
   * Every crash of the log into the report directory of the plugin that ran it. A report that already shows
   * the test (this run passed it, or an earlier report goal added it) is left as it is.
   */
  private Map<CrashRecord, Path> addToReports(List<CrashRecord> crashes) throws BadInputException, IOException {
    Path failsafe = failsafeReports.toPath();
    ReportDirectories directories = new ReportDirectories(List.of(surefireReports.toPath(), failsafe), failsafe, failsafeIncludes());
    for (Path written : directories.addTo(new ReportSet()).addCrashes(crashes, null)) {
      getLog().debug("test-abort: patched " + written);
    }
    return directories.placed();
  }

  /** Every new crash, with its phase, reason and the report it went to. */
  private void print(List<CrashRecord> collected, List<CrashRecord> crashes, Path log, Map<CrashRecord, Path> reports,
      int ofOtherModules) {
    getLog().error("test-abort: " + crashes.size() + (crashes.size() == 1 ? " test" : " tests")
        + " crashed the test JVM (" + collected.size() + " collected now; crash log " + log + "):");
    if (ofOtherModules > 0) {
      getLog().info("test-abort: and " + ofOtherModules(ofOtherModules));
    }
    for (CrashRecord crash : crashes) {
      Path report = reports.get(crash);
      getLog().error("  " + crash.nodeid() + " (phase " + crash.string("phase", "unknown") + "): " + crash.reason()
          + (report == null ? "" : " -> " + project.getBasedir().toPath().relativize(report.toAbsolutePath())));
    }
  }

  /**
   * On GitHub Actions ($GITHUB_STEP_SUMMARY set), the Markdown summary of the new crashes (collected now,
   * or by the agent during the build); only those, so that running the goal again does not repeat them.
   */
  private void appendStepSummary(List<CrashRecord> crashes) {
    try {
      if (!crashes.isEmpty() && StepSummary.appendIfConfigured(crashes)) {
        getLog().info("test-abort: crash summary appended to $" + StepSummary.ENV);
      }
    } catch (IOException e) {
      getLog().warn("test-abort: cannot append to $" + StepSummary.ENV + ": " + e.getMessage());
    }
  }

  /** Failsafe's include patterns in this build (plugin and execution configuration), or null without Failsafe. */
  private List<String> failsafeIncludes() {
    Plugin failsafe = project.getPlugin(FAILSAFE);
    if (failsafe == null) {
      return null;
    }
    List<String> includes = new ArrayList<>(includes(failsafe.getConfiguration()));
    for (PluginExecution execution : failsafe.getExecutions()) {
      includes.addAll(includes(execution.getConfiguration()));
    }
    return includes.isEmpty() ? ReportDirectories.FAILSAFE_DEFAULT_INCLUDES : includes;
  }

  private static List<String> includes(Object configuration) {
    List<String> out = new ArrayList<>();
    if (configuration instanceof Xpp3Dom) {
      Xpp3Dom list = ((Xpp3Dom) configuration).getChild("includes");
      if (list != null) {
        for (Xpp3Dom include : list.getChildren()) {
          if (include.getValue() != null) {
            out.add(include.getValue());
          }
        }
      }
    }
    return out;
  }
}
