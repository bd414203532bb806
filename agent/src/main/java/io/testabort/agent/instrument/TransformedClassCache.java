package io.testabort.agent.instrument;

import io.testabort.agent.core.AgentLog;
import java.io.File;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hooked classes as Byte Buddy rewrote them, kept in the user's cache directory
 * ({@code $XDG_CACHE_HOME/test-abort} or {@code ~/.cache/test-abort}). Rewriting the first hooked class
 * loads and warms up some 900 Byte Buddy classes, about half a second in every test JVM; with the cache,
 * only the first JVM of a machine pays it. An entry is keyed by the agent jar (path, size, time) and the
 * SHA-256 of the class file it was made from, so another framework version or agent build never hits
 * a stale entry. Any cache problem just means rewriting the class again.
 */
final class TransformedClassCache {
  private final Path dir;

  private TransformedClassCache(Path dir) {
    this.dir = dir;
  }

  static TransformedClassCache in(Path dir) {
    return new TransformedClassCache(dir);
  }

  /** The cache for this agent jar in the user's cache directory, or a disabled one when there is none. */
  static TransformedClassCache forAgent(File agentJar) {
    String base = System.getenv("XDG_CACHE_HOME");
    String home = System.getProperty("user.home");
    if ((base == null || base.isEmpty()) && (home == null || home.isEmpty())) {
      return new TransformedClassCache(null);
    }
    return forAgent(agentJar, base != null && !base.isEmpty()
        ? Paths.get(base, "test-abort")
        : Paths.get(home, ".cache", "test-abort"));
  }

  static TransformedClassCache forAgent(File agentJar, Path root) {
    try {
      String agent = agentJar.getAbsolutePath() + '|' + agentJar.length() + '|' + agentJar.lastModified();
      return new TransformedClassCache(root.resolve("classes-" + hex(sha256(agent.getBytes("UTF-8"))).substring(0, 16)));
    } catch (Exception e) {
      AgentLog.debug("no class cache: " + e);
      return new TransformedClassCache(null);
    }
  }

  /** The rewritten class file made earlier from exactly {@code original}, or null. */
  byte[] get(String internalName, byte[] original) {
    if (dir == null) {
      return null;
    }
    try {
      byte[] cached = Files.readAllBytes(entry(internalName, original));
      return isClassFile(cached) ? cached : null;
    } catch (NoSuchFileException e) {
      return null;
    } catch (Exception e) {
      AgentLog.debug("class cache read failed: " + e);
      return null;
    }
  }

  void put(String internalName, byte[] original, byte[] rewritten) {
    if (dir == null) {
      return;
    }
    try {
      Files.createDirectories(dir);
      Path target = entry(internalName, original);
      // written whole under a private name, then renamed: a reader never sees half an entry
      Path tmp = Files.createTempFile(dir, ".entry", ".tmp");
      try {
        Files.write(tmp, rewritten);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        // no atomic rename here: better no cache than a torn entry
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (Exception e) {
      AgentLog.debug("class cache write failed: " + e);
    }
  }

  private static boolean isClassFile(byte[] b) {
    return b.length > 8 && (b[0] & 0xff) == 0xCA && (b[1] & 0xff) == 0xFE && (b[2] & 0xff) == 0xBA && (b[3] & 0xff) == 0xBE;
  }

  private Path entry(String internalName, byte[] original) throws NoSuchAlgorithmException {
    return dir.resolve(internalName.replace('/', '.') + '-' + hex(sha256(original)) + ".class");
  }

  private static byte[] sha256(byte[] bytes) throws NoSuchAlgorithmException {
    return MessageDigest.getInstance("SHA-256").digest(bytes);
  }

  private static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      out.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return out.toString();
  }

}
