package io.testabort.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One GPU per Surefire fork, as the README's recipe sets it up: {@code forkCount=2} and
 * {@code HIP_VISIBLE_DEVICES=$${surefire.forkNumber}} in {@code <environmentVariables>}, which Surefire
 * 3.2+ expands per fork ({@code $$}: as the whole value, a single {@code $} is evaluated to nothing by Maven
 * first). Real nested Maven and Surefire; the device ids are fake.
 */
class SurefireGpuForksIT {
  static final String PROBE = "package com.example.ledger;\n"
      + "class GpuProbe@N@Test {\n"
      + "  @org.junit.jupiter.api.Test void records() throws Exception {\n"
      + "    java.nio.file.Path d = java.nio.file.Files.createDirectories(java.nio.file.Path.of(\"target/gpu-probe\"));\n"
      + "    java.nio.file.Files.writeString(d.resolve(\"@N@-\" + ProcessHandle.current().pid()),\n"
      + "        System.getProperty(\"fork\") + \" \" + System.getenv(\"HIP_VISIBLE_DEVICES\"));\n"
      + "    Thread.sleep(3000);\n"
      + "  }\n"
      + "}\n";

  @TempDir Path dir;

  @Test
  void eachForkSeesItsOwnDeviceAndTheCrashRecordsIt() throws Exception {
    Path project = UserProject.JUNIT5.create(dir.resolve("ledger"));
    Path pom = project.resolve("pom.xml");
    String withForks = Files.readString(pom).replace("=dir=${project.build.directory}/test-abort</argLine>",
        "=dir=${project.build.directory}/test-abort -Dfork=${surefire.forkNumber}</argLine>\n"
            + "          <forkCount>2</forkCount>\n"
            + "          <environmentVariables><HIP_VISIBLE_DEVICES>$${surefire.forkNumber}</HIP_VISIBLE_DEVICES></environmentVariables>");
    assertThat(withForks).contains("<forkCount>2</forkCount>");
    Files.writeString(pom, withForks);
    for (String n : List.of("A", "B")) {
      Files.writeString(project.resolve("src/test/java/com/example/ledger/GpuProbe" + n + "Test.java"), PROBE.replace("@N@", n));
    }

    Jvm maven = UserProject.mavenTest(project, Jdks.current(), "LedgerTest#reconciles[2]", "segv");

    assertThat(maven.output).as(maven.toString()).contains("The forked VM terminated without properly saying goodbye");
    Map<String, Object> marker = Markers.only(project.resolve("target/test-abort"));
    assertThat(marker).containsEntry("nodeid", "com.example.ledger.LedgerTest#reconciles[2]");
    assertThat(marker.get("gpu_id")).as("the fork's device, expanded by Surefire").isIn("1", "2");
    List<String> probes;
    try (Stream<Path> files = Files.list(project.resolve("target/gpu-probe"))) {
      probes = files.map(f -> {
        try {
          return Files.readString(f);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).collect(Collectors.toList());
    }
    // in every fork that ran a probe, the device is that fork's number
    assertThat(probes).isNotEmpty().allMatch(p -> p.equals("1 1") || p.equals("2 2"));
  }
}
