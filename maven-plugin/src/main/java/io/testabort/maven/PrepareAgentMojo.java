package io.testabort.maven;

import java.io.File;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Appends the test-abort agent to the {@code argLine} property (or {@code propertyName}), which Surefire and
 * Failsafe put on their forked JVMs' command line. The agent jar comes from this plugin's own dependencies,
 * so the tests' class path never sees it.
 */
@Mojo(name = "prepare-agent", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public class PrepareAgentMojo extends AbstractMojo {
  static final String AGENT = "io.testabort:test-abort-agent";

  /** Does nothing: no agent on the command line. */
  @Parameter(property = "test-abort.skip", defaultValue = "false")
  boolean skip;

  /** The property the agent is appended to; Surefire and Failsafe read {@code argLine}. */
  @Parameter(property = "test-abort.propertyName", defaultValue = "argLine")
  String propertyName;

  /** Where each test JVM keeps its marker, {@code last_running_<pid>.json}. */
  @Parameter(property = "test-abort.dir", defaultValue = "${project.build.directory}/test-abort")
  File dir;

  /** Seconds one test may run before the agent dumps the threads, records a timeout and halts the JVM. */
  @Parameter(property = "test-abort.timeout")
  Integer timeout;

  /** {@code record} (default): a System.exit during a test is recorded; {@code fail}: it fails the test. */
  @Parameter(property = "test-abort.onExit")
  String onExit;

  /** A JSONL crash log the agent records earlier JVMs' crashes in when a JVM starts its first test. */
  @Parameter(property = "test-abort.crashLog")
  File crashLog;

  /** Environment variables read for the crash record's {@code gpu_id}, first set wins (comma-separated). */
  @Parameter(property = "test-abort.gpuEnv")
  String gpuEnv;

  @Parameter(defaultValue = "${plugin.artifactMap}", readonly = true, required = true)
  Map<String, Artifact> pluginArtifacts;

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
    Artifact agent = pluginArtifacts.get(AGENT);
    if (agent == null || agent.getFile() == null) {
      throw new MojoExecutionException("test-abort: " + AGENT + " is not among the plugin's resolved dependencies");
    }
    Properties properties = project.getProperties();
    // a -DargLine=... on the command line is what the forks would get; keep it, and the agent after it
    String existing = session.getUserProperties().getProperty(propertyName, properties.getProperty(propertyName));
    String value;
    try {
      value = new AgentArgument(agent.getFile().getAbsolutePath())
          .option("dir", dir.getAbsolutePath())
          .option("timeout", timeout)
          .option("onExit", onExit)
          .option("crashLog", crashLog == null ? null : crashLog.getAbsolutePath())
          // the agent also splits this list at ';' (its own options are split at ',')
          .option("gpuEnv", gpuEnv == null ? null : gpuEnv.trim().replace(',', ';'))
          .appendTo(existing);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("test-abort: " + e.getMessage());
    }
    properties.setProperty(propertyName, value);
    if (session.getUserProperties().getProperty(propertyName) != null) {
      // Maven resolves ${argLine} from the command line (its user and system properties) before the
      // project's properties: set it there too, or the forks get the -D value without the agent
      session.getUserProperties().setProperty(propertyName, value);
      session.getSystemProperties().setProperty(propertyName, value);
    }
    getLog().info("test-abort: " + propertyName + " set to " + value);
  }
}
